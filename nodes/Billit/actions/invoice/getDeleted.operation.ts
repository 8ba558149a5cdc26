import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { pagingProperties } from '../../../shared/billit/descriptions/paging';
import { listForItem } from '../../../shared/billit/helpers/request';

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['getDeleted'] } },
	[...pagingProperties],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const deleted = await listForItem.call(this, itemIndex, {
		method: 'GET',
		path: '/v1/orders/deleted',
	});
	return this.helpers.returnJsonArray(deleted);
}
