import { describe, expect, it } from 'vitest';

import type { Order } from '../../../lib/billit/types';
import { buildUbl } from '../../../lib/ubl/build';
import { DEFAULT_PAYMENT_TERMS, fromBillitOrder, type FromBillitOptions } from '../../../lib/ubl/from-billit';
import type { CommercialDocument } from '../../../lib/ubl/model';
import { parseUbl } from '../../../lib/ubl/parse';
import { validateUbl } from '../../../lib/ubl/validate';
import { COMPANY, line, salesOrder } from '../../support/ubl/billit-orders';

/** Builds, checks the pre-validator finds no error, and gives the document and its XML text. */
function built(order: Order, options: FromBillitOptions = {}, company = COMPANY): { document: CommercialDocument; xml: string } {
	const document = fromBillitOrder(order, company, options);
	const xml = buildUbl(document);
	expect(validateUbl(xml).errors).toEqual([]);
	expect(parseUbl(xml).document).toEqual(document);
	return { document, xml: xml.toString('utf8') };
}

describe('Billit orders as Peppol documents', () => {
	it('turns a discount line (negative unit price) into a document-level allowance in its VAT category (BR-27)', () => {
		const { document } = built(
			salesOrder({
				OrderLines: [
					line(),
					line({ VATPercentage: 6, UnitPriceExcl: 30 }),
					line({ Quantity: 1, UnitPriceExcl: -10, Description: 'Loyalty discount' }),
					line({ Quantity: 2, UnitPriceExcl: -1.5, VATPercentage: 6, Description: 'Early bird' }),
				],
			}),
		);
		expect(document.lines.map((l) => [l.id, l.price.amount])).toEqual([
			['1', '50.00'],
			['2', '30.00'],
		]);
		expect(document.allowanceCharges).toEqual([
			{ chargeIndicator: false, reasonCode: '95', reason: 'Loyalty discount', amount: '10.00', taxCategory: { id: 'S', percent: '21', taxSchemeId: 'VAT' } },
			{ chargeIndicator: false, reasonCode: '95', reason: 'Early bird', amount: '3.00', taxCategory: { id: 'S', percent: '6', taxSchemeId: 'VAT' } },
		]);
		expect(document.taxTotal.subtotals.map((s) => [s.category.percent, s.taxableAmount, s.taxAmount])).toEqual([
			['21', '90.00', '18.90'],
			['6', '57.00', '3.42'],
		]);
		expect(document.totals).toEqual({
			lineExtensionAmount: '160.00',
			allowanceTotalAmount: '13.00',
			taxExclusiveAmount: '147.00',
			taxInclusiveAmount: '169.32',
			payableAmount: '169.32',
		});
	});

	it('keeps a line with negative quantity and negative price as a positive-price line', () => {
		const { document } = built(salesOrder({ OrderLines: [line(), line({ Quantity: -1, UnitPriceExcl: -10 })] }));
		expect(document.lines[1]).toMatchObject({ quantity: '1', price: { amount: '10.00' }, lineExtensionAmount: '10.00' });
	});

	it('refuses an order of discount lines only', () => {
		expect(() => fromBillitOrder(salesOrder({ OrderLines: [line({ UnitPriceExcl: -5 })] }), COMPANY)).toThrow(
			'only discount lines',
		);
	});

	it('writes payment terms when the invoice has no expiry date and something is left to pay (BR-CO-25)', () => {
		const { document } = built(salesOrder({ ExpiryDate: undefined }));
		expect(document.dueDate).toBeUndefined();
		expect(document.paymentTerms).toBe(DEFAULT_PAYMENT_TERMS);
		const chosen = built(salesOrder({ ExpiryDate: undefined }), { paymentTerms: 'Net 30 days' });
		expect(chosen.document.paymentTerms).toBe('Net 30 days');
		expect(built(salesOrder()).document.paymentTerms).toBeUndefined();
	});

	it('writes custom-field dates only when they are valid dates', () => {
		const { document } = built(
			salesOrder({
				CustomFields: {
					'Invoice.TaxPointDate': '2026-02-30',
					'Invoice.InvoicePeriod.StartDate': '2026-11-01T00:00:00',
					'Invoice.InvoicePeriod.EndDate': '20261130',
				},
			}),
		);
		expect(document.taxPointDate).toBeUndefined();
		expect(document.period).toEqual({ startDate: '2026-11-01' });
	});

	// Not pre-validated: at this size the pre-validator's own arithmetic loses digits.
	it('never writes an amount or quantity in exponent notation', () => {
		const document = fromBillitOrder(salesOrder({ OrderLines: [line({ Quantity: 1e21, UnitPriceExcl: 0.5 })] }), COMPANY);
		const xml = buildUbl(document).toString('utf8');
		expect(parseUbl(xml).document).toEqual(document);
		expect(xml).toContain('<cbc:InvoicedQuantity unitCode="HUR">1000000000000000000000</cbc:InvoicedQuantity>');
		expect(xml).toContain('<cbc:LineExtensionAmount currencyID="EUR">500000000000000000000.00</cbc:LineExtensionAmount>');
		expect(xml).not.toMatch(/>-?[\d.]+e[+-]?\d+</i);
	});

	it('keeps a credit note’s expiry date when it has neither bank account nor payment reference', () => {
		const order = salesOrder({ OrderType: 'CreditNote', PaymentReference: undefined });
		const { document, xml } = built(order, {}, { ...COMPANY, IBAN: undefined });
		expect(document.paymentMeans).toEqual([{ code: '1', dueDate: '2026-12-15' }]);
		expect(xml).toContain('<cbc:PaymentDueDate>2026-12-15</cbc:PaymentDueDate>');
	});

	it('refuses text with a lone surrogate instead of writing U+FFFD', () => {
		const document = fromBillitOrder(salesOrder({ OrderLines: [line({ Description: 'Caf\ud83d' })] }), COMPANY);
		expect(() => buildUbl(document)).toThrow('lone surrogate U+D83D');
		const pair = fromBillitOrder(salesOrder({ OrderLines: [line({ Description: 'Coffee \u2615 \ud83d\ude00' })] }), COMPANY);
		expect(parseUbl(buildUbl(pair)).document).toEqual(pair);
	});

	it('writes the VAT total in euro of a foreign-currency invoice from an exchange rate or a given total', () => {
		const fromRate = built(salesOrder({ Currency: 'USD' }), { eurExchangeRate: 0.9234 });
		expect(fromRate.document).toMatchObject({ taxCurrency: 'EUR', taxTotalInTaxCurrency: '19.39' });
		expect(fromRate.xml).toContain('<cbc:TaxCurrencyCode>EUR</cbc:TaxCurrencyCode>');
		expect(fromRate.xml).toContain('<cbc:TaxAmount currencyID="EUR">19.39</cbc:TaxAmount>');
		const fromTotal = built(salesOrder({ Currency: 'USD' }), { eurExchangeRate: 0.9234, vatTotalInEur: 19.4 });
		expect(fromTotal.document.taxTotalInTaxCurrency).toBe('19.40');
		expect(built(salesOrder(), { eurExchangeRate: 2 }).document.taxCurrency).toBeUndefined();
		expect(() => fromBillitOrder(salesOrder({ Currency: 'USD' }), COMPANY, { eurExchangeRate: 0 })).toThrow(
			'The EUR exchange rate must be a positive number of euro per USD',
		);
	});

	it('refuses lines not subject to VAT mixed with taxed lines, saying why', () => {
		const order = salesOrder({ OrderLines: [line(), line({ VATPercentage: 0 })] });
		expect(() => fromBillitOrder(order, COMPANY, { zeroVatTreatment: 'notSubject' })).toThrow(
			/mixes lines not subject to VAT .* with taxed lines: Peppol allows no other VAT category .*BR-O-11/,
		);
		built(salesOrder({ OrderLines: [line({ VATPercentage: 0 })] }), { zeroVatTreatment: 'notSubject' });
	});
});
