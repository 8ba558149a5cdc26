import type { Order } from '../../billit/types';
import { roundAmount } from '../formats';
import { ediNumber, requireInvoiceField } from '../invoice-model';
import { isoToCompactDate } from '../segments';
import type { X12TransactionBody } from './envelope';

function unitCode(unit: string | undefined): string {
	return unit && /^[A-Z0-9]{2}$/.test(unit) ? unit : 'EA';
}

/** An X12 810 transaction set body (BIG, CUR, N1, IT1/PID/TXI per line, TDS, TXI, CTT). */
export function invoiceTo810(order: Order): X12TransactionBody {
	const number = requireInvoiceField(order, order.OrderNumber, 'OrderNumber');
	const date = isoToCompactDate(requireInvoiceField(order, order.OrderDate, 'OrderDate'));
	const total = requireInvoiceField(order, order.TotalIncl, 'TotalIncl');
	const lines = order.OrderLines ?? [];
	const segments: X12TransactionBody['segments'] = [
		['BIG', [date, number, undefined, order.Reference, undefined, undefined, order.OrderType === 'CreditNote' ? 'CR' : 'DI']],
		['CUR', ['SE', order.Currency ?? 'EUR']],
	];
	if (order.ExpiryDate) segments.push(['DTM', ['814', isoToCompactDate(order.ExpiryDate)]]);
	const customer = order.Customer ?? order.CounterParty;
	if (customer?.Name) {
		segments.push(['N1', ['BY', customer.Name, customer.VATNumber ? '92' : undefined, customer.VATNumber]]);
	}
	lines.forEach((line, index) => {
		const quantity = requireInvoiceField(order, line.Quantity, `Quantity on line ${index + 1}`);
		const price = requireInvoiceField(order, line.UnitPriceExcl, `UnitPriceExcl on line ${index + 1}`);
		segments.push(['IT1', [index + 1, ediNumber(quantity, `Quantity on line ${index + 1}`), unitCode(line.Unit), ediNumber(price, `UnitPriceExcl on line ${index + 1}`), undefined, line.Reference ? 'VP' : undefined, line.Reference]]);
		if (line.Description) segments.push(['PID', ['F', undefined, undefined, undefined, line.Description]]);
		if (line.VATPercentage !== undefined) {
			segments.push(['TXI', ['VA', line.TotalVAT === undefined ? undefined : ediNumber(line.TotalVAT, `TotalVAT on line ${index + 1}`), ediNumber(line.VATPercentage, `VATPercentage on line ${index + 1}`)]]);
		}
	});
	segments.push(['TDS', [ediNumber(Math.round(roundAmount(Number(total)) * 100), 'TotalIncl')]]);
	if (order.TotalVAT !== undefined) segments.push(['TXI', ['VA', ediNumber(order.TotalVAT, 'TotalVAT')]]);
	segments.push(['CTT', [lines.length]]);
	return { code: '810', segments };
}
