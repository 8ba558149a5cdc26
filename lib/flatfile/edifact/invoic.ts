import type { Order } from '../../billit/types';
import { FlatFileError } from '../errors';
import { ediNumber, requireInvoiceField, type EdiInvoice } from '../invoice-model';
import { amount, compactDate, isoToCompactDate, reference, required, value, type Segment } from '../segments';
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

type Section = 'header' | 'lines' | 'summary';

function readMoa(invoice: EdiInvoice, segment: Segment, section: Section) {
	const qualifier = value(segment, 1, 1);
	const sum = amount(segment, 1, `MOA ${qualifier} amount`, 2);
	const line = invoice.OrderLines[invoice.OrderLines.length - 1];
	if (section === 'lines' && line) {
		if (qualifier === '203') line.TotalExcl = sum;
		if (qualifier === '124') line.TotalVAT = sum;
	} else if (section === 'summary') {
		if (qualifier === '77') invoice.TotalIncl = sum;
		if (qualifier === '125') invoice.TotalExcl = sum;
		if (qualifier === '176') invoice.TotalVAT = sum;
	}
}

/** Reads an INVOIC message back into Billit's invoice shape. */
export function readInvoic(body: Segment[], header: Segment): EdiInvoice {
	const bgm = body.find((segment) => segment.tag === 'BGM');
	if (!bgm) throw new FlatFileError('The INVOIC has no BGM segment', reference(header));
	const invoice: EdiInvoice = {
		OrderNumber: required(bgm, 2, 'BGM document number'),
		OrderType: value(bgm, 1) === CREDIT_NOTE ? 'CreditNote' : 'Invoice',
		Customer: {},
		OrderLines: [],
	};
	let section: Section = 'header';
	let party = '';
	for (const segment of body) {
		const line = invoice.OrderLines[invoice.OrderLines.length - 1];
		const qualifier = value(segment, 1, 1);
		switch (segment.tag) {
			case 'DTM':
				if (qualifier === '137') invoice.OrderDate = compactDate(segment, 1, 'DTM 137 invoice date', 2);
				if (qualifier === '13') invoice.ExpiryDate = compactDate(segment, 1, 'DTM 13 due date', 2);
				break;
			case 'RFF':
				if (qualifier === 'ON') invoice.Reference = value(segment, 1, 2);
				if (qualifier === 'VA' && party === 'BY') invoice.Customer.VATNumber = value(segment, 1, 2);
				break;
			case 'NAD':
				party = qualifier;
				if (party === 'BY') invoice.Customer.Name = value(segment, 4) || undefined;
				break;
			case 'CUX':
				invoice.Currency = value(segment, 1, 2);
				break;
			case 'LIN':
				section = 'lines';
				invoice.OrderLines.push(value(segment, 3) ? { Reference: value(segment, 3) } : {});
				break;
			case 'IMD':
				if (line) line.Description = value(segment, 3, 4);
				break;
			case 'QTY':
				if (line) {
					line.Quantity = amount(segment, 1, 'QTY quantity', 2);
					if (value(segment, 1, 3)) line.Unit = value(segment, 1, 3);
				}
				break;
			case 'PRI':
				if (line) line.UnitPriceExcl = amount(segment, 1, 'PRI price', 2);
				break;
			case 'TAX':
				if (line && value(segment, 5, 4)) line.VATPercentage = amount(segment, 5, 'TAX rate', 4);
				break;
			case 'MOA':
				readMoa(invoice, segment, section);
				break;
			case 'UNS':
				section = 'summary';
				break;
			case 'CNT':
				if (qualifier === '2' && amount(segment, 1, 'CNT line count', 2) !== invoice.OrderLines.length) {
					throw new FlatFileError(`CNT says ${value(segment, 1, 2)} lines, the invoice has ${invoice.OrderLines.length}`, reference(segment, 1));
				}
				break;
		}
	}
	if (!invoice.OrderDate) throw new FlatFileError('The INVOIC has no DTM 137 invoice date', reference(bgm));
	if (invoice.TotalIncl === undefined) throw new FlatFileError('The INVOIC has no MOA 77 total', reference(header));
	return invoice;
}
