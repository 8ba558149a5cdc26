import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { parseId } from '../../../shared/billit/helpers/parse';

import { webhookIdProperty } from '../../descriptions/webhook';
import { refreshWebhookSecret } from '../../helpers/webhooks';

export const description = updateDisplayOptions(
	{ show: { resource: ['webhook'], operation: ['refreshSecret'] } },
	[webhookIdProperty],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const webhookId = parseId(this.getNodeParameter('webhookId', itemIndex), 'Webhook ID');
	const secret = await refreshWebhookSecret.call(this, itemIndex, webhookId);
	return [{ json: { WebhookID: webhookId, Secret: secret } }];
}
