import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { buildPartyFilter } from '../../../../lib/billit/listing/filters';
import { pagingProperties, simplifyProperty } from '../../../shared/billit/descriptions/paging';
import { listForItem } from '../../../shared/billit/helpers/request';
import { simplifyParty } from '../../helpers/simplify';
import { partyTypeOptions } from '../../descriptions/party';

export const description = updateDisplayOptions(
	{ show: { resource: ['party'], operation: ['getMany'] } },
	[
		...pagingProperties,
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{ displayName: 'Raw OData Filter', name: 'raw', type: 'string', default: '' },
				{
					displayName: 'Search',
					name: 'search',
					type: 'string',
					default: '',
					description: 'Full-text search, e.g. part of a name',
				},
				{
					displayName: 'Type',
					name: 'partyType',
					type: 'options',
					options: partyTypeOptions,
					default: 'Customer',
				},
				{ displayName: 'VAT Number', name: 'vatNumber', type: 'string', default: '' },
			],
		},
		simplifyProperty,
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const { search, ...filters } = this.getNodeParameter('filters', itemIndex, {}) as {
		search?: string;
		partyType?: string;
		vatNumber?: string;
		raw?: string;
	};
	const filter = buildPartyFilter(filters);
	const parties = await listForItem.call(this, itemIndex, {
		method: 'GET',
		path: '/v1/parties',
		qs: { ...(filter ? { $filter: filter } : {}), ...(search ? { fullTextSearch: search } : {}) },
	});
	const simplify = this.getNodeParameter('simplify', itemIndex, false) as boolean;
	return parties.map((party) => ({ json: simplify ? simplifyParty(party) : party }));
}
