import { describe, expect, it } from 'vitest';

import { edit, editAll, expectedRules, firedRules, fixture, insertBefore, type MutationCase } from './helpers';

const base = () => fixture('base-example.xml');
const allowances = () => fixture('Allowance-example.xml');
const zeroRated = () => fixture('vat-category-Z.xml');
const LINE_ONE_COST = '<cbc:AccountingCost>Konteringsstreng</cbc:AccountingCost>';

const cases: MutationCase[] = [
	{
		rule: 'BR-CO-03',
		xml: () =>
			edit(
				base(),
				'<cbc:DueDate>2017-12-01</cbc:DueDate>',
				'<cbc:DueDate>2017-12-01</cbc:DueDate><cbc:TaxPointDate>2017-11-01</cbc:TaxPointDate>',
			).replace('<cac:AccountingSupplierParty>', '<cac:InvoicePeriod><cbc:DescriptionCode>35</cbc:DescriptionCode></cac:InvoicePeriod><cac:AccountingSupplierParty>'),
	},
	{
		rule: 'BR-CO-04',
		xml: () => edit(zeroRated(), /<cac:ClassifiedTaxCategory>[\s\S]*?<\/cac:ClassifiedTaxCategory>/, ''),
		also: ['BR-Z-08', 'UBL-SR-48'],
	},
	{ rule: 'BR-CO-09', xml: () => edit(base(), '<cbc:CompanyID>GB1232434</cbc:CompanyID>', '<cbc:CompanyID>QQ1232434</cbc:CompanyID>') },
	{ rule: 'BR-CO-10', xml: () => edit(base(), '<cbc:LineExtensionAmount currencyID= "EUR">2800</cbc:LineExtensionAmount>', '<cbc:LineExtensionAmount currencyID="EUR">2800.01</cbc:LineExtensionAmount>') },
	{
		rule: 'BR-CO-11',
		xml: () => edit(allowances(), '<cbc:AllowanceTotalAmount currencyID="EUR">200</cbc:AllowanceTotalAmount>', '<cbc:AllowanceTotalAmount currencyID="EUR">210</cbc:AllowanceTotalAmount>'),
		also: ['BR-CO-13'],
	},
	{
		rule: 'BR-CO-12',
		xml: () => edit(base(), '<cbc:ChargeTotalAmount currencyID="EUR">25</cbc:ChargeTotalAmount>', '<cbc:ChargeTotalAmount currencyID="EUR">26</cbc:ChargeTotalAmount>'),
		also: ['BR-CO-13'],
	},
	{
		rule: 'BR-CO-13',
		xml: () =>
			editAll(
				edit(base(), '<cbc:TaxExclusiveAmount currencyID="EUR">1325</cbc:TaxExclusiveAmount>', '<cbc:TaxExclusiveAmount currencyID="EUR">1326</cbc:TaxExclusiveAmount>'),
				'1656.25',
				'1657.25',
			),
	},
	{
		rule: 'BR-CO-14',
		xml: () =>
			editAll(
				edit(base(), '<cbc:TaxAmount currencyID="EUR">331.25</cbc:TaxAmount>', '<cbc:TaxAmount currencyID="EUR">331.26</cbc:TaxAmount>'),
				'1656.25',
				'1656.26',
			),
	},
	{ rule: 'BR-CO-15', xml: () => editAll(base(), '1656.25', '1656.26') },
	{ rule: 'BR-CO-16', xml: () => edit(base(), '<cbc:PayableAmount currencyID="EUR">1656.25</cbc:PayableAmount>', '<cbc:PayableAmount currencyID="EUR">1656.26</cbc:PayableAmount>') },
	{ rule: 'BR-CO-17', xml: () => editAll(editAll(base(), '331.25', '340.00'), '1656.25', '1665.00'), also: ['BR-S-09'] },
	{
		rule: 'BR-CO-18',
		xml: () => edit(zeroRated(), /<cac:TaxSubtotal>[\s\S]*?<\/cac:TaxSubtotal>/, ''),
		also: ['BR-Z-01', 'PEPPOL-EN16931-R053', 'PEPPOL-EN16931-R054'],
	},
	{
		rule: 'BR-CO-19',
		xml: () => insertBefore(base(), '<cac:AccountingSupplierParty>', '<cac:InvoicePeriod><cbc:Description>November</cbc:Description></cac:InvoicePeriod>'),
	},
	{
		rule: 'BR-CO-20',
		xml: () => edit(base(), LINE_ONE_COST, `${LINE_ONE_COST}<cac:InvoicePeriod><cbc:Description>November</cbc:Description></cac:InvoicePeriod>`),
	},
	{
		rule: 'BR-CO-21',
		xml: () =>
			edit(allowances(), /<cbc:AllowanceChargeReasonCode>95<\/cbc:AllowanceChargeReasonCode>\s*<cbc:AllowanceChargeReason>Discount<\/cbc:AllowanceChargeReason>(\s*<cbc:Amount currencyID="EUR">200)/, '$1'),
		also: ['BR-33'],
	},
	{ rule: 'BR-CO-22', xml: () => edit(base(), '<cbc:AllowanceChargeReason>Insurance</cbc:AllowanceChargeReason>', ''), also: ['BR-38'] },
	{
		rule: 'BR-CO-23',
		xml: () =>
			edit(allowances(), /<cbc:AllowanceChargeReasonCode>95<\/cbc:AllowanceChargeReasonCode>\s*<cbc:AllowanceChargeReason>Discount<\/cbc:AllowanceChargeReason>(\s*<cbc:Amount currencyID="EUR">101)/, '$1'),
		also: ['BR-42'],
	},
	{
		rule: 'BR-CO-24',
		xml: () => edit(allowances(), /<cbc:AllowanceChargeReasonCode>CG<\/cbc:AllowanceChargeReasonCode>\s*<cbc:AllowanceChargeReason>Cleaning<\/cbc:AllowanceChargeReason>(\s*<cbc:MultiplierFactorNumeric>1<)/, '$1'),
		also: ['BR-44'],
	},
	{
		rule: 'BR-CO-25',
		xml: () => edit(edit(base(), '<cbc:DueDate>2017-12-01</cbc:DueDate>', ''), /<cac:PaymentTerms>[\s\S]*?<\/cac:PaymentTerms>/, ''),
	},
	{
		rule: 'BR-CO-26',
		xml: () =>
			[
				(xml: string) => edit(xml, /<cac:PartyIdentification>\s*<cbc:ID>99887766<\/cbc:ID>\s*<\/cac:PartyIdentification>/, ''),
				(xml: string) => edit(xml, /<cac:PartyTaxScheme>\s*<cbc:CompanyID>GB1232434<\/cbc:CompanyID>[\s\S]*?<\/cac:PartyTaxScheme>/, ''),
				(xml: string) => edit(xml, '<cbc:CompanyID>GB983294</cbc:CompanyID>', ''),
				(xml: string) =>
					insertBefore(
						xml,
						'<cac:Delivery>',
						'<cac:TaxRepresentativeParty><cac:PartyName><cbc:Name>Tax Rep Ltd</cbc:Name></cac:PartyName><cac:PostalAddress><cac:Country><cbc:IdentificationCode>GB</cbc:IdentificationCode></cac:Country></cac:PostalAddress><cac:PartyTaxScheme><cbc:CompanyID>GB999888777</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme></cac:TaxRepresentativeParty>',
					),
			].reduce((xml, step) => step(xml), base()),
	},
];

describe('EN16931 calculation and conditional rules', () => {
	it.each(cases.map((entry) => [entry.rule, entry] as const))('%s', (_rule, entry) => {
		expect(firedRules(entry.xml())).toEqual(expectedRules(entry));
	});

	it('BR-CO-25 does not apply to a credit note', () => {
		const creditNote = fixture('base-creditnote-correction.xml');
		const withoutTerms = creditNote.replace(/<cbc:DueDate>.*?<\/cbc:DueDate>/g, '').replace(/<cac:PaymentTerms>[\s\S]*?<\/cac:PaymentTerms>/g, '');
		expect(firedRules(withoutTerms)).not.toContain('BR-CO-25');
	});
});
