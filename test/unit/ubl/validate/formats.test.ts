import { describe, expect, it } from 'vitest';

import { edit, editAll, expectedRules, firedRules, fixture, insertBefore, type MutationCase } from './helpers';

const base = () => fixture('base-example.xml');
const allowances = () => fixture('Allowance-example.xml');
const exempt = () => fixture('vat-category-E.xml');
const ISSUE_DATE = '<cbc:IssueDate>2017-11-13</cbc:IssueDate>';
const issueDate = (value: string) => edit(base(), ISSUE_DATE, `<cbc:IssueDate>${value}</cbc:IssueDate>`);
const exemptionCode = (code: string) => edit(exempt(), 'VATEX-EU-F', code);
const SELLER_ID = '<cbc:ID>99887766</cbc:ID>';
const sellerId = (scheme: string, value: string) => edit(base(), SELLER_ID, `<cbc:ID schemeID="${scheme}">${value}</cbc:ID>`);
const invoiceType = (code: string) => edit(base(), '<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>', `<cbc:InvoiceTypeCode>${code}</cbc:InvoiceTypeCode>`);
const bothCountries = (xml: string, country: string) => editAll(editAll(xml, '<cbc:IdentificationCode>GB</cbc:IdentificationCode>', `<cbc:IdentificationCode>${country}</cbc:IdentificationCode>`), '<cbc:IdentificationCode>SE</cbc:IdentificationCode>', `<cbc:IdentificationCode>${country}</cbc:IdentificationCode>`);
const lineCategory = (xml: string, from: string, to: string) => editAll(xml, `<cbc:ID>${from}</cbc:ID>`, `<cbc:ID>${to}</cbc:ID>`);
const igic = () => lineCategory(base(), 'S', 'L');
const LINE_CATEGORY = /(<cac:ClassifiedTaxCategory>\s*<cbc:ID>)S(<\/cbc:ID>\s*<cbc:Percent>)25.0/g;

