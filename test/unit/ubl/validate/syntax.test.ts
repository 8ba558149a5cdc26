import { describe, expect, it } from 'vitest';

import { edit, expectedRules, firedRules, fixture, insertBefore, type MutationCase } from './helpers';

const base = () => fixture('base-example.xml');
const allowances = () => fixture('Allowance-example.xml');
const exempt = () => fixture('vat-category-E.xml');
const root = (markup: string) => insertBefore(base(), '<cac:AccountingSupplierParty>', markup);
const twice = (markup: string) => markup + markup;
const SUPPLIER_LEGAL = '<cbc:RegistrationName>SupplierOfficialName Ltd</cbc:RegistrationName>';
const BUYER_LEGAL = '<cbc:RegistrationName>Buyer Official Name</cbc:RegistrationName>';
const PAYMENT_ID = '<cbc:PaymentID>Snippet1</cbc:PaymentID>';
const PAYMENT_MEANS_END = '</cac:PaymentMeans>';
const LINE_ONE_ITEM = '<cbc:Description>Description of item</cbc:Description>';
const payee = (name: string) => insertBefore(base(), '<cac:Delivery>', `<cac:PayeeParty><cac:PartyName><cbc:Name>${name}</cbc:Name></cac:PartyName></cac:PayeeParty>`);
const representative = (inner: string) =>
	insertBefore(
		base(),
		'<cac:Delivery>',
		`<cac:TaxRepresentativeParty><cac:PartyName><cbc:Name>Rep</cbc:Name></cac:PartyName><cac:PostalAddress><cac:Country><cbc:IdentificationCode>GB</cbc:IdentificationCode></cac:Country></cac:PostalAddress>${inner}</cac:TaxRepresentativeParty>`,
	);
const REP_VAT = '<cac:PartyTaxScheme><cbc:CompanyID>GB999</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>';
const secondMeans = (inner: string) => edit(base(), PAYMENT_MEANS_END, `${PAYMENT_MEANS_END}<cac:PaymentMeans>${inner}</cac:PaymentMeans>`);
const attachment = (attributes: string) =>
	root(`<cac:AdditionalDocumentReference><cbc:ID>A1</cbc:ID><cac:Attachment><cbc:EmbeddedDocumentBinaryObject ${attributes}>QUJD</cbc:EmbeddedDocumentBinaryObject></cac:Attachment></cac:AdditionalDocumentReference>`);
const CARD = '<cac:CardAccount><cbc:PrimaryAccountNumberID>1234</cbc:PrimaryAccountNumberID><cbc:NetworkID>VISA</cbc:NetworkID></cac:CardAccount>';
const MANDATE = '<cac:PaymentMandate><cbc:ID>M1</cbc:ID></cac:PaymentMandate>';

