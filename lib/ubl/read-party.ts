import { UblDocumentError } from './errors';
import type { Address, Party, TaxRegistration } from './model';
import { compact, optionalIdentifier } from './read-values';
import type { XmlElement } from './xml';
import { childOf, childrenOf, textOf } from './xml-query';

export function readAddress(element: XmlElement | undefined): Address | undefined {
	if (!element) return undefined;
	return compact({
		streetName: textOf(element, 'cbc:StreetName'),
		additionalStreetName: textOf(element, 'cbc:AdditionalStreetName'),
		cityName: textOf(element, 'cbc:CityName'),
		postalZone: textOf(element, 'cbc:PostalZone'),
		countrySubentity: textOf(element, 'cbc:CountrySubentity'),
		addressLine: textOf(element, 'cac:AddressLine/cbc:Line'),
		countryCode: textOf(element, 'cac:Country/cbc:IdentificationCode'),
	});
}

function readTaxSchemes(party: XmlElement): { vatId?: string; taxRegistration?: TaxRegistration } {
	let vatId: string | undefined;
	let taxRegistration: TaxRegistration | undefined;
	for (const scheme of childrenOf(party, 'cac:PartyTaxScheme')) {
		const companyId = textOf(scheme, 'cbc:CompanyID') ?? '';
		const taxSchemeId = textOf(scheme, 'cac:TaxScheme/cbc:ID') ?? '';
		if (taxSchemeId === 'VAT' && vatId === undefined) vatId = companyId;
		else taxRegistration ??= { companyId, taxSchemeId };
	}
	return { vatId, taxRegistration };
}

/** Reads a `cac:Party`-shaped element (also PayeeParty, TaxRepresentativeParty, SenderParty...). */
export function readParty(element: XmlElement | undefined): Party | undefined {
	if (!element) return undefined;
	const legalEntity = childOf(element, 'cac:PartyLegalEntity');
	const contact = childOf(element, 'cac:Contact');
	const identifiers = childrenOf(element, 'cac:PartyIdentification')
		.map((identification) => optionalIdentifier(identification, 'cbc:ID'))
		.filter((identifier) => identifier !== undefined);
	return compact({
		endpoint: optionalIdentifier(element, 'cbc:EndpointID'),
		identifiers,
		name: textOf(element, 'cac:PartyName/cbc:Name'),
		address: readAddress(childOf(element, 'cac:PostalAddress')),
		...readTaxSchemes(element),
		registrationName: textOf(legalEntity, 'cbc:RegistrationName'),
		companyId: optionalIdentifier(legalEntity, 'cbc:CompanyID'),
		legalForm: textOf(legalEntity, 'cbc:CompanyLegalForm'),
		contact: contact
			? compact({
					name: textOf(contact, 'cbc:Name'),
					telephone: textOf(contact, 'cbc:Telephone'),
					email: textOf(contact, 'cbc:ElectronicMail'),
				})
			: undefined,
	});
}

/** A mandatory party at a path below the root, e.g. `cac:AccountingSupplierParty/cac:Party`. */
export function readRequiredParty(root: XmlElement, path: string): Party {
	const party = readParty(childOf(root, path));
	if (!party) throw new UblDocumentError(`<${root.name}> has no ${path}`, root);
	return party;
}
