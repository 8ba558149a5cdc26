import { describe, expect, it } from 'vitest';

import { edit, expectedRules, firedRules, fixture, insertBefore, type MutationCase } from './helpers';

const base = () => fixture('base-example.xml');
const allowances = () => fixture('Allowance-example.xml');
const zeroRated = () => fixture('vat-category-Z.xml');
const creditNote = () => fixture('base-creditnote-correction.xml');
const LINE_ONE_COST = '<cbc:AccountingCost>Konteringsstreng</cbc:AccountingCost>';
const WITH_SEK_ACCOUNTING = (xml: string) =>
	edit(xml, '<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>', '<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode><cbc:TaxCurrencyCode>SEK</cbc:TaxCurrencyCode>');
const NOVEMBER = '<cac:InvoicePeriod><cbc:StartDate>2017-11-01</cbc:StartDate><cbc:EndDate>2017-11-30</cbc:EndDate></cac:InvoicePeriod>';
const withLinePeriod = (start: string, end: string) =>
	edit(
		insertBefore(base(), '<cac:AccountingSupplierParty>', NOVEMBER),
		LINE_ONE_COST,
		`${LINE_ONE_COST}<cac:InvoicePeriod><cbc:StartDate>${start}</cbc:StartDate><cbc:EndDate>${end}</cbc:EndDate></cac:InvoicePeriod>`,
	);
const withLineReferences = (markup: string) => edit(base(), LINE_ONE_COST, `${LINE_ONE_COST}${markup}`);
const objectReference = (type: string) => `<cac:DocumentReference><cbc:ID>OBJ-1</cbc:ID><cbc:DocumentTypeCode>${type}</cbc:DocumentTypeCode></cac:DocumentReference>`;

