import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { pagingProperties } from '../../../shared/billit/descriptions/paging';
import { listForItem } from '../../../shared/billit/helpers/request';

export const description = updateDisplayOptions(
	{ show: { resource: ['product'], operation: ['getMany'] } },
	[
		...pagingProperties,
		{
			displayName: 'Search',
			name: 'search',
			type: 'string',
			default: '',
			description: 'Full-text search on reference and description',
		},
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const search = String(this.getNodeParameter('search', itemIndex, '')).trim();
	const products = await listForItem.call(this, itemIndex, {
		method: 'GET',
		path: '/v1/products',
		qs: search ? { fullTextSearch: search } : undefined,
	});
	return this.helpers.returnJsonArray(products);
}
