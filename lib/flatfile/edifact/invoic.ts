import type { Order } from '../../billit/types';
import { ediNumber, requireInvoiceField } from '../invoice-model';
import { isoToCompactDate } from '../segments';
import type { EdifactMessageBody } from './envelope';

const CREDIT_NOTE = '381';
const INVOICE = '380';

/** An INVOIC D.96A message body: BGM, DTM, RFF, NAD, CUX, LIN groups, UNS, CNT, MOA totals. */
export function invoiceToInvoic(order: Order): EdifactMessageBody {
	const number = requireInvoiceField(order, order.OrderNumber, 'OrderNumber');
	const date = isoToCompactDate(requireInvoiceField(order, order.OrderDate, 'OrderDate'));
	const total = requireInvoiceField(order, order.TotalIncl, 'TotalIncl');
	const lines = order.OrderLines ?? [];
	const segments: EdifactMessageBody['segments'] = [
		['BGM', [order.OrderType === 'CreditNote' ? CREDIT_NOTE : INVOICE, number, '9']],
		['DTM', [['137', date, '102']]],
	];
	if (order.ExpiryDate) segments.push(['DTM', [['13', isoToCompactDate(order.ExpiryDate), '102']]]);
	if (order.Reference) segments.push(['RFF', [['ON', order.Reference]]]);
	const customer = order.Customer ?? order.CounterParty;
	if (customer?.Name) {
		segments.push(['NAD', ['BY', undefined, undefined, customer.Name]]);
		if (customer.VATNumber) segments.push(['RFF', [['VA', customer.VATNumber]]]);
	}
	segments.push(['CUX', [['2', order.Currency ?? 'EUR', '4']]]);
	lines.forEach((line, index) => {
		const quantity = requireInvoiceField(order, line.Quantity, `Quantity on line ${index + 1}`);
		const price = requireInvoiceField(order, line.UnitPriceExcl, `UnitPriceExcl on line ${index + 1}`);
		segments.push(['LIN', [index + 1, undefined, line.Reference ? [line.Reference, 'SA'] : undefined]]);
		if (line.Description) segments.push(['IMD', ['F', undefined, [undefined, undefined, undefined, line.Description]]]);
		segments.push(['QTY', [['47', ediNumber(quantity, `Quantity on line ${index + 1}`), line.Unit]]]);
		if (line.TotalExcl !== undefined) segments.push(['MOA', [['203', ediNumber(line.TotalExcl, `TotalExcl on line ${index + 1}`)]]]);
		segments.push(['PRI', [['AAA', ediNumber(price, `UnitPriceExcl on line ${index + 1}`)]]]);
		if (line.VATPercentage !== undefined) {
			segments.push(['TAX', ['7', 'VAT', undefined, undefined, [undefined, undefined, undefined, ediNumber(line.VATPercentage, `VATPercentage on line ${index + 1}`)]]]);
			if (line.TotalVAT !== undefined) segments.push(['MOA', [['124', ediNumber(line.TotalVAT, `TotalVAT on line ${index + 1}`)]]]);
		}
	});
	segments.push(['UNS', ['S']]);
	segments.push(['CNT', [['2', lines.length]]]);
	segments.push(['MOA', [['77', ediNumber(total, 'TotalIncl')]]]);
	if (order.TotalExcl !== undefined) segments.push(['MOA', [['125', ediNumber(order.TotalExcl, 'TotalExcl')]]]);
	if (order.TotalVAT !== undefined) segments.push(['MOA', [['176', ediNumber(order.TotalVAT, 'TotalVAT')]]]);
	return { type: 'INVOIC', segments };
}
