import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { pagingProperties } from '../../../shared/billit/descriptions/paging';
import { listForItem } from '../../../shared/billit/helpers/request';

export const description = updateDisplayOptions(
	{ show: { resource: ['bankTransaction'], operation: ['getMany'] } },
	[
		...pagingProperties,
		{ displayName: 'Raw OData Filter', name: 'rawFilter', type: 'string', default: '' },
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const filter = String(this.getNodeParameter('rawFilter', itemIndex, '')).trim();
	const transactions = await listForItem.call(this, itemIndex, {
		method: 'GET',
		path: '/v1/financialTransactions',
		qs: filter ? { $filter: filter } : undefined,
	});
	return this.helpers.returnJsonArray(transactions);
}
