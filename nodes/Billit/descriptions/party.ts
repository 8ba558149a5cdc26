import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { compact } from '../../shared/compact';

const text = (displayName: string, name: string): INodeProperties => ({ displayName, name, type: 'string', default: '' });

/** Party fields Billit lets a PATCH change (patchable-properties page, party endpoint). */
export const partyPatchFieldOptions: INodeProperties[] = [
	text('Box', 'Box'),
	text('City', 'City'),
	text('Commercial Name', 'CommercialName'),
	text('Contact First Name', 'ContactFirstName'),
	text('Contact Last Name', 'ContactLastName'),
	text('Country Code', 'CountryCode'),
	text('Fax', 'Fax'),
	text('GL Account Code', 'GLAccountCode'),
	text('IBAN', 'IBAN'),
	{ ...text('Language', 'Language'), placeholder: 'e.g. NL' },
	text('Mobile', 'Mobile'),
	text('Name', 'Name'),
	{ ...text('Number', 'Nr'), description: 'Your own customer or supplier number' },
	text('Phone', 'Phone'),
	text('Street', 'Street'),
	text('Street Number', 'StreetNumber'),
	{ displayName: 'VAT Liable', name: 'VATLiable', type: 'boolean', default: true },
	text('VAT Number', 'VATNumber'),
	text('Zip Code', 'Zipcode'),
];

export const PATCHABLE_PARTY_FIELDS = partyPatchFieldOptions.map((option) => option.name);

/** Party fields a create-or-update can set: the patchable ones plus fields of the Party model a PATCH cannot change. */
export const partyFieldOptions: INodeProperties[] = [
	text('BIC', 'BIC'),
	{ ...text('Email', 'Email'), placeholder: 'name@email.com' },
	...partyPatchFieldOptions,
].sort((a, b) => a.displayName.localeCompare(b.displayName));

export const partyTypeOptions = [
	{ name: 'Customer', value: 'Customer' },
	{ name: 'Supplier', value: 'Supplier' },
];

/** The party body from the UI collection, without empty values. */
export function partyBody(fields: IDataObject): IDataObject {
	return compact({ ...fields });
}
