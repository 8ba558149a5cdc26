import type { Order, OrderLine } from '../billit/types';
import { FlatFileError } from './errors';

/** The invoice fields the EDI formats carry, read back into Billit's Order shape. */
export type EdiInvoice = Pick<
	Order,
	'OrderNumber' | 'OrderDate' | 'ExpiryDate' | 'Reference' | 'Currency' | 'OrderType' | 'TotalExcl' | 'TotalVAT' | 'TotalIncl'
> & {
	Customer: { Name?: string; VATNumber?: string };
	OrderLines: Array<
		Pick<OrderLine, 'Quantity' | 'Unit' | 'UnitPriceExcl' | 'Description' | 'Reference' | 'VATPercentage' | 'TotalExcl' | 'TotalVAT'>
	>;
};

/** A value an EDI invoice cannot be written without. */
export function requireInvoiceField<T>(order: Order, value: T | undefined, field: string): T {
	if (value === undefined || value === null || (value as unknown) === '') {
		throw new FlatFileError(`Invoice ${order.OrderNumber ?? order.OrderID ?? '?'} has no ${field}`);
	}
	return value;
}

/** Plain decimal text for EDI numeric fields (no exponent, no trailing zeros beyond 4 places). */
export function ediNumber(value: number): string {
	return String(Math.round(value * 10000) / 10000);
}
