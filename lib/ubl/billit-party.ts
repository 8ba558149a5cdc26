import type { Address as BillitAddress, Party as BillitParty } from '../billit/types';
import type { Address, Identifier, Party } from './model';
import {
	SCHEME_BELGIAN_COMPANY_NUMBER,
	SCHEME_GLN,
	belgianCompanyNumber,
	normaliseVatNumber,
	parsePeppolIdentifier,
	schemeOfIdentifierType,
	vatEndpoint,
} from './peppol-identifiers';
import { compact } from './read-values';

function nonEmpty(value: string | undefined): string | undefined {
	const trimmed = value?.trim();
	return trimmed ? trimmed : undefined;
}

function invoiceAddressOf(party: BillitParty): BillitAddress {
	const addresses = party.Addresses ?? [];
	return addresses.find((address) => address.AddressType === 'InvoiceAddress') ?? addresses[0] ?? party;
}

export function toModelAddress(address: BillitAddress): Address | undefined {
	const street = [nonEmpty(address.Street), nonEmpty(address.StreetNumber)].filter(Boolean).join(' ');
	const box = nonEmpty(address.Box);
	const result = compact({
		streetName: street ? (box ? `${street} box ${box}` : street) : undefined,
		cityName: nonEmpty(address.City),
		postalZone: nonEmpty(address.Zipcode),
		countryCode: nonEmpty(address.CountryCode)?.toUpperCase(),
	});
	return Object.keys(result).length > 0 ? result : undefined;
}

function identifiersOf(party: BillitParty): Array<Identifier & { preferred: boolean }> {
	return (party.Identifiers ?? []).flatMap((identifier) => {
		const id = nonEmpty(identifier.Identifier);
		const schemeId = schemeOfIdentifierType(identifier.SchemeID, identifier.IdentifierType);
		return id && schemeId ? [{ id, schemeId, preferred: identifier.Preferred === true }] : [];
	});
}

function companyIdOf(party: BillitParty, identifiers: Identifier[]): Identifier | undefined {
	const registered = identifiers.find((identifier) => identifier.schemeId === SCHEME_BELGIAN_COMPANY_NUMBER);
	const id = registered?.id.replace(/\D/g, '') ?? belgianCompanyNumber(party.VATNumber);
	return id ? { id, schemeId: SCHEME_BELGIAN_COMPANY_NUMBER } : undefined;
}

/**
 * The Peppol endpoint: the party's own Peppol identifier, else its preferred identifier, else its
 * Belgian company number (0208), GLN (0088) or VAT number (9925 for Belgium).
 */
export function endpointOf(party: BillitParty): Identifier | undefined {
	const explicit = parsePeppolIdentifier(party.PeppolIdentifier);
	if (explicit) return explicit;
	const identifiers = identifiersOf(party);
	const preferred = identifiers.find((identifier) => identifier.preferred);
	if (preferred) return { id: preferred.id, schemeId: preferred.schemeId };
	const candidates = [
		companyIdOf(party, identifiers),
		identifiers.find((identifier) => identifier.schemeId === SCHEME_GLN),
		vatEndpoint(party.VATNumber),
	];
	const found = candidates.find((candidate) => candidate !== undefined);
	return found ? { id: found.id, schemeId: found.schemeId } : undefined;
}

/** A Billit party (customer, supplier or the own company) as a UBL seller or buyer. */
export function toModelParty(party: BillitParty): Party {
	const identifiers = identifiersOf(party);
	const legalName = nonEmpty(party.Name) ?? nonEmpty(party.DisplayName) ?? nonEmpty(party.CommercialName);
	const vat = nonEmpty(party.VATNumber);
	const contact = compact({ telephone: nonEmpty(party.Phone) ?? nonEmpty(party.Mobile), email: nonEmpty(party.Email) });
	return compact({
		endpoint: endpointOf(party),
		identifiers: identifiers
			.filter((identifier) => identifier.schemeId !== SCHEME_BELGIAN_COMPANY_NUMBER)
			.map(({ id, schemeId }) => ({ id, schemeId })),
		name: nonEmpty(party.CommercialName) ?? legalName,
		address: toModelAddress(invoiceAddressOf(party)),
		vatId: vat ? normaliseVatNumber(vat) : undefined,
		registrationName: legalName,
		companyId: companyIdOf(party, identifiers),
		contact: Object.keys(contact).length > 0 ? contact : undefined,
	});
}
