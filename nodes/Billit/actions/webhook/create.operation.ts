import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { requestForItem } from '../../../shared/billit/helpers/request';
import { listWebhooks, refreshWebhookSecret } from '../../helpers/webhooks';

export const description = updateDisplayOptions(
	{ show: { resource: ['webhook'], operation: ['create'] } },
	[
		{
			displayName: 'Entity',
			name: 'entityType',
			type: 'options',
			default: 'Order',
			options: [
				{ name: 'Order', value: 'Order', description: 'Invoices and other documents' },
				{ name: 'Message', value: 'Message', description: 'Delivery feedback (Peppol, e-mail, …)' },
			],
		},
		{
			displayName: 'Event',
			name: 'entityUpdateType',
			type: 'options',
			default: 'I',
			options: [
				{ name: 'Created', value: 'I' },
				{ name: 'Updated', value: 'U' },
				{ name: 'Deleted', value: 'D' },
			],
		},
		{
			displayName: 'URL',
			name: 'webhookUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'https://n8n.example.com/webhook/…',
			description: 'An HTTPS endpoint; the answer contains the signing secret, shown only now',
		},
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const url = String(this.getNodeParameter('webhookUrl', itemIndex)).trim();
	if (!/^https?:\/\/[^/\s]+/i.test(url))
		throw new Error(`Webhook URL "${url}" is not an http(s) URL`);
	const body = {
		EntityType: this.getNodeParameter('entityType', itemIndex) as string,
		EntityUpdateType: this.getNodeParameter('entityUpdateType', itemIndex) as string,
		WebhookURL: url,
	};
	// Billit answered 409 for our key: the webhook was created but its answer (with the secret) was
	// lost. Find it by URL, entity and event and give it a new secret, which only this answer shows.
	const onAlreadyApplied = async () => {
		const same = (await listWebhooks.call(this, itemIndex)).filter(
			(hook) =>
				hook.EntityType === body.EntityType &&
				hook.EntityUpdateType === body.EntityUpdateType &&
				hook.WebhookURL === body.WebhookURL,
		);
		const hook = same.sort((a, b) => Number(b.WebhookID) - Number(a.WebhookID))[0];
		if (!hook) {
			throw new Error(
				`Billit says this webhook was already created, but no ${body.EntityType} ${body.EntityUpdateType} webhook for ${url} is listed: check the company's webhooks in Billit`,
			);
		}
		const secret = await refreshWebhookSecret.call(this, itemIndex, Number(hook.WebhookID));
		return { ...hook, Secret: secret, secretRefreshed: true };
	};
	const webhook = await requestForItem.call(this, itemIndex, {
		method: 'POST',
		path: '/v1/webhooks',
		body,
		onAlreadyApplied,
	});
	return [{ json: webhook as IDataObject }];
}
