import { describe, expect, it } from 'vitest';

import { buildUbl } from '../../../lib/ubl/build';
import type { CommercialDocument } from '../../../lib/ubl/model';
import {
	PEPPOL_BILLING_CUSTOMIZATION_ID,
	PEPPOL_BILLING_PROFILE_ID,
} from '../../../lib/ubl/namespaces';
import { parseUbl } from '../../../lib/ubl/parse';
import { listElementPaths } from '../../support/ubl/element-paths';

/** Parts of the model that none of the OpenPeppol fixtures uses. */
function invoiceWithRareParts(): CommercialDocument {
	const standard = { id: 'S', percent: '21', taxSchemeId: 'VAT' };
	return {
		kind: 'Invoice',
		customizationId: PEPPOL_BILLING_CUSTOMIZATION_ID,
		profileId: PEPPOL_BILLING_PROFILE_ID,
		id: 'R-1',
		issueDate: '2026-11-01',
		typeCode: '380',
		currency: 'EUR',
		buyerReference: 'REF',
		period: { descriptionCode: '35' },
		seller: { name: 'Seller', registrationName: 'Seller NV', vatId: 'BE0123456749', address: { countryCode: 'BE' } },
		buyer: { registrationName: 'Buyer NV', address: { countryCode: 'BE' } },
		paymentMeans: [
			{
				code: '48',
				codeName: 'Bank card',
				paymentId: 'R-1',
				card: { primaryAccountNumber: '1234', networkId: 'VISA', holderName: 'J. Peeters' },
			},
			{ code: '59', mandateId: 'MANDATE-7', payerAccountId: 'BE68539007547034' },
		],
		taxTotal: { taxAmount: '21.00', subtotals: [{ taxableAmount: '100.00', taxAmount: '21.00', category: standard }] },
		totals: {
			lineExtensionAmount: '100.00',
			taxExclusiveAmount: '100.00',
			taxInclusiveAmount: '121.00',
			payableRoundingAmount: '0.01',
			payableAmount: '121.01',
		},
		lines: [
			{
				id: '1',
				quantity: '0.125',
				unitCode: 'KGM',
				lineExtensionAmount: '100.00',
				item: {
					name: 'Saffron',
					classifications: [{ code: '0910', listId: 'HS', listVersionId: '2022' }],
					taxCategory: standard,
				},
				price: { amount: '800', baseQuantity: '1', baseQuantityUnitCode: 'KGM' },
			},
		],
	};
}