const cases: MutationCase[] = [
	{ rule: 'PEPPOL-EN16931-R001', xml: () => edit(base(), /<cbc:ProfileID>.*<\/cbc:ProfileID>/, ''), also: ['PEPPOL-EN16931-R007'] },
	{ rule: 'PEPPOL-EN16931-R002', xml: () => edit(base(), '<cbc:DocumentCurrencyCode>', '<cbc:Note>First</cbc:Note><cbc:Note>Second</cbc:Note><cbc:DocumentCurrencyCode>') },
	{ rule: 'PEPPOL-EN16931-R003', xml: () => edit(base(), '<cbc:BuyerReference>0150abc</cbc:BuyerReference>', '') },
	{ rule: 'PEPPOL-EN16931-R004', xml: () => edit(base(), /<cbc:CustomizationID>.*<\/cbc:CustomizationID>/, '<cbc:CustomizationID>urn:cen.eu:en16931:2017</cbc:CustomizationID>') },
	{
		rule: 'PEPPOL-EN16931-R005',
		xml: () => edit(base(), '<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>', '<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode><cbc:TaxCurrencyCode>EUR</cbc:TaxCurrencyCode>'),
		also: ['PEPPOL-EN16931-R054'],
	},
	{ rule: 'PEPPOL-EN16931-R007', xml: () => edit(base(), 'poacc:billing:01:1.0', 'poacc:billing:1:1.0') },
	{ rule: 'PEPPOL-EN16931-R008', xml: () => edit(base(), '<cbc:DocumentCurrencyCode>', '<cbc:Note>  </cbc:Note><cbc:DocumentCurrencyCode>') },
	{ rule: 'PEPPOL-EN16931-R010', xml: () => edit(base(), '<cbc:EndpointID schemeID="0002">FR23342</cbc:EndpointID>', '') },
	{ rule: 'PEPPOL-EN16931-R020', xml: () => edit(base(), '<cbc:EndpointID schemeID="0088">9482348239847239874</cbc:EndpointID>', '') },
	{ rule: 'PEPPOL-EN16931-R040', xml: () => edit(allowances(), '<cbc:MultiplierFactorNumeric>20</cbc:MultiplierFactorNumeric>', '<cbc:MultiplierFactorNumeric>21</cbc:MultiplierFactorNumeric>') },
	{ rule: 'PEPPOL-EN16931-R041', xml: () => edit(allowances(), '<cbc:BaseAmount currencyID="EUR">1000</cbc:BaseAmount>', '') },
	{ rule: 'PEPPOL-EN16931-R042', xml: () => edit(allowances(), '<cbc:MultiplierFactorNumeric>20</cbc:MultiplierFactorNumeric>', '') },
	{ rule: 'PEPPOL-EN16931-R043', xml: () => edit(base(), '<cbc:ChargeIndicator>true</cbc:ChargeIndicator>', '<cbc:ChargeIndicator>yes</cbc:ChargeIndicator>'), also: ['BR-CO-12', 'BR-S-08'] },
	{
		rule: 'PEPPOL-EN16931-R044',
		xml: () => edit(allowances(), /(<cac:Price>\s*<cbc:PriceAmount currencyID="EUR">410<\/cbc:PriceAmount>[\s\S]*?<cbc:ChargeIndicator>)false/, '$1true'),
	},
	{ rule: 'PEPPOL-EN16931-R046', xml: () => edit(allowances(), '<cbc:Amount currencyID="EUR">40</cbc:Amount>', '<cbc:Amount currencyID="EUR">41</cbc:Amount>') },
	{ rule: 'PEPPOL-EN16931-R053', xml: () => edit(zeroRated(), /<cac:TaxTotal>[\s\S]*?<\/cac:TaxTotal>/, (total) => total + total), also: ['BR-CO-15', 'BR-Z-01'] },
	{ rule: 'PEPPOL-EN16931-R054', xml: () => insertBefore(base(), '<cac:LegalMonetaryTotal>', '<cac:TaxTotal><cbc:TaxAmount currencyID="EUR">331.25</cbc:TaxAmount></cac:TaxTotal>'), also: ['BR-CO-15'] },
	{
		rule: 'PEPPOL-EN16931-R055',
		xml: () => insertBefore(WITH_SEK_ACCOUNTING(base()), '<cac:LegalMonetaryTotal>', '<cac:TaxTotal><cbc:TaxAmount currencyID="SEK">-3000.00</cbc:TaxAmount></cac:TaxTotal>'),
	},
	{ rule: 'PEPPOL-EN16931-R061', xml: () => edit(base(), '<cbc:PaymentMeansCode name="Credit transfer">30</cbc:PaymentMeansCode>', '<cbc:PaymentMeansCode>59</cbc:PaymentMeansCode>') },
	{
		// The official rule is bound to credit notes; on an invoice the same references fail UBL-SR-43.
		rule: 'PEPPOL-EN16931-R080',
		xml: () =>
			insertBefore(creditNote(), '<cac:AccountingSupplierParty>', '<cac:AdditionalDocumentReference><cbc:ID>P-1</cbc:ID><cbc:DocumentTypeCode>50</cbc:DocumentTypeCode></cac:AdditionalDocumentReference>'.repeat(2)),
	},
	{ rule: 'PEPPOL-EN16931-R100', xml: () => withLineReferences(objectReference('130').repeat(2)), also: ['UBL-SR-52'] },
	{ rule: 'PEPPOL-EN16931-R101', xml: () => withLineReferences(objectReference('50')) },
	{ rule: 'PEPPOL-EN16931-R110', xml: () => withLinePeriod('2017-10-01', '2017-11-30') },
	{ rule: 'PEPPOL-EN16931-R111', xml: () => withLinePeriod('2017-11-01', '2017-12-31') },
	{ rule: 'PEPPOL-EN16931-R120', xml: () => edit(base(), '<cbc:PriceAmount currencyID="EUR">400</cbc:PriceAmount>', '<cbc:PriceAmount currencyID="EUR">401</cbc:PriceAmount>') },
	{
		rule: 'PEPPOL-EN16931-R121',
		xml: () => edit(allowances(), '<cbc:BaseQuantity unitCode="C62">2</cbc:BaseQuantity>', '<cbc:BaseQuantity unitCode="C62">0</cbc:BaseQuantity>'),
		also: ['PEPPOL-EN16931-R120'],
	},
	{ rule: 'PEPPOL-EN16931-P0100', xml: () => edit(base(), '<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>', '<cbc:InvoiceTypeCode>325</cbc:InvoiceTypeCode>') },
	{ rule: 'PEPPOL-EN16931-P0101', xml: () => edit(creditNote(), /<cbc:CreditNoteTypeCode>381<\/cbc:CreditNoteTypeCode>/, '<cbc:CreditNoteTypeCode>261</cbc:CreditNoteTypeCode>') },
	{
		rule: 'PEPPOL-COMMON-R040',
		xml: () => edit(base(), '<cbc:EndpointID schemeID="0088">9482348239847239874</cbc:EndpointID>', '<cbc:EndpointID schemeID="0088">9482348239847239875</cbc:EndpointID>'),
	},
	{ rule: 'PEPPOL-COMMON-R043', xml: () => edit(base(), '<cbc:EndpointID schemeID="0002">FR23342</cbc:EndpointID>', '<cbc:EndpointID schemeID="0208">0123456788</cbc:EndpointID>') },
];

describe('Peppol BIS Billing 3.0 rules', () => {
	it.each(cases.map((entry) => [entry.rule, entry] as const))('%s', (_rule, entry) => {
		expect(firedRules(entry.xml())).toEqual(expectedRules(entry));
	});

	it('PEPPOL-COMMON-R043 accepts a Belgian enterprise number with a correct check', () => {
		const xml = edit(base(), '<cbc:EndpointID schemeID="0002">FR23342</cbc:EndpointID>', '<cbc:EndpointID schemeID="0208">0403170701</cbc:EndpointID>');
		expect(firedRules(xml)).toEqual([]);
	});
});
