import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { requestForItem } from '../../shared/billit/helpers/request';

/** The company's webhooks (Billit hides their secrets here). */
export async function listWebhooks(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<IDataObject[]> {
	const webhooks = (await requestForItem.call(this, itemIndex, {
		method: 'GET',
		path: '/v1/webhooks',
	})) as IDataObject[] | { Items?: IDataObject[] } | null;
	return Array.isArray(webhooks) ? webhooks : (webhooks?.Items ?? []);
}

/** A new signing secret for a webhook; the published model answers it as a bare string. */
export async function refreshWebhookSecret(
	this: IExecuteFunctions,
	itemIndex: number,
	webhookId: number,
): Promise<string> {
	const answer: unknown = await requestForItem.call(this, itemIndex, {
		method: 'POST',
		path: `/v1/webhooks/refresh/${webhookId}`,
	});
	const secret =
		typeof answer === 'object' && answer !== null ? (answer as IDataObject).Secret : answer;
	if (typeof secret !== 'string' || secret === '') {
		throw new Error(`Billit returned no secret for webhook #${webhookId}`);
	}
	return secret;
}
