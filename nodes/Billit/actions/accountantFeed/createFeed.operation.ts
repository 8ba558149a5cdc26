import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { requestForItem } from '../../../shared/billit/helpers/request';
import { feedNameProperty, feedPath } from '../../descriptions/accountantFeed';

export const description = updateDisplayOptions(
	{ show: { resource: ['accountantFeed'], operation: ['createFeed'] } },
	[feedNameProperty],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const name = String(this.getNodeParameter('feedName', itemIndex)).trim();
	feedPath(name);
	const feed = await requestForItem.call(this, itemIndex, {
		method: 'POST',
		path: '/v1/accountant/feeds',
		body: { Name: name },
	});
	return [
		{ json: (typeof feed === 'object' && feed !== null ? feed : { Name: name }) as IDataObject },
	];
}
