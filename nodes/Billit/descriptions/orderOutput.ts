import type { INodeProperties } from 'n8n-workflow';
import { simplifyProperty } from '../../shared/billit/descriptions/paging';

export const sortProperty: INodeProperties = {
	displayName: 'Sort',
	name: 'sort',
	type: 'options',
	default: 'lastModifiedAsc',
	options: [
		{
			name: 'Last Modified (Stable Paging)',
			value: 'lastModifiedAsc',
			description:
				'Oldest change first; invoices edited while the list is read are neither lost nor repeated',
		},
		{ name: 'Invoice Date, Newest First', value: 'orderDateDesc' },
		{ name: 'Invoice Date, Oldest First', value: 'orderDateAsc' },
	],
};

export const splitLinesProperty: INodeProperties = {
	displayName: 'Split Lines',
	name: 'splitLines',
	type: 'boolean',
	default: false,
	description:
		"Whether to output one item per invoice line carrying the invoice's header fields (ready for Convert to File)",
};

/** Options of the order Get Many operations. */
export const orderListOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [simplifyProperty, sortProperty, splitLinesProperty],
};

/** Options of the single-order read operations. */
export const orderReadOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [simplifyProperty],
};
