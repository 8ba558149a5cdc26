import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { pagingProperties } from '../../../shared/billit/descriptions/paging';
import { listForItem } from '../../../shared/billit/helpers/request';

export const description = updateDisplayOptions(
	{ show: { resource: ['document'], operation: ['getMany'] } },
	[
		...pagingProperties,
		{
			displayName: 'Raw OData Filter',
			name: 'rawFilter',
			type: 'string',
			default: '',
			placeholder: "e.g. Status eq 'Pending'",
		},
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const filter = String(this.getNodeParameter('rawFilter', itemIndex, '')).trim();
	const documents = await listForItem.call(this, itemIndex, {
		method: 'GET',
		path: '/v1/documents',
		qs: filter ? { $filter: filter } : undefined,
	});
	return this.helpers.returnJsonArray(documents);
}
