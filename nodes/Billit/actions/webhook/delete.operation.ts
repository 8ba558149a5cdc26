import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { parseId } from '../../../shared/billit/helpers/parse';
import { requestForItem } from '../../../shared/billit/helpers/request';
import { webhookIdProperty } from '../../descriptions/webhook';

export const description = updateDisplayOptions(
	{ show: { resource: ['webhook'], operation: ['delete'] } },
	[webhookIdProperty],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const webhookId = parseId(this.getNodeParameter('webhookId', itemIndex), 'Webhook ID');
	const answer: unknown = await requestForItem.call(this, itemIndex, {
		method: 'DELETE',
		path: `/v1/webhooks/${webhookId}`,
	});
	return [{ json: { WebhookID: webhookId, deleted: answer !== false } }];
}
