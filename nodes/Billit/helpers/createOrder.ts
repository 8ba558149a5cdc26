import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { and, compare } from '../../../lib/billit/filters';
import type { UnknownOutcomeDecision } from '../../../lib/billit/request-core';
import { requestForItem } from './request';

/** The OrderID of an existing order with this number, type and direction, if any. */
async function findOrderByNumber(
	this: IExecuteFunctions,
	itemIndex: number,
	order: IDataObject,
): Promise<number | undefined> {
	const page = (await requestForItem.call(this, itemIndex, {
		method: 'GET',
		path: '/v1/orders',
		qs: {
			$filter: and(
				compare('OrderNumber', 'eq', String(order.OrderNumber)),
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
 * after a search by invoice number finds no such order (Billit's idempotency is undocumented);
 * without an invoice number the request core relies on the Idempotent-Key alone.
 */
export async function createOrderOnce(
	this: IExecuteFunctions,
	itemIndex: number,
	order: IDataObject,
	idempotencyKey: string | undefined,
): Promise<number> {
	const onUnknownOutcome = order.OrderNumber
		? async (): Promise<UnknownOutcomeDecision> => {
				const existing = await findOrderByNumber.call(this, itemIndex, order);
				return existing === undefined ? { exists: false } : { exists: true, result: existing };
			}
		: undefined;
	const answer: unknown = await requestForItem.call(this, itemIndex, {
		method: 'POST',
		path: '/v1/orders',
		body: order,
		idempotencyKey,
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
