import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { buildOrderFilter, type OrderFilterFields } from '../../../../lib/billit/listing/filters';
import { orderDirectionOptions, orderTypeOptions } from './orderOptions';

/** Filters of the order Get Many operations, as UI fields plus a raw OData filter. */
const allOrderFilters: INodeProperties = {
	displayName: 'Filters',
	name: 'filters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	options: [
		{ displayName: 'Changed Since', name: 'modifiedSince', type: 'dateTime', default: '' },
		{ displayName: 'Counterparty ID', name: 'counterPartyId', type: 'number', default: 0 },
		{
			displayName: 'Customer or Supplier Name',
			name: 'customerName',
			type: 'string',
			default: '',
			description: 'Exact display name of the counterparty',
		},
		{
			displayName: 'Direction',
			name: 'orderDirection',
			type: 'options',
			options: orderDirectionOptions,
			default: 'Income',
		},
		{ displayName: 'Exported', name: 'exportedToConnector', type: 'boolean', default: false },
		{ displayName: 'Invoice Date From', name: 'orderDateFrom', type: 'dateTime', default: '' },
		{ displayName: 'Invoice Date To', name: 'orderDateTo', type: 'dateTime', default: '' },
		{ displayName: 'Paid', name: 'paid', type: 'boolean', default: false },
		{
			displayName: 'Raw OData Filter',
			name: 'raw',
			type: 'string',
			default: '',
			placeholder: "e.g. TotalIncl gt 1000 and Currency eq 'EUR'",
			description:
				'Added to the other filters with "and". Billit speaks OData v3: write dates as DateTime\'2026-01-31\' and text search as substringof(\'text\', Reference).',
		},
		{ displayName: 'Sent', name: 'isSent', type: 'boolean', default: false },
		{
			displayName: 'Type',
			name: 'orderType',
			type: 'options',
			options: orderTypeOptions,
			default: 'Invoice',
		},
	],
};

export const orderFiltersProperty = allOrderFilters;

/** The filters without the given fields (for operations that fix them). */
export function orderFiltersWithout(...names: string[]): INodeProperties {
	return {
		...allOrderFilters,
		options: allOrderFilters.options!.filter((option) => !names.includes(option.name)),
	};
}

/** The OData filter for the item's Filters collection, plus fixed clauses of the operation. */
export function orderFilterFor(
	this: IExecuteFunctions,
	itemIndex: number,
	fixed: OrderFilterFields = {},
): string | undefined {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as OrderFilterFields;
	const counterPartyId = filters.counterPartyId ? filters.counterPartyId : undefined;
	return buildOrderFilter({ ...filters, counterPartyId, ...fixed });
}
