import type { Order, OrderLine } from '../billit/types';
import { FlatFileError } from './errors';
import { amountProblem } from './formats';

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

/**
 * Plain decimal text for EDI numeric fields (no exponent, no trailing zeros beyond 4 places); a value
 * that is not a finite number of at most 15 digits is refused, never written as NaN or 1e+21.
 */
export function ediNumber(value: unknown, field: string): string {
	const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
	// Negative zero is harmless here: it is written as 0.
	const problem = amountProblem(number === 0 ? 0 : number, String(value));
	if (problem) throw new FlatFileError(`${field}: ${problem}`);
	return String(Math.round(number * 10000) / 10000 || 0);
}
