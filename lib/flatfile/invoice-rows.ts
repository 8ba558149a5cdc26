import type { Order, OrderLine } from '../billit/types';

export type RowMode = 'invoice' | 'line';

/** The data a column path reads from: the invoice, plus `Line` and `LineNumber` per line. */
export type InvoiceRow = Order & { Line?: OrderLine; LineNumber?: number; LineCount: number };

/**
 * One row per invoice, or one per invoice line (an invoice without lines still gives one row, so
 * it is never silently left out of a partner file).
 */
export function invoiceRows(orders: Order[], mode: RowMode): InvoiceRow[] {
	return orders.flatMap((order) => {
		const lines = order.OrderLines ?? [];
		const base = { ...order, LineCount: lines.length };
		if (mode === 'invoice' || lines.length === 0) return [base];
		return lines.map((line, index) => ({ ...base, Line: line, LineNumber: index + 1 }));
	});
}
