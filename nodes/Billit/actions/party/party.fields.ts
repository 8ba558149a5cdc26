import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { compact } from '../../helpers/compact';

/** Party fields a create-or-update and an update can set (Billit's patchable party fields). */
export const partyFieldOptions: INodeProperties[] = [
	{ displayName: 'BIC', name: 'BIC', type: 'string', default: '' },
	{ displayName: 'City', name: 'City', type: 'string', default: '' },
	{ displayName: 'Commercial Name', name: 'CommercialName', type: 'string', default: '' },
	{ displayName: 'Country Code', name: 'CountryCode', type: 'string', default: '' },
	{
		displayName: 'Email',
		name: 'Email',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
	},
	{ displayName: 'GL Account Code', name: 'GLAccountCode', type: 'string', default: '' },
	{ displayName: 'IBAN', name: 'IBAN', type: 'string', default: '' },
	{
		displayName: 'Language',
		name: 'Language',
		type: 'string',
		default: '',
		placeholder: 'e.g. NL',
	},
	{ displayName: 'Mobile', name: 'Mobile', type: 'string', default: '' },
	{ displayName: 'Name', name: 'Name', type: 'string', default: '' },
	{
		displayName: 'Number',
		name: 'Nr',
		type: 'string',
		default: '',
		description: 'Your own customer or supplier number',
	},
	{ displayName: 'Phone', name: 'Phone', type: 'string', default: '' },
	{ displayName: 'Street', name: 'Street', type: 'string', default: '' },
	{ displayName: 'Street Number', name: 'StreetNumber', type: 'string', default: '' },
	{ displayName: 'VAT Liable', name: 'VATLiable', type: 'boolean', default: true },
	{ displayName: 'VAT Number', name: 'VATNumber', type: 'string', default: '' },
	{ displayName: 'Zip Code', name: 'Zipcode', type: 'string', default: '' },
];

export const partyTypeOptions = [
	{ name: 'Customer', value: 'Customer' },
	{ name: 'Supplier', value: 'Supplier' },
];

/** The party body from the UI collection, without empty values. */
export function partyBody(fields: IDataObject): IDataObject {
	return compact({ ...fields });
}
