import { describe, expect, it } from 'vitest';

import { parseUbl } from '../../../lib/ubl/parse';
import { validateUbl } from '../../../lib/ubl/validate';
import { computeTotals } from '../../../emulator/order-model';
import { textPdf } from '../../../emulator/pdf';
import type { Order } from '../../../emulator/store';
import { applicationResponse, documentToOrder, orderToUbl } from '../../../emulator/ubl';

const seller = { Name: 'Demo Accountancy BV', VATNumber: 'BE0410000192', Street: 'Kerkstraat', StreetNumber: '1', Zipcode: '9000', City: 'Gent', CountryCode: 'BE', IBAN: 'BE68539007547034' };
const buyer = { Name: 'Peppol Customer NV', VATNumber: 'BE0437000143', City: 'Brussel', Zipcode: '1000', CountryCode: 'BE', Email: 'ap@peppolcustomer.test' };

function order(type: 'Invoice' | 'CreditNote'): Order {
	const totals = computeTotals([
		{ Quantity: 3, UnitPriceExcl: 19.99, VATPercentage: 21, Description: 'Widget', ReductionPercentage: 10 },
		{ Quantity: 2, UnitPriceExcl: 12.5, VATPercentage: 6, Description: 'Book' },
		{ Quantity: 1, UnitPriceExcl: 7, VATPercentage: 0, Description: 'Export item' },
	]);
	return {
		OrderID: 1, CompanyID: 1, OrderType: type, OrderDirection: 'Income', OrderNumber: '2026-0042', OrderDate: '2026-11-02', ExpiryDate: '2026-12-02',
		Currency: 'EUR', AboutInvoiceNumber: '2026-0041', CounterParty: buyer, OrderLines: totals.lines, VatGroups: totals.groups, TotalExcl: totals.excl,
		TotalVAT: totals.vat, TotalIncl: Math.round((totals.excl + totals.vat) * 100) / 100, PaymentReference: '+++123/4567/89002+++',
		Messages: [], Attachments: [], Payments: [], LastModified: '2026-11-02T00:00:00.000Z',
	};
}

describe('order totals', () => {
	it('computes line amounts with reductions and VAT per rate group', () => {
		const totals = computeTotals(order('Invoice').OrderLines);
		expect(totals.lines.map((line) => line.TotalExcl)).toEqual([53.97, 25, 7]);
		expect(totals.groups).toEqual([
			{ VATPercentage: 0, TotalExcl: 7, TotalVAT: 0, TotalIncl: 7 },
			{ VATPercentage: 6, TotalExcl: 25, TotalVAT: 1.5, TotalIncl: 26.5 },
			{ VATPercentage: 21, TotalExcl: 53.97, TotalVAT: 11.33, TotalIncl: 65.3 },
		]);
		expect(totals.excl).toBe(85.97);
		expect(totals.vat).toBe(12.83);
	});

	it('derives the price excluding VAT from a price including VAT', () => {
		const { lines } = computeTotals([{ Quantity: 1, UnitPriceIncl: 121, VATPercentage: 21 }]);
		expect(lines[0]).toMatchObject({ UnitPriceExcl: 100, TotalExcl: 100, TotalVAT: 21, TotalIncl: 121 });
	});
});

describe('generated UBL', () => {
	it.each(['Invoice', 'CreditNote'] as const)('builds a %s that passes the Peppol BIS 3.0 pre-validation', (type) => {
		const xml = orderToUbl(order(type), seller);
		const result = validateUbl(xml);
		expect(result.errors).toEqual([]);
		expect(result.valid).toBe(true);
		const parsed = parseUbl(xml);
		expect(parsed.kind).toBe(type);
	});

	it('reads a received invoice back into a cost order body with the same totals', () => {
		const parsed = parseUbl(orderToUbl(order('Invoice'), seller));
		if (parsed.kind === 'ApplicationResponse') throw new Error('unexpected kind');
		const body = documentToOrder(parsed.document, 'Cost');
		expect(body).toMatchObject({ OrderDirection: 'Cost', OrderType: 'Invoice', OrderNumber: '2026-0042', Supplier: { Name: 'Demo Accountancy BV', VATNumber: 'BE0410000192', PeppolIdentifier: '0208:0410000192' } });
		const totals = computeTotals(body.OrderLines as Record<string, unknown>[]);
		expect(totals.excl).toBe(85.97);
		expect(totals.vat).toBe(12.83);
	});

	it.each([['imr', 'InvoiceResponse'], ['mlr', 'MessageLevelResponse']] as const)('builds a parseable %s', (kind, responseType) => {
		const parsed = parseUbl(applicationResponse(kind, 'R-1', '2026-11-03', buyer, seller, '2026-0042', 'AP'));
		expect(parsed.kind).toBe('ApplicationResponse');
		if (parsed.kind !== 'ApplicationResponse') return;
		expect(parsed.document.responseType).toBe(responseType);
		expect(parsed.document.documentReference.id).toBe('2026-0042');
	});
});

describe('generated PDF', () => {
	it('is a PDF whose cross-reference offsets point at its objects', () => {
		const pdf = textPdf(['Invoice 2026-0042', 'Total (EUR) 98.80', 'Café €']).toString('latin1');
		expect(pdf.startsWith('%PDF-1.4\n')).toBe(true);
		expect(pdf.trimEnd().endsWith('%%EOF')).toBe(true);
		const startxref = Number(/startxref\n(\d+)/.exec(pdf)?.[1]);
		expect(pdf.slice(startxref, startxref + 4)).toBe('xref');
		const offsets = [...pdf.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((match) => Number(match[1]));
		expect(offsets).toHaveLength(5);
		offsets.forEach((offset, index) => expect(pdf.slice(offset, offset + 8)).toBe(`${index + 1} 0 obj\n`));
		expect(pdf).toContain('(Total \\(EUR\\) 98.80)');
	});
});
