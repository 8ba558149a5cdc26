/** Delivers one webhook request to the Billit Trigger's `webhook` with a faked IWebhookFunctions. */
import { randomUUID } from 'node:crypto';

import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { mock } from 'vitest-mock-extended';

import { BillitTrigger } from '../../../nodes/BillitTrigger/BillitTrigger.node';

export interface Delivery {
	rawBody: string;
	headers: Record<string, string>;
}

export interface DeliveryResult {
	response: IWebhookResponseData;
	/** Status and JSON the node answered itself (rejections), if it did. */
	answered?: { status: number; body: unknown };
}

/** A trigger whose registration for Order created holds `secret`; its static data lasts across deliveries. */
export function webhookTrigger(secret: string) {
	const staticData: IDataObject = {
		registrations: { orderCreated: { webhookId: 1, secret, url: 'https://n8n.test/webhook/billit' } },
	};
	const trigger = new BillitTrigger();
	// The trigger also remembers deliveries per workflow and node in the process: one workflow per trigger.
	const workflow = { id: randomUUID(), name: 'Billit Trigger faults', active: true };
	const node = { id: 'billit-trigger', name: 'Billit Trigger', type: 'n8n-nodes-billit.billitTrigger', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} };
	return async (delivery: Delivery): Promise<DeliveryResult> => {
		const context = mock<IWebhookFunctions>();
		context.getWorkflow.mockImplementation(() => workflow);
		context.getNode.mockImplementation(() => node);
		let answered: DeliveryResult['answered'];
		let status = 200;
		context.getNodeParameter.mockImplementation(((name: string, fallback?: unknown) =>
			name === 'events' ? ['orderCreated'] : fallback) as IWebhookFunctions['getNodeParameter']);
		context.getWorkflowStaticData.mockImplementation(() => staticData);
		context.getRequestObject.mockImplementation(
			() => ({ rawBody: Buffer.from(delivery.rawBody) }) as never,
		);
		context.getHeaderData.mockImplementation(() =>
			Object.fromEntries(Object.entries(delivery.headers).map(([key, value]) => [key.toLowerCase(), value])),
		);
		context.getBodyData.mockImplementation(() => {
			try {
				return JSON.parse(delivery.rawBody) as IDataObject;
			} catch {
				return {};
			}
		});
		const response = {
			status: (code: number) => {
				status = code;
				return response;
			},
			json: (body: unknown) => {
				answered = { status, body };
				return response;
			},
		};
		context.getResponseObject.mockImplementation(() => response as never);
		context.helpers = {
			returnJsonArray: (data: IDataObject | IDataObject[]) =>
				(Array.isArray(data) ? data : [data]).map((json) => ({ json })),
		} as unknown as IWebhookFunctions['helpers'];
		const result = await trigger.webhook.call(context);
		return { response: result, answered };
	};
}
