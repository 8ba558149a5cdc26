import type { Order } from '../../billit/types';
import { FlatFileError } from '../errors';
import { roundAmount } from '../formats';
import { ediNumber, requireInvoiceField, type EdiInvoice } from '../invoice-model';
import { x12Amount, compactDate, isoToCompactDate, reference, required, value, type Segment } from '../segments';
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

/** Reads an 810 body back into Billit's invoice shape. */
export function read810(body: Segment[], header: Segment): EdiInvoice {
	const big = body.find((segment) => segment.tag === 'BIG');
	if (!big) throw new FlatFileError('The 810 has no BIG segment', reference(header));
	const invoice: EdiInvoice = {
		OrderNumber: required(big, 2, 'BIG02 invoice number'),
		OrderDate: compactDate(big, 1, 'BIG01 invoice date'),
		OrderType: value(big, 7) === 'CR' ? 'CreditNote' : 'Invoice',
		Customer: {},
		OrderLines: [],
	};
	if (value(big, 4)) invoice.Reference = value(big, 4);
	let inSummary = false;
	for (const segment of body) {
		const line = invoice.OrderLines[invoice.OrderLines.length - 1];
		switch (segment.tag) {
			case 'CUR':
				invoice.Currency = required(segment, 2, 'CUR02 currency');
				break;
			case 'DTM':
				if (value(segment, 1) === '814') invoice.ExpiryDate = compactDate(segment, 2, 'DTM02 due date');
				break;
			case 'N1':
				if (value(segment, 1) === 'BY') {
					invoice.Customer.Name = value(segment, 2) || undefined;
					if (value(segment, 3) === '92') invoice.Customer.VATNumber = value(segment, 4);
				}
				break;
			case 'IT1':
				invoice.OrderLines.push({
					Quantity: x12Amount(segment, 2, 'IT102 quantity'),
					Unit: value(segment, 3) || undefined,
					UnitPriceExcl: x12Amount(segment, 4, 'IT104 unit price'),
					...(value(segment, 7) ? { Reference: value(segment, 7) } : {}),
				});
				break;
			case 'PID':
				if (line) line.Description = value(segment, 5);
				break;
			case 'TXI':
				if (inSummary) {
					invoice.TotalVAT = x12Amount(segment, 2, 'TXI02 tax amount');
				} else if (line) {
					if (value(segment, 2)) line.TotalVAT = x12Amount(segment, 2, 'TXI02 tax amount');
					line.VATPercentage = x12Amount(segment, 3, 'TXI03 tax percent');
				}
				break;
			case 'TDS':
				inSummary = true;
				invoice.TotalIncl = x12Amount(segment, 1, 'TDS01 total') / 100;
				break;
			case 'CTT': {
				const declared = x12Amount(segment, 1, 'CTT01 line count');
				if (declared !== invoice.OrderLines.length) {
					throw new FlatFileError(
						`CTT01 says ${declared} lines, the invoice has ${invoice.OrderLines.length}`,
						reference(segment, 1),
					);
				}
				break;
			}
		}
	}
	if (invoice.TotalIncl === undefined) throw new FlatFileError('The 810 has no TDS total', reference(header));
	return invoice;
}