describe('model parts outside the fixtures', () => {
	it('survive build and parse: card, mandate, rounding, period code, classification version', () => {
		const document = invoiceWithRareParts();
		const parsed = parseUbl(buildUbl(document));
		expect(parsed.document).toEqual(document);
		const paths = listElementPaths(parsed.xml);
		expect(paths).toContain('/Invoice/cac:PaymentMeans/cac:CardAccount/cbc:HolderName');
		expect(paths).toContain('/Invoice/cac:PaymentMeans/cac:PaymentMandate/cac:PayerFinancialAccount/cbc:ID');
	});

	it('writes the payment means children in schema order', () => {
		const xml = buildUbl(invoiceWithRareParts()).toString('utf8');
		const order = ['<cbc:PaymentMeansCode name="Bank card">48<', '<cbc:PaymentID>R-1<', '<cac:CardAccount>', '<cbc:PrimaryAccountNumberID>'];
		const positions = order.map((fragment) => xml.indexOf(fragment));
		expect(positions.every((position) => position > 0)).toBe(true);
		expect([...positions].sort((a, b) => a - b)).toEqual(positions);
	});

	it('writes no ProfileID nor CustomizationID when the document has none', () => {
		const document = invoiceWithRareParts();
		delete document.customizationId;
		delete document.profileId;
		const parsed = parseUbl(buildUbl(document));
		expect(parsed.document).toEqual(document);
		expect(listElementPaths(parsed.xml)).not.toContain('/Invoice/cbc:ProfileID');
	});

	it('keeps a delivery that holds only its delivery terms', () => {
		const document: CommercialDocument = {
			...invoiceWithRareParts(),
			delivery: { terms: { id: 'FCA', specialTerms: 'Free carrier, Antwerp' } },
		};
		const parsed = parseUbl(buildUbl(document));
		expect(parsed.document).toEqual(document);
		expect(listElementPaths(parsed.xml)).toContain('/Invoice/cac:Delivery/cac:DeliveryTerms/cbc:SpecialTerms');
	});

	it('writes amounts, quantities and rates exactly as the model holds them', () => {
		const document = invoiceWithRareParts();
		document.lines[0] = {
			...document.lines[0],
			quantity: '100.000',
			lineExtensionAmount: '100.0050',
			price: { amount: '0.00880', baseQuantity: '1.0' },
		};
		document.taxTotal.subtotals[0].category = { id: 'S', percent: '21.00', taxSchemeId: 'VAT' };
		const xml = buildUbl(document).toString('utf8');
		expect(xml).toContain('<cbc:InvoicedQuantity unitCode="KGM">100.000</cbc:InvoicedQuantity>');
		expect(xml).toContain('<cbc:LineExtensionAmount currencyID="EUR">100.0050</cbc:LineExtensionAmount>');
		expect(xml).toContain('<cbc:PriceAmount currencyID="EUR">0.00880</cbc:PriceAmount>');
		expect(xml).toContain('<cbc:Percent>21.00</cbc:Percent>');
		expect(parseUbl(xml).document).toEqual(document);
	});

	it('writes no unit code nor list id that the document lacks', () => {
		const document = invoiceWithRareParts();
		delete document.lines[0].unitCode;
		delete document.lines[0].item.classifications![0].listId;
		const xml = buildUbl(document).toString('utf8');
		expect(xml).toContain('<cbc:InvoicedQuantity>0.125</cbc:InvoicedQuantity>');
		expect(xml).toContain('<cbc:ItemClassificationCode listVersionID="2022">0910</cbc:ItemClassificationCode>');
		expect(parseUbl(xml).document).toEqual(document);
	});

	it('gives an invoice no DueDate when only its payment means has a due date', () => {
		const document = invoiceWithRareParts();
		document.paymentMeans![0].dueDate = '2026-12-01';
		const parsed = parseUbl(buildUbl(document));
		expect(parsed.document).toEqual(document);
		expect(listElementPaths(parsed.xml)).not.toContain('/Invoice/cbc:DueDate');
	});

	it('keeps a price allowance written as a charge, so the pre-validator still sees it', () => {
		const document = invoiceWithRareParts();
		document.lines[0].price.allowance = { chargeIndicator: true, amount: '10', baseAmount: '810' };
		const xml = buildUbl(document).toString('utf8');
		expect(xml).toMatch(/<cac:Price>[\s\S]*<cbc:ChargeIndicator>true<\/cbc:ChargeIndicator>/);
		expect(parseUbl(xml).document).toEqual(document);
	});

	it('refuses an amount that is not decimal text', () => {
		const document = invoiceWithRareParts();
		document.totals.payableAmount = '1.2e3';
		expect(() => buildUbl(document)).toThrow('cbc:PayableAmount must be decimal text such as 12.50, not "1.2e3"');
	});

	it('carries a credit note’s project as an additional document of type 50 and its due date in the payment means', () => {
		const invoice = invoiceWithRareParts();
		const creditNote: CommercialDocument = {
			...invoice,
			kind: 'CreditNote',
			typeCode: '381',
			dueDate: '2026-12-01',
			projectReference: 'PRJ-1',
		};
		const xml = buildUbl(creditNote).toString('utf8');
		expect(xml).not.toContain('ProjectReference');
		expect(xml).not.toContain('<cbc:DueDate>');
		const parsed = parseUbl(xml).document as CommercialDocument;
		expect(parsed.additionalDocuments).toEqual([{ id: 'PRJ-1', typeCode: '50' }]);
		expect(parsed.dueDate).toBe('2026-12-01');
		expect(parsed.paymentMeans?.[0].dueDate).toBe('2026-12-01');
	});
});
