import type { INodeProperties } from 'n8n-workflow';

interface LocatorOptions {
	name: string;
	displayName: string;
	searchListMethod: string;
	description?: string;
}

/** A resource locator picking a Billit record from a searchable list or by its numeric ID. */
function idLocator(options: LocatorOptions): INodeProperties {
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: options.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: options.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 1234567',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'An ID is a number' },
					},
				],
			},
		],
	};
}

export function invoiceLocator(name = 'orderId', displayName = 'Invoice'): INodeProperties {
	return idLocator({ name, displayName, searchListMethod: 'searchInvoices' });
}

export function partyLocator(name = 'partyId', displayName = 'Party'): INodeProperties {
	return idLocator({ name, displayName, searchListMethod: 'searchParties' });
}
