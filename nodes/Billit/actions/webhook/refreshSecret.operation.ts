import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { parseId } from '../../helpers/parse';
import { requestForItem } from '../../helpers/request';
import { webhookIdProperty } from './webhook.fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['webhook'], operation: ['refreshSecret'] } },
	[webhookIdProperty],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const webhookId = parseId(this.getNodeParameter('webhookId', itemIndex), 'Webhook ID');
	const answer: unknown = await requestForItem.call(this, itemIndex, {
		method: 'POST',
		path: `/v1/webhooks/refresh/${webhookId}`,
	});
	const secret =
		typeof answer === 'object' && answer !== null ? (answer as IDataObject).Secret : answer;
	return [{ json: { WebhookID: webhookId, Secret: secret as string } }];
}
