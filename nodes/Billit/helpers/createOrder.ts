import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { and, compare } from '../../../lib/billit/listing/filters';
import { newIdempotencyKey, type UnknownOutcomeDecision } from '../../../lib/billit/request/request-core';
import { requestForItem } from '../../shared/billit/helpers/request';

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

function filled(value: unknown): value is string | number {
	return (typeof value === 'string' && value.trim() !== '') || typeof value === 'number';
}

/**
 * Creates an order exactly once. Each create carries an idempotency key; when Billit answers that
 * the key was already used (409), or the connection drops so that the outcome is unknown, the order
 * created earlier is looked up instead of creating another. The lookup is by invoice number; an
 * order without one is found by its ExternalProviderID (Billit documents that filter for finding
 * one's own creates): the caller's, or else the idempotency key.
 */
export async function createOrderOnce(
	this: IExecuteFunctions,
	itemIndex: number,
	order: IDataObject,
	idempotencyKey: string | undefined,
): Promise<number> {
	const key = idempotencyKey ?? newIdempotencyKey();
	const numbered = filled(order.OrderNumber);
	const body = numbered || filled(order.ExternalProviderID) ? order : { ...order, ExternalProviderID: key };
	const identity = numbered
		? compare('OrderNumber', 'eq', String(order.OrderNumber))
		: compare('ExternalProviderID', 'eq', String(body.ExternalProviderID));
	const existing = async () => await findOrder.call(this, itemIndex, order, identity);
	const onUnknownOutcome = async (): Promise<UnknownOutcomeDecision> => {
		const found = await existing();
		return found === undefined ? { exists: false } : { exists: true, result: found };
	};
	const onAlreadyApplied = async () => {
		const found = await existing();
		if (found === undefined) {
			throw new Error(
				`Billit says this create was already applied (idempotency key ${key}), but no order with ${identity} was found: check in Billit`,
			);
		}
		return found;
	};
	const answer: unknown = await requestForItem.call(this, itemIndex, {
		method: 'POST',
		path: '/v1/orders',
		body,
		idempotencyKey: key,
		onUnknownOutcome,
		onAlreadyApplied,
	});
	const orderId = Number(
		typeof answer === 'object' && answer !== null ? (answer as IDataObject).OrderID : answer,
	);
	if (!Number.isInteger(orderId) || orderId <= 0) {
		throw new Error(`Billit answered the create with "${String(answer)}" instead of an OrderID`);
	}
	return orderId;
}