const cases: MutationCase[] = [
	{ rule: 'UBL-SR-01', xml: () => root(twice('<cac:ContractDocumentReference><cbc:ID>C1</cbc:ID></cac:ContractDocumentReference>')) },
	{ rule: 'UBL-SR-02', xml: () => root(twice('<cac:ReceiptDocumentReference><cbc:ID>R1</cbc:ID></cac:ReceiptDocumentReference>')) },
	{ rule: 'UBL-SR-03', xml: () => root(twice('<cac:DespatchDocumentReference><cbc:ID>D1</cbc:ID></cac:DespatchDocumentReference>')) },
	{ rule: 'UBL-SR-04', xml: () => root(twice('<cac:AdditionalDocumentReference><cbc:ID>O1</cbc:ID><cbc:DocumentTypeCode>130</cbc:DocumentTypeCode></cac:AdditionalDocumentReference>')) },
	{ rule: 'UBL-SR-05', xml: () => edit(base(), '<cbc:Note>Payment within 10 days, 2% discount</cbc:Note>', twice('<cbc:Note>Payment within 10 days, 2% discount</cbc:Note>')) },
	{ rule: 'UBL-SR-06', xml: () => root(`<cac:BillingReference>${twice('<cac:InvoiceDocumentReference><cbc:ID>I1</cbc:ID></cac:InvoiceDocumentReference>')}</cac:BillingReference>`) },
	{ rule: 'UBL-SR-07', xml: () => root('<cac:BillingReference><cac:InvoiceDocumentReference><cbc:IssueDate>2017-10-01</cbc:IssueDate></cac:InvoiceDocumentReference></cac:BillingReference>'), also: ['BR-55'] },
	{ rule: 'UBL-SR-08', xml: () => root(twice('<cac:InvoicePeriod><cbc:StartDate>2017-11-01</cbc:StartDate></cac:InvoicePeriod>')) },
	{ rule: 'UBL-SR-09', xml: () => edit(base(), SUPPLIER_LEGAL, twice(SUPPLIER_LEGAL)) },
	{ rule: 'UBL-SR-10', xml: () => edit(base(), '<cbc:Name>SupplierTradingName Ltd.</cbc:Name>', twice('<cbc:Name>SupplierTradingName Ltd.</cbc:Name>')) },
	{ rule: 'UBL-SR-11', xml: () => edit(base(), '<cbc:CompanyID>GB983294</cbc:CompanyID>', twice('<cbc:CompanyID>GB983294</cbc:CompanyID>')) },
	{ rule: 'UBL-SR-12', xml: () => edit(base(), '<cbc:CompanyID>GB1232434</cbc:CompanyID>', twice('<cbc:CompanyID>GB1232434</cbc:CompanyID>')) },
	{
		rule: 'UBL-SR-13',
		xml: () => edit(base(), '<cac:PartyLegalEntity>', `${twice('<cac:PartyTaxScheme><cbc:CompanyID>Reg</cbc:CompanyID><cac:TaxScheme><cbc:ID>TAX</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>')}<cac:PartyLegalEntity>`),
		also: ['UBL-SR-42'],
	},
	{ rule: 'UBL-SR-14', xml: () => edit(base(), '<cbc:CompanyID>GB983294</cbc:CompanyID>', `<cbc:CompanyID>GB983294</cbc:CompanyID>${twice('<cbc:CompanyLegalForm>Ltd</cbc:CompanyLegalForm>')}`) },
	{ rule: 'UBL-SR-15', xml: () => edit(base(), BUYER_LEGAL, twice(BUYER_LEGAL)) },
	{ rule: 'UBL-SR-16', xml: () => edit(base(), '<cbc:ID schemeID="0002">FR23342</cbc:ID>', twice('<cbc:ID schemeID="0002">FR23342</cbc:ID>')) },
	{ rule: 'UBL-SR-17', xml: () => edit(base(), '<cbc:CompanyID schemeID="0183">39937423947</cbc:CompanyID>', twice('<cbc:CompanyID schemeID="0183">39937423947</cbc:CompanyID>')) },
	{ rule: 'UBL-SR-18', xml: () => edit(base(), '<cbc:CompanyID>SE4598375937</cbc:CompanyID>', twice('<cbc:CompanyID>SE4598375937</cbc:CompanyID>')) },
	{ rule: 'UBL-SR-19', xml: () => payee('SupplierOfficialName Ltd'), also: ['UBL-SR-20', 'UBL-SR-21'] },
	{ rule: 'UBL-SR-22', xml: () => representative(REP_VAT).replace('<cbc:Name>Rep</cbc:Name></cac:PartyName>', '<cbc:Name>Rep</cbc:Name><cbc:Name>Rep 2</cbc:Name></cac:PartyName>') },
	{ rule: 'UBL-SR-23', xml: () => representative(twice(REP_VAT)), release: '2026.5' },
	{ rule: 'UBL-SR-24', xml: () => edit(base(), '<cac:PaymentMeans>', '<cac:Delivery><cbc:ActualDeliveryDate>2017-11-02</cbc:ActualDeliveryDate></cac:Delivery><cac:PaymentMeans>') },
	{ rule: 'UBL-SR-25', xml: () => edit(base(), '<cbc:Name>Delivery party Name</cbc:Name>', '<cbc:Name>Delivery party Name</cbc:Name></cac:PartyName><cac:PartyName><cbc:Name>Other</cbc:Name>') },
	{ rule: 'UBL-SR-26', xml: () => edit(base(), PAYMENT_ID, twice(PAYMENT_ID)) },
	{ rule: 'UBL-SR-27', xml: () => edit(base(), '<cbc:PaymentMeansCode name="Credit transfer">30</cbc:PaymentMeansCode>', '<cbc:PaymentMeansCode name="Credit transfer">30</cbc:PaymentMeansCode><cbc:PaymentMeansCode>30</cbc:PaymentMeansCode>') },
	{ rule: 'UBL-SR-28', xml: () => edit(base(), PAYMENT_MEANS_END, `<cac:PaymentMandate>${twice('<cbc:ID>M1</cbc:ID>')}</cac:PaymentMandate>${PAYMENT_MEANS_END}`) },
	{
		rule: 'UBL-SR-29',
		xml: () => edit(base(), '<cbc:ID>99887766</cbc:ID>', '<cbc:ID>99887766</cbc:ID></cac:PartyIdentification><cac:PartyIdentification><cbc:ID schemeID="SEPA">A1</cbc:ID></cac:PartyIdentification><cac:PartyIdentification><cbc:ID schemeID="SEPA">A2</cbc:ID>'),
	},
	{ rule: 'UBL-SR-30', xml: () => edit(allowances(), '<cbc:AllowanceChargeReason>Discount</cbc:AllowanceChargeReason>', twice('<cbc:AllowanceChargeReason>Discount</cbc:AllowanceChargeReason>')) },
	{ rule: 'UBL-SR-31', xml: () => edit(base(), '<cbc:AllowanceChargeReason>Insurance</cbc:AllowanceChargeReason>', twice('<cbc:AllowanceChargeReason>Insurance</cbc:AllowanceChargeReason>')) },
	{ rule: 'UBL-SR-32', xml: () => edit(exempt(), /<cbc:TaxExemptionReasonCode>/, '<cbc:TaxExemptionReason>a</cbc:TaxExemptionReason><cbc:TaxExemptionReason>b</cbc:TaxExemptionReason><cbc:TaxExemptionReasonCode>') },
	{ rule: 'UBL-SR-33', xml: () => root(`<cac:AdditionalDocumentReference><cbc:ID>S1</cbc:ID>${twice('<cbc:DocumentDescription>Timesheet</cbc:DocumentDescription>')}</cac:AdditionalDocumentReference>`) },
	{ rule: 'UBL-SR-34', xml: () => edit(base(), '<cbc:AccountingCost>Konteringsstreng</cbc:AccountingCost>', `${twice('<cbc:Note>line note</cbc:Note>')}<cbc:AccountingCost>Konteringsstreng</cbc:AccountingCost>`) },
	{ rule: 'UBL-SR-35', xml: () => edit(base(), '<cbc:LineID>123</cbc:LineID>', twice('<cbc:LineID>123</cbc:LineID>')) },
	{ rule: 'UBL-SR-36', xml: () => edit(base(), '<cac:OrderLineReference>', `${twice('<cac:InvoicePeriod><cbc:StartDate>2017-11-01</cbc:StartDate></cac:InvoicePeriod>')}<cac:OrderLineReference>`) },
	{
		rule: 'UBL-SR-37',
		xml: () =>
			edit(base(), '<cbc:PriceAmount currencyID="EUR">400</cbc:PriceAmount>', `<cbc:PriceAmount currencyID="EUR">400</cbc:PriceAmount>${twice('<cac:AllowanceCharge><cbc:ChargeIndicator>false</cbc:ChargeIndicator><cbc:Amount currencyID="EUR">0</cbc:Amount></cac:AllowanceCharge>')}`),
	},
	{ rule: 'UBL-SR-39', xml: () => root(twice('<cac:ProjectReference><cbc:ID>P1</cbc:ID></cac:ProjectReference>')) },
	{ rule: 'UBL-SR-40', xml: () => edit(base(), '<cbc:Name>BuyerTradingName AS</cbc:Name>', twice('<cbc:Name>BuyerTradingName AS</cbc:Name>')) },
	{
		rule: 'UBL-SR-42',
		xml: () => edit(base(), '<cac:PartyLegalEntity>', `${twice('<cac:PartyTaxScheme><cbc:CompanyID>GB1232434</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>')}<cac:PartyLegalEntity>`),
		also: ['UBL-SR-12'],
	},
	{ rule: 'UBL-SR-43', xml: () => root('<cac:AdditionalDocumentReference><cbc:ID>X</cbc:ID><cbc:DocumentTypeCode>916</cbc:DocumentTypeCode></cac:AdditionalDocumentReference>') },
	{ rule: 'UBL-SR-44', xml: () => secondMeans('<cbc:PaymentMeansCode>30</cbc:PaymentMeansCode><cbc:PaymentID>Other</cbc:PaymentID>'), also: ['BR-61'] },
	{ rule: 'UBL-SR-45', xml: () => edit(secondMeans('<cbc:PaymentMeansCode>30</cbc:PaymentMeansCode><cbc:PaymentDueDate>2017-12-01</cbc:PaymentDueDate>'), '<cbc:PaymentMeansCode name="Credit transfer">30</cbc:PaymentMeansCode>', '<cbc:PaymentMeansCode name="Credit transfer">30</cbc:PaymentMeansCode><cbc:PaymentDueDate>2017-12-01</cbc:PaymentDueDate>'), also: ['BR-61'] },
	{ rule: 'UBL-SR-46', xml: () => secondMeans('<cbc:PaymentMeansCode name="Credit transfer">30</cbc:PaymentMeansCode>'), also: ['BR-61'] },
	{ rule: 'UBL-SR-47', xml: () => secondMeans('<cbc:PaymentMeansCode>31</cbc:PaymentMeansCode>') },
	{
		rule: 'UBL-SR-48',
		xml: () => edit(base(), '</cac:ClassifiedTaxCategory>\n        </cac:Item>', '</cac:ClassifiedTaxCategory><cac:ClassifiedTaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>25.0</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:ClassifiedTaxCategory>\n        </cac:Item>'),
	},
	{ rule: 'UBL-SR-49', xml: () => root(`<cac:InvoicePeriod>${twice('<cbc:DescriptionCode>35</cbc:DescriptionCode>')}</cac:InvoicePeriod>`) },
	{ rule: 'UBL-SR-50', xml: () => edit(base(), LINE_ONE_ITEM, twice(LINE_ONE_ITEM)) },
	{ rule: 'UBL-SR-51', xml: () => edit(base(), '<cbc:CityName>London</cbc:CityName>', `<cbc:CityName>London</cbc:CityName>${twice('<cac:AddressLine><cbc:Line>Floor 3</cbc:Line></cac:AddressLine>')}`) },
	{
		rule: 'UBL-SR-52',
		xml: () => edit(base(), '<cac:Item>\n            <cbc:Description>Description of item', (match) => `${twice('<cac:DocumentReference><cbc:ID>O1</cbc:ID><cbc:DocumentTypeCode>130</cbc:DocumentTypeCode></cac:DocumentReference>')}${match}`),
		also: ['PEPPOL-EN16931-R100'],
	},
	{ rule: 'UBL-SR-53', xml: () => edit(base(), '<cbc:CompanyID>SE4598375937</cbc:CompanyID>', '') },
	{ rule: 'UBL-SR-54', xml: () => edit(base(), PAYMENT_MEANS_END, `${twice(CARD)}${PAYMENT_MEANS_END}`), release: '2026.5' },
	{ rule: 'BR-66', xml: () => edit(base(), PAYMENT_MEANS_END, `${twice(CARD)}${PAYMENT_MEANS_END}`) },
	{ rule: 'UBL-SR-55', xml: () => secondMeans(`<cbc:PaymentMeansCode>30</cbc:PaymentMeansCode>${MANDATE}`).replace(PAYMENT_MEANS_END, `${MANDATE}${PAYMENT_MEANS_END}`), release: '2026.5', also: ['BR-61'] },
	{ rule: 'UBL-SR-56', xml: () => root(twice('<cac:OriginatorDocumentReference><cbc:ID>T1</cbc:ID></cac:OriginatorDocumentReference>')), release: '2026.5' },
	{ rule: 'UBL-DT-01', xml: () => edit(base(), '<cbc:PayableAmount currencyID="EUR">1656.25</cbc:PayableAmount>', '<cbc:PayableAmount currencyID="EUR">1656.25 </cbc:PayableAmount>'), also: ['BR-DEC-18'] },
	{ rule: 'UBL-DT-06', xml: () => attachment('filename="a.pdf"') },
	{ rule: 'UBL-DT-07', xml: () => attachment('mimeCode="application/pdf"') },
	{
		rule: 'UBL-CR-666',
		xml: () => root('<cac:AdditionalDocumentReference><cbc:ID>O1</cbc:ID><cbc:DocumentTypeCode>130</cbc:DocumentTypeCode><cac:Attachment><cbc:ExternalReference><cbc:URI>http://a.b/c</cbc:URI></cbc:ExternalReference></cac:Attachment></cac:AdditionalDocumentReference>'),
	},
	{ rule: 'UBL-CR-673', xml: () => root('<cac:AdditionalDocumentReference><cbc:ID>O1</cbc:ID><cbc:DocumentTypeCode>130</cbc:DocumentTypeCode><cbc:DocumentDescription>x</cbc:DocumentDescription></cac:AdditionalDocumentReference>') },
];

describe('EN16931 UBL syntax rules', () => {
	it.each(cases.map((entry) => [`${entry.rule}${entry.release ? ` (${entry.release})` : ''}`, entry] as const))('%s', (_rule, entry) => {
		expect(firedRules(entry.xml(), entry.release)).toEqual(expectedRules(entry));
	});

	it('finds no payee fault when the payee name differs from the seller name', () => {
		expect(firedRules(payee('Factoring Company'))).toEqual([]);
	});
});
