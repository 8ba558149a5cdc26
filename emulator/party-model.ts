import type { AuthContext } from './auth';
import { badRequest } from './http';
import type { Json, Store } from './store';
import { validate, type Schema } from './validation';

const addressSchema: Schema = {
	AddressType: { oneOf: ['InvoiceAddress', 'DeliveryAddress'] },
	Name: 'string',
	Street: 'string',
	StreetNumber: 'string',
	Box: 'string',
	Zipcode: 'string',
	City: 'string',
	CountryCode: 'string',
};

/** Fields a party PATCH may change (patchable-properties page, party endpoint), with their types. */
export const patchablePartySchema: Schema = {
	GLAccountCode: 'string',
	GLDefaultExpiryOffset: 'string',
	Nr: 'string',
	ExternalProviderTC: 'string',
	ExternalProviderID: 'string',
	Name: 'string',
	CommercialName: 'string',
	ContactFirstName: 'string',
	ContactLastName: 'string',
	CountryCode: 'string',
	City: 'string',
	Street: 'string',
	StreetNumber: 'string',
	Zipcode: 'string',
	Box: 'string',
	Phone: 'string',
	Mobile: 'string',
	Fax: 'string',
	VATNumber: 'string',
	IBAN: 'string',
	Language: 'string',
	VATLiable: 'boolean',
};

export const partySchema: Schema = {
	...patchablePartySchema,
	DisplayName: 'string',
	Email: 'string',
	Addresses: { array: { object: addressSchema } },
	BIC: 'string',
	PartyID: 'integer',
	PartyType: { oneOf: ['Customer', 'Supplier'] },
	PeppolIdentifier: 'string',
	Identifiers: {
		array: { object: { IdentifierType: 'string', Identifier: 'string', SchemeID: 'string', Preferred: 'boolean' } },
	},
	DefaultTransportTypeTC: 'string',
	CustomFields: 'map',
	Contacts: { array: 'map' },
};

export const partyProperties = new Set([...Object.keys(partySchema), 'Created', 'LastModified']);

export const normalizeVat = (vat: unknown) =>
	typeof vat === 'string' ? vat.replace(/[\s.-]/g, '').toUpperCase() : '';

/**
 * Create-or-update as Billit does: an explicit PartyID updates that party; otherwise an existing
 * party of the same type with the same VAT number, e-mail or number is updated; else one is created.
 */
export function upsertParty(store: Store, auth: AuthContext, body: unknown, defaultType: 'Customer' | 'Supplier'): Json {
	validate(body, partySchema, store.switches.rejectUnknownFields);
	const input = body as Json;
	const parties = auth.data.parties;
	const type = (input.PartyType as string | undefined) ?? defaultType;
	let existing: Json | undefined;
	if (input.PartyID !== undefined) {
		existing = parties.get(input.PartyID as number);
		if (!existing) throw badRequest('PartyNotFound', `Party ${String(input.PartyID)} was not found`);
	} else {
		existing = [...parties.values()].find((party) => party.PartyType === type && samePartyIdentity(party, input));
	}
	if (!existing && !input.Name && !input.DisplayName) {
		throw badRequest('RequiredFieldMissing', "Party: the field 'Name' is required");
	}
	const now = store.stamp();
	const party: Json = existing ?? { PartyID: store.nextId('party'), PartyType: type, Created: now };
	Object.assign(party, input, { PartyType: type, LastModified: now });
	if (typeof party.VATNumber === 'string') party.VATNumber = normalizeVat(party.VATNumber);
	party.DisplayName = (input.DisplayName as string | undefined) ?? party.DisplayName ?? party.Name;
	parties.set(party.PartyID as number, party);
	return party;
}

function samePartyIdentity(party: Json, input: Json): boolean {
	if (input.VATNumber && normalizeVat(input.VATNumber) === party.VATNumber) return true;
	if (input.Email && typeof party.Email === 'string' && party.Email.toLowerCase() === String(input.Email).toLowerCase()) {
		return true;
	}
	return Boolean(input.Nr) && party.Nr === input.Nr;
}
