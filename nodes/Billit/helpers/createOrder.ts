import { randomUUID } from 'node:crypto';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { and, compare } from '../../../lib/billit/filters';
import type { UnknownOutcomeDecision } from '../../../lib/billit/request-core';
import { requestForItem } from './request';

/** Custom field that carries the create's Idempotent-Key when the order has no number to search by. */
export const CREATE_MARKER_FIELD = 'N8nCreateId';

/** The OrderID of an existing order with this type and direction matching `identity`, if any. */
async function findOrder(
	this: IExecuteFunctions,
	itemIndex: number,
	order: IDataObject,
	identity: string,
): Promise<number | undefined> {
	const page = (await requestForItem.call(this, itemIndex, {
		method: 'GET',
		path: '/v1/orders',
		qs: {
			$filter: and(
				identity,
				compare('OrderDirection', 'eq', String(order.OrderDirection)),
				compare('OrderType', 'eq', String(order.OrderType)),
			) as string,
			$top: 1,
		},
	})) as { Items?: IDataObject[] };
	const found = page.Items?.[0]?.OrderID;
	return typeof found === 'number' ? found : undefined;
}

/**
 * Creates an order. If the connection drops so that the outcome is unknown, the retry happens only
 * after a search finds no such order (Billit's idempotency is undocumented: a reused key may be
 * replayed, refused with 409 or ignored). The search is by invoice number; an order without one
 * carries its Idempotent-Key in a custom field and is searched by that.
 */
export async function createOrderOnce(
	this: IExecuteFunctions,
	itemIndex: number,
	order: IDataObject,
	idempotencyKey: string | undefined,
): Promise<number> {
	const key = idempotencyKey ?? randomUUID();
	const numbered = Boolean(order.OrderNumber);
	const body = numbered
		? order
		: {
				...order,
				CustomFields: { ...(order.CustomFields as IDataObject), [CREATE_MARKER_FIELD]: key },
			};
	const identity = numbered
		? compare('OrderNumber', 'eq', String(order.OrderNumber))
		: compare(`CustomFields/${CREATE_MARKER_FIELD}`, 'eq', key);
	const onUnknownOutcome = async (): Promise<UnknownOutcomeDecision> => {
		const existing = await findOrder.call(this, itemIndex, order, identity);
		return existing === undefined ? { exists: false } : { exists: true, result: existing };
	};
	const answer: unknown = await requestForItem.call(this, itemIndex, {
		method: 'POST',
		path: '/v1/orders',
		body,
		idempotencyKey: key,
		onUnknownOutcome,
	});
	const orderId = Number(
		typeof answer === 'object' && answer !== null ? (answer as IDataObject).OrderID : answer,
	);
	if (!Number.isInteger(orderId) || orderId <= 0) {
		throw new Error(`Billit answered the create with "${String(answer)}" instead of an OrderID`);
	}
	return orderId;
}
