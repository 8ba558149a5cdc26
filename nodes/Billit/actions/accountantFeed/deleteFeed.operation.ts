import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { requestForItem } from '../../../shared/billit/helpers/request';
import { feedNameProperty, feedPath } from '../../descriptions/accountantFeed';

export const description = updateDisplayOptions(
	{ show: { resource: ['accountantFeed'], operation: ['deleteFeed'] } },
	[feedNameProperty],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const name = String(this.getNodeParameter('feedName', itemIndex)).trim();
	const answer: unknown = await requestForItem.call(this, itemIndex, {
		method: 'DELETE',
		path: feedPath(name),
	});
	return [{ json: { Name: name, deleted: answer !== false } }];
}
