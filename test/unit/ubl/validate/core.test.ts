import { describe, expect, it } from 'vitest';

import { edit, expectedRules, firedRules, fixture, insertBefore, type MutationCase } from './helpers';

const base = () => fixture('base-example.xml');
const allowances = () => fixture('Allowance-example.xml');
const zeroRated = () => fixture('vat-category-Z.xml');

const TAX_REPRESENTATIVE = {
	name: '<cac:PartyName><cbc:Name>Tax Rep Ltd</cbc:Name></cac:PartyName>',
	address: '<cac:PostalAddress><cbc:CityName>Leeds</cbc:CityName><cac:Country><cbc:IdentificationCode>GB</cbc:IdentificationCode></cac:Country></cac:PostalAddress>',
	vat: '<cac:PartyTaxScheme><cbc:CompanyID>GB999888777</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>',
};

function withTaxRepresentative(parts: Partial<typeof TAX_REPRESENTATIVE>): string {
	const markup = `<cac:TaxRepresentativeParty>${parts.name ?? ''}${parts.address ?? ''}${parts.vat ?? ''}</cac:TaxRepresentativeParty>`;
	return insertBefore(base(), '<cac:Delivery>', markup);
}

const LINE_ONE_COST = '<cbc:AccountingCost>Konteringsstreng</cbc:AccountingCost>';

