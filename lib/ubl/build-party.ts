import type { Address, Party } from './model';
import { group, leaf, type MaybeNode } from './node-builders';

export function taxSchemeNode(id: string): MaybeNode {
	return group('cac:TaxScheme', [leaf('cbc:ID', id)]);
}

export function addressNode(name: string, address: Address | undefined): MaybeNode {
	if (!address) return undefined;
	return group(name, [
		leaf('cbc:StreetName', address.streetName),
		leaf('cbc:AdditionalStreetName', address.additionalStreetName),
		leaf('cbc:CityName', address.cityName),
		leaf('cbc:PostalZone', address.postalZone),
		leaf('cbc:CountrySubentity', address.countrySubentity),
		group('cac:AddressLine', [leaf('cbc:Line', address.addressLine)]),
		group('cac:Country', [leaf('cbc:IdentificationCode', address.countryCode)]),
	]);
}

/** Any UBL party element (`cac:Party`, `cac:PayeeParty`, `cac:SenderParty`...) in schema order. */
export function partyNode(name: string, party: Party | undefined): MaybeNode {
	if (!party) return undefined;
	const taxRegistration = party.taxRegistration;
	return group(name, [
		leaf('cbc:EndpointID', party.endpoint?.id, { schemeID: party.endpoint?.schemeId }),
		...(party.identifiers ?? []).map((identifier) =>
			group('cac:PartyIdentification', [leaf('cbc:ID', identifier.id, { schemeID: identifier.schemeId })]),
		),
		group('cac:PartyName', [leaf('cbc:Name', party.name)]),
		addressNode('cac:PostalAddress', party.address),
		party.vatId ? group('cac:PartyTaxScheme', [leaf('cbc:CompanyID', party.vatId), taxSchemeNode('VAT')]) : undefined,
		taxRegistration
			? group('cac:PartyTaxScheme', [
					leaf('cbc:CompanyID', taxRegistration.companyId),
					taxSchemeNode(taxRegistration.taxSchemeId),
				])
			: undefined,
		group('cac:PartyLegalEntity', [
			leaf('cbc:RegistrationName', party.registrationName),
			leaf('cbc:CompanyID', party.companyId?.id, { schemeID: party.companyId?.schemeId }),
			leaf('cbc:CompanyLegalForm', party.legalForm),
		]),
		group('cac:Contact', [
			leaf('cbc:Name', party.contact?.name),
			leaf('cbc:Telephone', party.contact?.telephone),
			leaf('cbc:ElectronicMail', party.contact?.email),
		]),
	]);
}
