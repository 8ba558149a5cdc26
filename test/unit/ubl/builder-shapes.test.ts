import { describe, expect, it } from 'vitest';

import type { Order } from '../../../lib/billit/types';
import { buildUbl } from '../../../lib/ubl/build';
import { addDecimals } from '../../../lib/ubl/decimal';
import { fromBillitOrder, type FromBillitOptions } from '../../../lib/ubl/from-billit';
import type { CommercialDocument } from '../../../lib/ubl/model';
import { parseUbl } from '../../../lib/ubl/parse';
import { AMERICAN_CUSTOMER, COMPANY, DUTCH_CUSTOMER, GLN_CUSTOMER, line, salesOrder } from '../../support/ubl/billit-orders';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

interface Shape {
	order: Order;
	options?: FromBillitOptions;
	check: (document: CommercialDocument, xml: string) => void;
}

function zeroVatLine() {
	return line({ VATPercentage: 0 });
}

const SHAPES: Record<string, Shape> = {
	'credit note': {
		order: salesOrder({ OrderType: 'CreditNote', OrderNumber: 'CN-2026-7', AboutInvoiceNumber: '2026/0042' }),
		check: (document, xml) => {
			expect(document.kind).toBe('CreditNote');
			expect(document.typeCode).toBe('381');
			expect(document.billingReferences).toEqual([{ id: '2026/0042' }]);
			expect(document.dueDate).toBe('2026-12-15');
			expect(xml).toContain('<cbc:CreditedQuantity unitCode="HUR">2</cbc:CreditedQuantity>');
			expect(xml).toContain('<cac:CreditNoteLine>');
			expect(xml).toContain('<cbc:PaymentDueDate>2026-12-15</cbc:PaymentDueDate>');
			expect(xml).not.toContain('<cbc:DueDate>');
		},
	},
	'foreign currency': {
		order: salesOrder({ Currency: 'usd' }),
		check: (document, xml) => {
			expect(document.currency).toBe('USD');
			expect(xml).toContain('<cbc:PayableAmount currencyID="USD">121.00</cbc:PayableAmount>');
			expect(xml).not.toContain('currencyID="EUR"');
		},
	},
	'exempt with reason': {
		order: salesOrder({ OrderLines: [zeroVatLine()] }),
		options: {
			zeroVatTreatment: 'exempt',
			exemptionReasonCode: 'VATEX-EU-132',
			exemptionReason: 'Exempt under article 44 of the Belgian VAT code',
		},
		check: (document) => {
			expect(document.taxTotal.subtotals[0].category).toEqual({
				id: 'E',
				percent: '0',
				exemptionReasonCode: 'VATEX-EU-132',
				exemptionReason: 'Exempt under article 44 of the Belgian VAT code',
				taxSchemeId: 'VAT',
			});
			expect(document.lines[0].item.taxCategory).toEqual({ id: 'E', percent: '0', taxSchemeId: 'VAT' });
		},
	},
	'reverse charge': {
		order: salesOrder({ OrderLines: [zeroVatLine()] }),
		options: { zeroVatTreatment: 'reverseCharge' },
		check: (document) => {
			expect(document.taxTotal.subtotals[0].category.id).toBe('AE');
			expect(document.taxTotal.subtotals[0].category.exemptionReasonCode).toBe('VATEX-EU-AE');
			expect(document.taxTotal.taxAmount).toBe('0.00');
			expect(document.buyer.vatId).toBe('BE0987654394');
		},
	},
	'intra-community supply': {
		order: salesOrder({ Customer: DUTCH_CUSTOMER, OrderLines: [zeroVatLine()] }),
		options: { zeroVatTreatment: 'intraCommunity' },
		check: (document) => {
			expect(document.taxTotal.subtotals[0].category.id).toBe('K');
			expect(document.buyer.endpoint).toEqual({ id: 'NL123456789B01', schemeId: '9944' });
			expect(document.delivery?.actualDeliveryDate).toBe('2026-11-15');
			expect(document.delivery?.address?.countryCode).toBe('NL');
		},
	},
	export: {
		order: salesOrder({ Customer: AMERICAN_CUSTOMER, OrderLines: [zeroVatLine()] }),
		options: { zeroVatTreatment: 'export' },
		check: (document) => {
			expect(document.taxTotal.subtotals[0].category.id).toBe('G');
			expect(document.buyer.endpoint).toEqual({ id: '123456789', schemeId: '0060' });
		},
	},
	'not subject to VAT': {
		order: salesOrder({ OrderLines: [zeroVatLine()] }),
		options: { zeroVatTreatment: 'notSubject' },
		check: (document, xml) => {
			expect(document.taxTotal.subtotals[0].category).toEqual({
				id: 'O',
				exemptionReasonCode: 'VATEX-EU-O',
				exemptionReason: 'Not subject to VAT',
				taxSchemeId: 'VAT',
			});
			expect(document.seller.vatId).toBeUndefined();
			expect(document.buyer.vatId).toBeUndefined();
			expect(document.seller.companyId).toEqual({ id: '0123456749', schemeId: '0208' });
			expect(xml).not.toContain('<cbc:Percent>');
		},
	},
	'allowances and charges': {
		order: salesOrder({
			OrderLines: [line({ ReductionPercentage: 10 }), line({ Quantity: 3, UnitPriceExcl: 19.99, ReductionPercentage: 15 })],
		}),
		check: (document) => {
			expect(document.lines.map((l) => l.allowanceCharges?.[0].amount)).toEqual(['10.00', '9.00']);
			expect(document.lines.map((l) => l.lineExtensionAmount)).toEqual(['90.00', '50.97']);
			expect(document.totals.lineExtensionAmount).toBe('140.97');
			expect(document.taxTotal.taxAmount).toBe('29.60');
			expect(document.totals.payableAmount).toBe('170.57');
		},
	},
	'several VAT rates': {
		order: salesOrder({
			OrderLines: [
				line(),
				line({ VATPercentage: 6, UnitPriceExcl: 12.35 }),
				line({ VATPercentage: 12, Quantity: 1.5 }),
				line({ VATPercentage: 21, Quantity: 1 }),
				zeroVatLine(),
			],
		}),
		options: { zeroVatTreatment: 'zeroRated' },
		check: (document) => {
			expect(
				document.taxTotal.subtotals.map((s) => [s.category.id, s.category.percent, s.taxableAmount, s.taxAmount]),
			).toEqual([
				['S', '21', '150.00', '31.50'],
				['S', '6', '24.70', '1.48'],
				['S', '12', '75.00', '9.00'],
				['Z', '0', '100.00', '0.00'],
			]);
			expect(document.taxTotal.taxAmount).toBe('41.98');
			expect(document.totals.taxInclusiveAmount).toBe('391.68');
		},
	},
	'GLN receiver': {
		order: salesOrder({ Customer: GLN_CUSTOMER }),
		check: (document) => {
			expect(document.buyer.endpoint).toEqual({ id: '5410000000002', schemeId: '0088' });
			expect(document.buyer.identifiers).toEqual([{ id: '5410000000002', schemeId: '0088' }]);
			expect(document.buyer.companyId).toEqual({ id: '0411905847', schemeId: '0208' });
		},
	},
	'embedded PDF': {
		order: salesOrder(),
		options: { pdf: { content: PDF, filename: 'invoice-2026-0042.pdf' } },
		check: (document) => {
			expect(document.additionalDocuments).toEqual([
				{
					id: '2026/0042',
					attachment: { mimeCode: 'application/pdf', filename: 'invoice-2026-0042.pdf', base64: PDF.toString('base64') },
				},
			]);
		},
	},
	'500 lines': {
		order: salesOrder({
			OrderLines: Array.from({ length: 500 }, (_, index) =>
				line({ Quantity: (index % 7) + 1, UnitPriceExcl: 1.37 * (index + 1), VATPercentage: [21, 6, 12][index % 3] }),
			),
		}),
		check: (document) => {
			expect(document.lines).toHaveLength(500);
			expect(document.lines[499].id).toBe('500');
			const lineSum = addDecimals(...document.lines.map((l) => l.lineExtensionAmount));
			expect(document.totals.lineExtensionAmount).toBe(lineSum);
			const taxable = addDecimals(...document.taxTotal.subtotals.map((s) => s.taxableAmount));
			expect(taxable).toBe(document.totals.taxExclusiveAmount);
		},
	},
};

describe('built document shapes', () => {
	it.each(Object.keys(SHAPES))('%s builds and parses back to the same model', (name) => {
		const { order, options, check } = SHAPES[name];
		const document = fromBillitOrder(order, COMPANY, options);
		const xml = buildUbl(document);
		const parsed = parseUbl(xml);
		expect(parsed.document).toEqual(document);
		check(document, xml.toString('utf8'));
	});

	it('attaches the PDF so that parsing gives the same bytes back', () => {
		const xml = buildUbl(fromBillitOrder(salesOrder(), COMPANY, { pdf: { content: PDF } }));
		expect(parseUbl(xml).attachments).toEqual([
			{ documentId: '2026/0042', filename: '2026/0042.pdf', mimeCode: 'application/pdf', content: PDF },
		]);
	});
});
