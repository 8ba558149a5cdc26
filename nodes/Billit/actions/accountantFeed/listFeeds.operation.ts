import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { requestForItem } from '../../../shared/billit/helpers/request';

export const description = updateDisplayOptions(
	{ show: { resource: ['accountantFeed'], operation: ['listFeeds'] } },
	[],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const feeds = (await requestForItem.call(this, itemIndex, {
		method: 'GET',
		path: '/v1/accountant/feeds',
	})) as IDataObject[] | { Items?: IDataObject[] };
	return (Array.isArray(feeds) ? feeds : (feeds.Items ?? [])).map((feed) => ({ json: feed }));
}