const cases: MutationCase[] = [
	{ rule: 'PEPPOL-EN16931-F001', xml: () => issueDate('2017-13-45') },
	{ rule: 'PEPPOL-EN16931-F001', xml: () => issueDate('20171113') },
	{ rule: 'PEPPOL-EN16931-F001', xml: () => issueDate('2017-11-13T10:00:00') },
	{ rule: 'PEPPOL-EN16931-F001', xml: () => issueDate('2017-02-30') },
	{ rule: 'PEPPOL-EN16931-R051', xml: () => edit(base(), '<cbc:Amount currencyID="EUR">25</cbc:Amount>', '<cbc:Amount currencyID="SEK">25</cbc:Amount>') },
	{ rule: 'PEPPOL-EN16931-R130', xml: () => edit(base(), '<cbc:PriceAmount currencyID="EUR">400</cbc:PriceAmount>', '<cbc:PriceAmount currencyID="EUR">400</cbc:PriceAmount><cbc:BaseQuantity unitCode="HUR">1</cbc:BaseQuantity>') },
	{ rule: 'PEPPOL-EN16931-P0104', xml: () => exemptionCode('VATEX-EU-G') },
	{ rule: 'PEPPOL-EN16931-P0105', xml: () => exemptionCode('VATEX-EU-O') },
	{ rule: 'PEPPOL-EN16931-P0106', xml: () => exemptionCode('VATEX-EU-IC') },
	{ rule: 'PEPPOL-EN16931-P0107', xml: () => exemptionCode('VATEX-EU-AE') },
	{ rule: 'PEPPOL-EN16931-P0108', xml: () => lineCategory(exemptionCode('VATEX-EU-D'), 'E', 'Z'), also: ['BR-Z-10'] },
	{ rule: 'PEPPOL-EN16931-P0109', xml: () => lineCategory(exempt(), 'E', 'Z'), also: ['BR-Z-10'] },
	{ rule: 'PEPPOL-EN16931-P0110', xml: () => lineCategory(exemptionCode('VATEX-EU-I'), 'E', 'Z'), also: ['BR-Z-10'] },
	{ rule: 'PEPPOL-EN16931-P0111', xml: () => lineCategory(exemptionCode('VATEX-EU-J'), 'E', 'Z'), also: ['BR-Z-10'] },
	{ rule: 'PEPPOL-EN16931-P0112', xml: () => invoiceType('384') },
	{ rule: 'PEPPOL-EN16931-P0112', xml: () => invoiceType('384'), release: '2026.5' },
	{ rule: 'PEPPOL-EN16931-P0100', xml: () => invoiceType('389'), release: '2026.5' },
	{ rule: 'PEPPOL-COMMON-R041', xml: () => sellerId('0192', '923609017') },
	{ rule: 'PEPPOL-COMMON-R042', xml: () => sellerId('0184', 'DK1234567') },
	{ rule: 'PEPPOL-COMMON-R049', xml: () => sellerId('0007', '5560360794') },
	{ rule: 'PEPPOL-COMMON-R050', xml: () => sellerId('0151', '51824753557') },
	{ rule: 'PEPPOL-COMMON-R052', xml: () => sellerId('0096', '123456789'), release: '2026.5' },
	{ rule: 'PEPPOL-COMMON-R052', xml: () => sellerId('0096', '12345678 9'), release: '2026.5' },
	{ rule: 'PEPPOL-COMMON-R052', xml: () => sellerId('0096', ' 1234567890'), release: '2026.5' },
	{ rule: 'PEPPOL-COMMON-R053', xml: () => sellerId('0198', '12345678'), release: '2026.5' },
	{ rule: 'PEPPOL-COMMON-R053', xml: () => sellerId('0198', 'dk12345678'), release: '2026.5' },
	{ rule: 'PEPPOL-COMMON-R053', xml: () => sellerId('0198', 'DK1234567X'), release: '2026.5' },
	{ rule: 'PEPPOL-COMMON-R054', xml: () => sellerId('0106', '1234567'), release: '2026.5' },
	{ rule: 'PEPPOL-COMMON-R055', xml: () => sellerId('0190', '1234567890123456789'), release: '2026.5' },
	{ rule: 'PEPPOL-COMMON-R056-1', xml: () => sellerId('9944', 'NL123456789C12'), release: '2026.5', also: ['BR-CL-10'] },
	{ rule: 'PEPPOL-COMMON-R056-2', xml: () => editAll(base(), 'GB1232434', 'NL1232434'), release: '2026.5' },
	{ rule: 'PEPPOL-COMMON-R057', xml: () => sellerId('0217', '12345678901'), release: '2026.5' },
	{ rule: 'BR-CL-03', xml: () => edit(base(), '<cbc:Amount currencyID="EUR">25</cbc:Amount>', '<cbc:Amount currencyID="MRU">25</cbc:Amount>'), also: ['PEPPOL-EN16931-R051'] },
	{ rule: 'BR-CL-06', xml: () => insertBefore(base(), '<cac:AccountingSupplierParty>', '<cac:InvoicePeriod><cbc:DescriptionCode>1</cbc:DescriptionCode></cac:InvoicePeriod>'), also: ['PEPPOL-EN16931-CL006'] },
	{ rule: 'BR-CL-07', xml: () => insertBefore(base(), '<cac:AccountingSupplierParty>', '<cac:AdditionalDocumentReference><cbc:ID schemeID="QQQ">O1</cbc:ID><cbc:DocumentTypeCode>130</cbc:DocumentTypeCode></cac:AdditionalDocumentReference>') },
	{ rule: 'BR-CL-08', xml: () => edit(allowances(), '<cbc:Note>Please note', '<cbc:Note>#QQQ#Please note') },
	{ rule: 'BR-CL-13', xml: () => editAll(base(), 'listID="SRV"', 'listID="QQ"') },
	{ rule: 'BR-CL-15', xml: () => editAll(base(), '<cbc:IdentificationCode>NO</cbc:IdentificationCode>', '<cbc:IdentificationCode>QQ</cbc:IdentificationCode>') },
	{ rule: 'BR-CL-16', xml: () => edit(base(), '<cbc:PaymentMeansCode name="Credit transfer">30</cbc:PaymentMeansCode>', '<cbc:PaymentMeansCode>999</cbc:PaymentMeansCode>') },
	{ rule: 'BR-CL-21', xml: () => editAll(base(), '<cbc:ID schemeID="0088">21382183120983</cbc:ID>', '<cbc:ID schemeID="9999">21382183120983</cbc:ID>') },
	{ rule: 'BR-CL-22', xml: () => exemptionCode('VATEX-EU-QQ') },
	{ rule: 'BR-CL-26', xml: () => edit(base(), '<cbc:ID schemeID="0088">9483759475923478</cbc:ID>', '<cbc:ID schemeID="9999">9483759475923478</cbc:ID>') },
	{ rule: 'BR-AF-01', xml: () => edit(base(), LINE_CATEGORY, '$1L$225.0'), also: ['BR-S-08'] },
	{ rule: 'BR-AF-05', xml: () => edit(igic(), /(<cac:ClassifiedTaxCategory>\s*<cbc:ID>L<\/cbc:ID>\s*<cbc:Percent>)25.0/, '$1-1'), also: ['BR-AF-08'] },
	{ rule: 'BR-AF-10', xml: () => edit(igic(), /(<cac:TaxSubtotal>[\s\S]*?<cbc:Percent>25.0<\/cbc:Percent>)/, '$1<cbc:TaxExemptionReason>x</cbc:TaxExemptionReason>') },
	{ rule: 'BR-AG-09', xml: () => edit(lineCategory(base(), 'S', 'M'), '<cbc:TaxAmount currencyID="EUR">331.25</cbc:TaxAmount>\n            <cac:TaxCategory>', '<cbc:TaxAmount currencyID="EUR">300</cbc:TaxAmount>\n            <cac:TaxCategory>'), also: ['BR-CO-14', 'BR-CO-17'] },
	{ rule: 'BR-B-01', xml: () => lineCategory(base(), 'S', 'B') },
	{ rule: 'BR-B-02', xml: () => edit(bothCountries(base(), 'IT'), /(<cac:ClassifiedTaxCategory>\s*<cbc:ID>)S/, '$1B'), also: ['BR-B-01', 'BR-S-08'] },
	{ rule: 'BR-CO-26', xml: () => edit(edit(edit(base(), SELLER_ID, '<cbc:ID schemeID="SEPA">DE98ZZZ09999999999</cbc:ID>'), '<cbc:CompanyID>GB983294</cbc:CompanyID>', ''), /<cac:PartyTaxScheme>\s*<cbc:CompanyID>GB1232434<\/cbc:CompanyID>\s*<cac:TaxScheme>\s*<cbc:ID>VAT<\/cbc:ID>\s*<\/cac:TaxScheme>\s*<\/cac:PartyTaxScheme>/, ''), release: '2026.5', also: ['BR-S-02', 'BR-S-04'] },
];

