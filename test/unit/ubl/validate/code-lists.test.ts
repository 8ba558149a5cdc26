import { describe, expect, it } from 'vitest';

import { edit, expectedRules, firedRules, fixture, insertBefore, type MutationCase } from './helpers';

const base = () => fixture('base-example.xml');
const allowances = () => fixture('Allowance-example.xml');
const ATTACHMENT = (mimeCode: string) =>
	`<cac:AdditionalDocumentReference><cbc:ID>ATT-1</cbc:ID><cac:Attachment><cbc:EmbeddedDocumentBinaryObject mimeCode="${mimeCode}" filename="a.bin">QUJD</cbc:EmbeddedDocumentBinaryObject></cac:Attachment></cac:AdditionalDocumentReference>`;

const cases: MutationCase[] = [
	{ rule: 'BR-CL-01', xml: () => edit(base(), '<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>', '<cbc:InvoiceTypeCode>999</cbc:InvoiceTypeCode>'), also: ['PEPPOL-EN16931-P0100'] },
	{ rule: 'BR-CL-04', xml: () => edit(base(), '<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>', '<cbc:DocumentCurrencyCode>ABC</cbc:DocumentCurrencyCode>'), also: ['BR-CO-15', 'PEPPOL-EN16931-R051'] },
	{
		rule: 'BR-CL-05',
		xml: () =>
			insertBefore(
				edit(base(), '<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>', '<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode><cbc:TaxCurrencyCode>ABC</cbc:TaxCurrencyCode>'),
				'<cac:LegalMonetaryTotal>',
				'<cac:TaxTotal><cbc:TaxAmount currencyID="ABC">3000.00</cbc:TaxAmount></cac:TaxTotal>',
			),
		also: ['BR-CL-03', 'PEPPOL-EN16931-CL007'],
	},
	{ rule: 'BR-CL-10', xml: () => edit(base(), '<cbc:ID schemeID="0002">FR23342</cbc:ID>', '<cbc:ID schemeID="9999">FR23342</cbc:ID>') },
	{ rule: 'BR-CL-11', xml: () => edit(base(), '<cbc:CompanyID schemeID="0183">', '<cbc:CompanyID schemeID="9999">') },
	{ rule: 'BR-CL-14', xml: () => edit(base(), '<cbc:IdentificationCode>GB</cbc:IdentificationCode>', '<cbc:IdentificationCode>QQ</cbc:IdentificationCode>') },
	{
		rule: 'BR-CL-17',
		xml: () => edit(base(), /(<cbc:Amount currencyID="EUR">25<\/cbc:Amount>\s*<cac:TaxCategory>\s*<cbc:ID>)S/, '$1Q'),
		also: ['BR-S-08'],
	},
	{ rule: 'BR-CL-18', xml: () => edit(base(), /(<cac:ClassifiedTaxCategory>\s*<cbc:ID>)S/, '$1Q'), also: ['BR-S-08'] },
	{ rule: 'BR-CL-23', xml: () => edit(base(), 'unitCode="DAY">7<', 'unitCode="XYZ1">7<') },
	{ rule: 'PEPPOL-EN16931-CL001', xml: () => insertBefore(base(), '<cac:AccountingSupplierParty>', ATTACHMENT('application/zip')), also: ['BR-CL-24'] },
	{ rule: 'PEPPOL-EN16931-CL002', xml: () => edit(allowances(), '<cbc:AllowanceChargeReasonCode>95</cbc:AllowanceChargeReasonCode>', '<cbc:AllowanceChargeReasonCode>99</cbc:AllowanceChargeReasonCode>'), also: ['BR-CL-19'] },
	{ rule: 'PEPPOL-EN16931-CL003', xml: () => edit(allowances(), '<cbc:AllowanceChargeReasonCode>CG</cbc:AllowanceChargeReasonCode>', '<cbc:AllowanceChargeReasonCode>QQQ</cbc:AllowanceChargeReasonCode>'), also: ['BR-CL-20'] },
	{
		rule: 'PEPPOL-EN16931-CL006',
		xml: () => insertBefore(base(), '<cac:AccountingSupplierParty>', '<cac:InvoicePeriod><cbc:DescriptionCode>99</cbc:DescriptionCode></cac:InvoicePeriod>'),
		also: ['BR-CL-06'],
	},
	{ rule: 'PEPPOL-EN16931-CL007', xml: () => edit(base(), '<cbc:Amount currencyID="EUR">25</cbc:Amount>', '<cbc:Amount currencyID="ABC">25</cbc:Amount>'), also: ['BR-CL-03', 'PEPPOL-EN16931-R051'] },
	{ rule: 'PEPPOL-EN16931-CL008', xml: () => edit(base(), '<cbc:EndpointID schemeID="0088">', '<cbc:EndpointID schemeID="9999">'), also: ['BR-CL-25'] },
];

describe('code list rules', () => {
	it.each(cases.map((entry) => [entry.rule, entry] as const))('%s', (_rule, entry) => {
		expect(firedRules(entry.xml())).toEqual(expectedRules(entry));
	});

	it('accepts a SEPA creditor identifier (BT-90) on the seller and the payee', () => {
		const sepa = '<cac:PartyIdentification><cbc:ID schemeID="SEPA">DE98ZZZ09999999999</cbc:ID></cac:PartyIdentification>';
		const seller = edit(base(), '<cac:PartyIdentification>\n                <cbc:ID>99887766</cbc:ID>', (match) => `${sepa}${match}`);
		expect(firedRules(seller)).toEqual([]);
		const payee = insertBefore(base(), '<cac:Delivery>', `<cac:PayeeParty>${sepa}<cac:PartyName><cbc:Name>Payee</cbc:Name></cac:PartyName></cac:PayeeParty>`);
		expect(firedRules(payee)).toEqual([]);
	});

	it('refuses scheme SEPA on a buyer identifier (BR-CL-10)', () => {
		expect(firedRules(edit(base(), '<cbc:ID schemeID="0002">FR23342</cbc:ID>', '<cbc:ID schemeID="SEPA">FR23342</cbc:ID>'))).toEqual(['BR-CL-10']);
	});

	it('accepts a PDF attachment', () => {
		expect(firedRules(insertBefore(base(), '<cac:AccountingSupplierParty>', ATTACHMENT('application/pdf')))).toEqual([]);
	});
});
