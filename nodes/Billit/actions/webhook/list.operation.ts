import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { requestForItem } from '../../helpers/request';

export const description = updateDisplayOptions(
	{ show: { resource: ['webhook'], operation: ['list'] } },
	[],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const webhooks = (await requestForItem.call(this, itemIndex, {
		method: 'GET',
		path: '/v1/webhooks',
	})) as IDataObject[] | { Items?: IDataObject[] };
	return (Array.isArray(webhooks) ? webhooks : (webhooks.Items ?? [])).map((webhook) => ({
		json: webhook,
	}));
}