describe('Peppol formats, identifiers, code lists and further EN16931 categories', () => {
	it.each(cases.map((entry, index) => [`${entry.rule} #${index}${entry.release ? ` (${entry.release})` : ''}`, entry] as const))('%s', (_name, entry) => {
		expect(firedRules(entry.xml(), entry.release)).toEqual(expectedRules(entry));
	});

	it.each(['923609016:0192', 'DK12345678:0184', '12345678:0184', '5560360793:0007', '51824753556:0151'])('accepts the valid identifier %s', (entry) => {
		const [value, scheme] = entry.split(':');
		expect(firedRules(sellerId(scheme, value))).toEqual([]);
	});

	it('accepts 29 February of a leap year', () => {
		expect(firedRules(edit(base(), '<cbc:DueDate>2017-12-01</cbc:DueDate>', '<cbc:DueDate>2024-02-29</cbc:DueDate>'))).toEqual([]);
	});

	it('allows 384 between German parties only, in both releases', () => {
		expect(firedRules(bothCountries(invoiceType('384'), 'DE'))).toEqual([]);
		expect(firedRules(bothCountries(invoiceType('384'), 'DE'), '2026.5')).toEqual([]);
		const slovak = edit(edit(bothCountries(invoiceType('384'), 'SK'), 'GB1232434', 'SK1232434'), 'SE4598375937', 'SK4598375937');
		expect(firedRules(slovak, '2026.5')).toEqual(['PEPPOL-EN16931-P0112']);
	});

	it.each(['1234567890:0096', 'DK12345678:0198', '12345678:0106', '12345678901234567890:0190', '123456789012:0217'])(
		'accepts the valid 2026.5 identifier %s',
		(entry) => {
			const [value, scheme] = entry.split(':');
			expect(firedRules(sellerId(scheme, value), '2026.5')).toEqual([]);
		},
	);

	it('checks the Danish P and SE numbers from release 2026.5 only', () => {
		expect(firedRules(sellerId('0096', '123'), '2025.5')).toEqual([]);
		expect(firedRules(sellerId('0198', '123'), '2025.5')).toEqual([]);
	});

	it('counts a SEPA creditor id as the seller identifier in release 2025.5 only', () => {
		const entry = cases.find((candidate) => candidate.rule === 'BR-CO-26')!;
		expect(firedRules(entry.xml(), '2025.5')).toEqual(expectedRules(entry).filter((rule) => rule !== 'BR-CO-26'));
	});
});