const cases: MutationCase[] = [
	{ rule: 'BR-01', xml: () => edit(base(), /<cbc:CustomizationID>.*<\/cbc:CustomizationID>/, ''), also: ['PEPPOL-EN16931-R004'] },
	{ rule: 'BR-02', xml: () => edit(base(), '<cbc:ID>Snippet1</cbc:ID>', '') },
	{ rule: 'BR-03', xml: () => edit(base(), '<cbc:IssueDate>2017-11-13</cbc:IssueDate>', '') },
	{ rule: 'BR-04', xml: () => edit(base(), '<cbc:InvoiceTypeCode>380</cbc:InvoiceTypeCode>', '') },
	{ rule: 'BR-05', xml: () => edit(base(), '<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>', ''), also: ['PEPPOL-EN16931-R051'] },
	{ rule: 'BR-06', xml: () => edit(base(), '<cbc:RegistrationName>SupplierOfficialName Ltd</cbc:RegistrationName>', '') },
	{ rule: 'BR-07', xml: () => edit(base(), '<cbc:RegistrationName>Buyer Official Name</cbc:RegistrationName>', '') },
	{ rule: 'BR-08', xml: () => edit(base(), /<cac:PostalAddress>[\s\S]*?<\/cac:PostalAddress>/, '') },
	{ rule: 'BR-09', xml: () => edit(base(), /<cac:Country>\s*<cbc:IdentificationCode>GB<\/cbc:IdentificationCode>\s*<\/cac:Country>/, '') },
	{ rule: 'BR-10', xml: () => edit(base(), /<cac:PostalAddress>\s*<cbc:StreetName>Hovedgatan 32[\s\S]*?<\/cac:PostalAddress>/, '') },
	{ rule: 'BR-11', xml: () => edit(base(), /<cac:Country>\s*<cbc:IdentificationCode>SE<\/cbc:IdentificationCode>\s*<\/cac:Country>/, '') },
	{ rule: 'BR-12', xml: () => edit(base(), '<cbc:LineExtensionAmount currencyID="EUR">1300</cbc:LineExtensionAmount>', ''), also: ['BR-CO-10', 'BR-CO-13'] },
	{ rule: 'BR-13', xml: () => edit(base(), '<cbc:TaxExclusiveAmount currencyID="EUR">1325</cbc:TaxExclusiveAmount>', ''), also: ['BR-CO-13', 'BR-CO-15'] },
	{ rule: 'BR-14', xml: () => edit(base(), '<cbc:TaxInclusiveAmount currencyID="EUR">1656.25</cbc:TaxInclusiveAmount>', ''), also: ['BR-CO-15', 'BR-CO-16'] },
	{ rule: 'BR-15', xml: () => edit(base(), '<cbc:PayableAmount currencyID="EUR">1656.25</cbc:PayableAmount>', ''), also: ['BR-CO-16'] },
	{ rule: 'BR-16', xml: () => edit(base(), /<cac:InvoiceLine>[\s\S]*<\/cac:InvoiceLine>/, ''), also: ['BR-CO-10', 'BR-S-08'] },
	{
		rule: 'BR-17',
		xml: () => insertBefore(base(), '<cac:Delivery>', '<cac:PayeeParty><cac:PartyIdentification><cbc:ID>PAYEE-1</cbc:ID></cac:PartyIdentification></cac:PayeeParty>'),
		also: ['UBL-SR-19', 'UBL-SR-20', 'UBL-SR-21'],
	},
	{ rule: 'BR-18', xml: () => withTaxRepresentative({ address: TAX_REPRESENTATIVE.address, vat: TAX_REPRESENTATIVE.vat }) },
	{ rule: 'BR-19', xml: () => withTaxRepresentative({ name: TAX_REPRESENTATIVE.name, vat: TAX_REPRESENTATIVE.vat }) },
	{
		rule: 'BR-20',
		xml: () =>
			withTaxRepresentative({
				name: TAX_REPRESENTATIVE.name,
				address: '<cac:PostalAddress><cbc:CityName>Leeds</cbc:CityName></cac:PostalAddress>',
				vat: TAX_REPRESENTATIVE.vat,
			}),
	},
	{ rule: 'BR-21', xml: () => edit(base(), '<cbc:ID>1</cbc:ID>', '') },
	{ rule: 'BR-22', xml: () => edit(base(), '<cbc:InvoicedQuantity unitCode="DAY">7</cbc:InvoicedQuantity>', ''), also: ['BR-23', 'PEPPOL-EN16931-R120'] },
	{ rule: 'BR-23', xml: () => edit(base(), '<cbc:InvoicedQuantity unitCode="DAY">7</cbc:InvoicedQuantity>', '<cbc:InvoicedQuantity>7</cbc:InvoicedQuantity>') },
	{
		rule: 'BR-24',
		xml: () => edit(base(), '<cbc:LineExtensionAmount currencyID= "EUR">2800</cbc:LineExtensionAmount>', ''),
		also: ['BR-CO-10', 'BR-S-08', 'PEPPOL-EN16931-R120'],
	},
	{ rule: 'BR-25', xml: () => edit(base(), '<cbc:Name>item name</cbc:Name>', '') },
	{
		rule: 'BR-26',
		xml: () => edit(base(), /<cac:Price>\s*<cbc:PriceAmount currencyID="EUR">400<\/cbc:PriceAmount>\s*<\/cac:Price>/, ''),
		also: ['BR-27', 'PEPPOL-EN16931-R120'],
	},
	{
		rule: 'BR-27',
		xml: () =>
			edit(
				edit(base(), 'unitCode="DAY">7<', 'unitCode="DAY">-7<'),
				'<cbc:PriceAmount currencyID="EUR">400</cbc:PriceAmount>',
				'<cbc:PriceAmount currencyID="EUR">-400</cbc:PriceAmount>',
			),
	},
	{
		rule: 'BR-28',
		xml: () =>
			edit(
				allowances(),
				/<cbc:Amount currencyID="EUR">40<\/cbc:Amount>\s*<cbc:BaseAmount currencyID="EUR">450<\/cbc:BaseAmount>/,
				'<cbc:Amount currencyID="EUR">-860</cbc:Amount><cbc:BaseAmount currencyID="EUR">-450</cbc:BaseAmount>',
			),
	},
	{
		rule: 'BR-29',
		xml: () =>
			insertBefore(base(), '<cac:AccountingSupplierParty>', '<cac:InvoicePeriod><cbc:StartDate>2017-11-10</cbc:StartDate><cbc:EndDate>2017-11-01</cbc:EndDate></cac:InvoicePeriod>'),
	},
	{
		rule: 'BR-30',
		xml: () =>
			edit(base(), LINE_ONE_COST, `${LINE_ONE_COST}<cac:InvoicePeriod><cbc:StartDate>2017-11-10</cbc:StartDate><cbc:EndDate>2017-11-01</cbc:EndDate></cac:InvoicePeriod>`),
	},
	{
		rule: 'BR-31',
		xml: () => edit(allowances(), /(<cbc:AllowanceChargeReason>Discount<\/cbc:AllowanceChargeReason>\s*)<cbc:Amount currencyID="EUR">200<\/cbc:Amount>/, '$1'),
		also: ['BR-CO-11', 'BR-S-08'],
	},
	{
		rule: 'BR-32',
		xml: () => edit(allowances(), /(<cbc:Amount currencyID="EUR">200<\/cbc:Amount>\s*)<cac:TaxCategory>[\s\S]*?<\/cac:TaxCategory>(\s*<\/cac:AllowanceCharge>\s*<cac:TaxTotal>)/, '$1$2'),
		also: ['BR-S-08'],
	},
	{
		rule: 'BR-33',
		xml: () =>
			edit(allowances(), /<cbc:AllowanceChargeReasonCode>95<\/cbc:AllowanceChargeReasonCode>\s*<cbc:AllowanceChargeReason>Discount<\/cbc:AllowanceChargeReason>(\s*<cbc:Amount currencyID="EUR">200)/, '$1'),
		also: ['BR-CO-21'],
	},
	{ rule: 'BR-36', xml: () => edit(base(), '<cbc:Amount currencyID="EUR">25</cbc:Amount>', ''), also: ['BR-CO-12', 'BR-S-08'] },
	{
		rule: 'BR-37',
		xml: () => edit(base(), /(<cbc:Amount currencyID="EUR">25<\/cbc:Amount>\s*)<cac:TaxCategory>[\s\S]*?<\/cac:TaxCategory>/, '$1'),
		also: ['BR-S-08'],
	},
	{ rule: 'BR-38', xml: () => edit(base(), '<cbc:AllowanceChargeReason>Insurance</cbc:AllowanceChargeReason>', ''), also: ['BR-CO-22'] },
	{
		rule: 'BR-41',
		xml: () => edit(allowances(), /(<cbc:AllowanceChargeReason>Discount<\/cbc:AllowanceChargeReason>\s*)<cbc:Amount currencyID="EUR">101<\/cbc:Amount>/, '$1'),
		also: ['PEPPOL-EN16931-R120'],
	},
	{
		rule: 'BR-42',
		xml: () =>
			edit(allowances(), /<cbc:AllowanceChargeReasonCode>95<\/cbc:AllowanceChargeReasonCode>\s*<cbc:AllowanceChargeReason>Discount<\/cbc:AllowanceChargeReason>(\s*<cbc:Amount currencyID="EUR">101)/, '$1'),
		also: ['BR-CO-23'],
	},
	{
		rule: 'BR-43',
		xml: () => edit(allowances(), /(<cbc:MultiplierFactorNumeric>1<\/cbc:MultiplierFactorNumeric>\s*)<cbc:Amount currencyID="EUR">1<\/cbc:Amount>/, '$1'),
		also: ['PEPPOL-EN16931-R040', 'PEPPOL-EN16931-R120'],
	},
	{
		rule: 'BR-44',
		xml: () => edit(allowances(), /<cbc:AllowanceChargeReasonCode>CG<\/cbc:AllowanceChargeReasonCode>\s*<cbc:AllowanceChargeReason>Cleaning<\/cbc:AllowanceChargeReason>(\s*<cbc:MultiplierFactorNumeric>1<)/, '$1'),
		also: ['BR-CO-24'],
	},
	{ rule: 'BR-45', xml: () => edit(base(), '<cbc:TaxableAmount currencyID="EUR">1325</cbc:TaxableAmount>', ''), also: ['BR-CO-17', 'BR-S-08', 'BR-S-09'] },
	{
		rule: 'BR-46',
		xml: () => edit(base(), /(<cbc:TaxableAmount currencyID="EUR">1325<\/cbc:TaxableAmount>\s*)<cbc:TaxAmount currencyID="EUR">331.25<\/cbc:TaxAmount>/, '$1'),
		also: ['BR-CO-14', 'BR-CO-17', 'BR-S-09'],
	},
	{
		rule: 'BR-47',
		xml: () => edit(zeroRated(), /(<cbc:TaxAmount currencyID="GBP">0.00<\/cbc:TaxAmount>\s*)<cac:TaxCategory>[\s\S]*?<\/cac:TaxCategory>/, '$1'),
		also: ['BR-48', 'BR-Z-01'],
	},
	{ rule: 'BR-48', xml: () => edit(zeroRated(), /(<cac:TaxCategory>\s*<cbc:ID>Z<\/cbc:ID>\s*)<cbc:Percent>0<\/cbc:Percent>/, '$1') },
	{ rule: 'BR-49', xml: () => edit(base(), '<cbc:PaymentMeansCode name="Credit transfer">30</cbc:PaymentMeansCode>', '') },
	{ rule: 'BR-50', xml: () => edit(base(), '<cbc:ID>IBAN32423940</cbc:ID>', ''), also: ['BR-61'] },
	{
		rule: 'BR-51',
		xml: () =>
			edit(base(), '<cbc:PaymentID>Snippet1</cbc:PaymentID>', '<cbc:PaymentID>Snippet1</cbc:PaymentID><cac:CardAccount><cbc:PrimaryAccountNumberID>1234567890123456</cbc:PrimaryAccountNumberID><cbc:NetworkID>VISA</cbc:NetworkID></cac:CardAccount>'),
	},
	{
		rule: 'BR-52',
		xml: () => insertBefore(base(), '<cac:AccountingSupplierParty>', '<cac:AdditionalDocumentReference><cbc:DocumentDescription>Timesheet</cbc:DocumentDescription></cac:AdditionalDocumentReference>'),
	},
	{
		rule: 'BR-53',
		xml: () => edit(base(), '<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>', '<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode><cbc:TaxCurrencyCode>SEK</cbc:TaxCurrencyCode>'),
		also: ['PEPPOL-EN16931-R054', 'PEPPOL-EN16931-R055'],
	},
	{
		rule: 'BR-54',
		xml: () => edit(base(), '<cbc:Name>item name</cbc:Name>', '<cbc:Name>item name</cbc:Name><cac:AdditionalItemProperty><cbc:Name>Colour</cbc:Name></cac:AdditionalItemProperty>'),
	},
	{
		rule: 'BR-55',
		xml: () =>
			insertBefore(base(), '<cac:AccountingSupplierParty>', '<cac:BillingReference><cac:InvoiceDocumentReference><cbc:IssueDate>2017-01-01</cbc:IssueDate></cac:InvoiceDocumentReference></cac:BillingReference>'),
		also: ['UBL-SR-07'],
	},
	{ rule: 'BR-56', xml: () => withTaxRepresentative({ name: TAX_REPRESENTATIVE.name, address: TAX_REPRESENTATIVE.address }) },
	{
		rule: 'BR-57',
		xml: () => edit(base(), /(<cbc:PostalZone>21234<\/cbc:PostalZone>)\s*<cac:Country>\s*<cbc:IdentificationCode>SE<\/cbc:IdentificationCode>\s*<\/cac:Country>/, '$1'),
	},
	{ rule: 'BR-61', xml: () => edit(base(), /<cac:PayeeFinancialAccount>[\s\S]*?<\/cac:PayeeFinancialAccount>/, '') },
	{ rule: 'BR-62', xml: () => edit(base(), '<cbc:EndpointID schemeID="0088">9482348239847239874</cbc:EndpointID>', '<cbc:EndpointID>9482348239847239874</cbc:EndpointID>') },
	{ rule: 'BR-63', xml: () => edit(base(), '<cbc:EndpointID schemeID="0002">FR23342</cbc:EndpointID>', '<cbc:EndpointID>FR23342</cbc:EndpointID>') },
	{ rule: 'BR-64', xml: () => edit(base(), '<cbc:ID schemeID="0088">21382183120983</cbc:ID>', '<cbc:ID>21382183120983</cbc:ID>') },
	{ rule: 'BR-65', xml: () => edit(base(), '<cbc:ItemClassificationCode listID="SRV">', '<cbc:ItemClassificationCode>') },
	{
		rule: 'BR-66',
		xml: () =>
			insertBefore(
				base(),
				'<cac:PaymentTerms>',
				'<cac:PaymentMeans><cbc:PaymentMeansCode>48</cbc:PaymentMeansCode><cac:CardAccount><cbc:PrimaryAccountNumberID>1234</cbc:PrimaryAccountNumberID><cbc:NetworkID>VISA</cbc:NetworkID></cac:CardAccount></cac:PaymentMeans>'.repeat(2),
			),
		also: ['UBL-SR-47'],
	},
	{
		rule: 'BR-67',
		xml: () =>
			insertBefore(
				base(),
				'<cac:PaymentTerms>',
				'<cac:PaymentMeans><cbc:PaymentMeansCode>59</cbc:PaymentMeansCode><cac:PaymentMandate><cbc:ID>MANDATE-1</cbc:ID></cac:PaymentMandate></cac:PaymentMeans>'.repeat(2),
			),
		also: ['UBL-SR-47'],
	},
];

describe('EN16931 core rules', () => {
	it.each(cases.map((entry) => [entry.rule, entry] as const))('%s', (_rule, entry) => {
		expect(firedRules(entry.xml())).toEqual(expectedRules(entry));
	});
});
