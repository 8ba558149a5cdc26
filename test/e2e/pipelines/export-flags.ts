import type { BillitEmulatorClient, EmulatedOrder } from './billit-emulator';

/** How a test names orders in a flag record: by invoice number, or by id where numbers may repeat (purchases). */
export type OrderKey = 'OrderNumber' | 'OrderID';

/** The export marker of each order as it is now: "exported to connector" (sales) or IsSent (purchases, as Billit recommends). */
export async function exportedFlags(
	billit: BillitEmulatorClient,
	orders: EmulatedOrder[],
	key: OrderKey = 'OrderNumber',
	marker: 'ExportedToConnector' | 'IsSent' = 'ExportedToConnector',
): Promise<Record<string, boolean>> {
	const flags: Record<string, boolean> = {};
	for (const order of orders) flags[order[key]] = (await billit.order(order.OrderID))[marker];
	return flags;
}

/** The record `exportedFlags` reads when all of these orders are exported, or none is. */
export function flagsOf(orders: EmulatedOrder[], exported: boolean, key: OrderKey = 'OrderNumber'): Record<string, boolean> {
	return Object.fromEntries(orders.map((order) => [order[key], exported]));
}
