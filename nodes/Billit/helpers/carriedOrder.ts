import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { fetchOrder } from './orders';

/** From this node version on; earlier versions read the invoice every time, as they always did. */
export const CARRIED_ORDER_VERSION = 3;

/**
 * The invoice the input item already carries: the item of Get Many (or of a node that kept it) whose
 * OrderID is the one asked for. Undefined when the item is about something else.
 */
export function carriedOrder(this: IExecuteFunctions, itemIndex: number, orderId: number): IDataObject | undefined {
	if (this.getNode().typeVersion < CARRIED_ORDER_VERSION) return undefined;
	const json = this.getInputData()[itemIndex]?.json;
	if (json === undefined || json.OrderID === undefined || json.OrderID === null) return undefined;
	return String(json.OrderID) === String(orderId) ? json : undefined;
}

export interface OrderForItem {
	order: IDataObject;
	/** Whether it was read from Billit now (the input item did not carry what was needed). */
	read: boolean;
}

/**
 * The invoice as far as this operation needs it: the one the input item carries when `suffices`
 * finds there what it needs, else one read of `/v1/orders/{id}`.
 */
export async function orderForItem(
	this: IExecuteFunctions,
	itemIndex: number,
	orderId: number,
	suffices: (order: IDataObject) => boolean,
): Promise<OrderForItem> {
	const carried = carriedOrder.call(this, itemIndex, orderId);
	if (carried && suffices(carried)) return { order: carried, read: false };
	return { order: await fetchOrder.call(this, itemIndex, orderId), read: true };
}
