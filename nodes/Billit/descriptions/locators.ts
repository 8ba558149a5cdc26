import type { INodeProperties } from 'n8n-workflow';

/** The resource locator mode that finds an invoice by its number when the node runs. */
export const INVOICE_NUMBER_MODE = 'number';

interface LocatorOptions {
	name: string;
	displayName: string;
	searchListMethod: string;
	description?: string;
	/** Shown when "By ID" holds something other than a number. */
	idError: string;
	/** Adds "By Invoice Number": the node looks the OrderID up when it runs. */
	byInvoiceNumber?: boolean;
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
						properties: { regex: '^\\s*\\d+\\s*$', errorMessage: options.idError },
					},
				],
			},
			...(options.byInvoiceNumber
				? [
						{
							displayName: 'By Invoice Number',
							name: INVOICE_NUMBER_MODE,
							type: 'string' as const,
							placeholder: 'e.g. 2026/0007',
							hint: 'The invoice number as shown in Billit (OrderNumber); the node looks up its OrderID',
						},
					]
				: []),
		],
	};
}

export function invoiceLocator(name = 'orderId', displayName = 'Invoice'): INodeProperties {
	return idLocator({
		name,
		displayName,
		searchListMethod: 'searchInvoices',
		idError: "The ID is Billit's OrderID, a number, not the invoice number: use By Invoice Number or search From List",
		byInvoiceNumber: true,
	});
}

export function partyLocator(name = 'partyId', displayName = 'Party'): INodeProperties {
	return idLocator({
		name,
		displayName,
		searchListMethod: 'searchParties',
		idError: "The ID is Billit's PartyID, a number: search the party by name From List",
	});
}
