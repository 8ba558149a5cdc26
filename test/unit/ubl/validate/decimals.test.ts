import { describe, expect, it } from 'vitest';

import { edit, expectedRules, firedRules, fixture, type MutationCase } from './helpers';

const base = () => fixture('base-example.xml');
const allowances = () => fixture('Allowance-example.xml');
const DOCUMENT_ALLOWANCE_AMOUNT = /(<cbc:AllowanceChargeReason>Discount<\/cbc:AllowanceChargeReason>\s*)<cbc:Amount currencyID="EUR">200<\/cbc:Amount>/;
const LINE_ALLOWANCE_AMOUNT = '<cbc:Amount currencyID="EUR">101</cbc:Amount>';

const cases: MutationCase[] = [
	{ rule: 'BR-DEC-01', xml: () => edit(allowances(), DOCUMENT_ALLOWANCE_AMOUNT, '$1<cbc:Amount currencyID="EUR">200.001</cbc:Amount>'), also: ['UBL-DT-01'] },
	{
		rule: 'BR-DEC-02',
		xml: () =>
			edit(allowances(), DOCUMENT_ALLOWANCE_AMOUNT, '$1<cbc:MultiplierFactorNumeric>10</cbc:MultiplierFactorNumeric><cbc:Amount currencyID="EUR">200</cbc:Amount><cbc:BaseAmount currencyID="EUR">2000.001</cbc:BaseAmount>'),
		also: ['UBL-DT-01'],
	},
	{ rule: 'BR-DEC-05', xml: () => edit(allowances(), '<cbc:Amount currencyID="EUR">200</cbc:Amount>', '<cbc:Amount currencyID="EUR">200.001</cbc:Amount>'), also: ['UBL-DT-01'] },
	{ rule: 'BR-DEC-06', xml: () => edit(allowances(), '<cbc:BaseAmount currencyID="EUR">1000</cbc:BaseAmount>', '<cbc:BaseAmount currencyID="EUR">1000.001</cbc:BaseAmount>'), also: ['UBL-DT-01'] },
	{ rule: 'BR-DEC-09', xml: () => edit(base(), 'currencyID="EUR">1300</cbc:LineExtensionAmount>', 'currencyID="EUR">1300.001</cbc:LineExtensionAmount>'), also: ['BR-CO-10', 'UBL-DT-01'] },
	{ rule: 'BR-DEC-10', xml: () => edit(allowances(), 'currencyID="EUR">200</cbc:AllowanceTotalAmount>', 'currencyID="EUR">200.001</cbc:AllowanceTotalAmount>'), also: ['BR-CO-11', 'UBL-DT-01'] },
	{ rule: 'BR-DEC-11', xml: () => edit(base(), 'currencyID="EUR">25</cbc:ChargeTotalAmount>', 'currencyID="EUR">25.001</cbc:ChargeTotalAmount>'), also: ['BR-CO-12', 'UBL-DT-01'] },
	{ rule: 'BR-DEC-12', xml: () => edit(base(), 'currencyID="EUR">1325</cbc:TaxExclusiveAmount>', 'currencyID="EUR">1325.001</cbc:TaxExclusiveAmount>'), also: ['BR-CO-13', 'UBL-DT-01'] },
	{
		// BR-DEC-13 cannot fail as the official test is written: the amount is caught by UBL-DT-01.
		rule: 'UBL-DT-01',
		xml: () => edit(base(), '<cbc:TaxAmount currencyID="EUR">331.25</cbc:TaxAmount>', '<cbc:TaxAmount currencyID="EUR">331.251</cbc:TaxAmount>'),
		also: ['BR-CO-14'],
	},
	{ rule: 'BR-DEC-14', xml: () => edit(base(), 'currencyID="EUR">1656.25</cbc:TaxInclusiveAmount>', 'currencyID="EUR">1656.251</cbc:TaxInclusiveAmount>'), also: ['BR-CO-15', 'BR-CO-16', 'UBL-DT-01'] },
	{
		// BR-DEC-15 cannot fail either (same official test shape as BR-DEC-13).
		rule: 'UBL-DT-01',
		xml: () =>
			edit(
				edit(base(), '<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode>', '<cbc:DocumentCurrencyCode>EUR</cbc:DocumentCurrencyCode><cbc:TaxCurrencyCode>SEK</cbc:TaxCurrencyCode>'),
				'<cac:LegalMonetaryTotal>',
				'<cac:TaxTotal><cbc:TaxAmount currencyID="SEK">3000.001</cbc:TaxAmount></cac:TaxTotal><cac:LegalMonetaryTotal>',
			),
	},
	{ rule: 'BR-DEC-16', xml: () => edit(allowances(), 'currencyID="EUR">1000</cbc:PrepaidAmount>', 'currencyID="EUR">1000.001</cbc:PrepaidAmount>'), also: ['UBL-DT-01'] },
	{
		rule: 'BR-DEC-17',
		xml: () => edit(base(), '<cbc:PayableAmount', '<cbc:PayableRoundingAmount currencyID="EUR">0.001</cbc:PayableRoundingAmount><cbc:PayableAmount'),
		also: ['UBL-DT-01'],
	},
	{ rule: 'BR-DEC-18', xml: () => edit(base(), 'currencyID="EUR">1656.25</cbc:PayableAmount>', 'currencyID="EUR">1656.251</cbc:PayableAmount>'), also: ['BR-CO-16', 'UBL-DT-01'] },
	{ rule: 'BR-DEC-19', xml: () => edit(base(), 'currencyID="EUR">1325</cbc:TaxableAmount>', 'currencyID="EUR">1325.001</cbc:TaxableAmount>'), also: ['UBL-DT-01'] },
	{
		rule: 'BR-DEC-20',
		xml: () => edit(base(), /(<cbc:TaxableAmount currencyID="EUR">1325<\/cbc:TaxableAmount>\s*)<cbc:TaxAmount currencyID="EUR">331.25</, '$1<cbc:TaxAmount currencyID="EUR">331.251<'),
		also: ['UBL-DT-01'],
	},
	{ rule: 'BR-DEC-23', xml: () => edit(base(), 'currencyID="EUR">-1500</cbc:LineExtensionAmount>', 'currencyID="EUR">-1500.001</cbc:LineExtensionAmount>'), also: ['UBL-DT-01'] },
	{ rule: 'BR-DEC-24', xml: () => edit(allowances(), LINE_ALLOWANCE_AMOUNT, '<cbc:Amount currencyID="EUR">101.001</cbc:Amount>'), also: ['UBL-DT-01'] },
	{
		rule: 'BR-DEC-25',
		xml: () =>
			edit(allowances(), LINE_ALLOWANCE_AMOUNT, `<cbc:MultiplierFactorNumeric>10</cbc:MultiplierFactorNumeric>${LINE_ALLOWANCE_AMOUNT}<cbc:BaseAmount currencyID="EUR">1010.001</cbc:BaseAmount>`),
		also: ['UBL-DT-01'],
	},
	{ rule: 'BR-DEC-27', xml: () => edit(allowances(), '<cbc:Amount currencyID="EUR">1</cbc:Amount>', '<cbc:Amount currencyID="EUR">1.001</cbc:Amount>'), also: ['UBL-DT-01'] },
	{ rule: 'BR-DEC-28', xml: () => edit(allowances(), '<cbc:BaseAmount currencyID="EUR">100</cbc:BaseAmount>', '<cbc:BaseAmount currencyID="EUR">100.001</cbc:BaseAmount>'), also: ['UBL-DT-01'] },
];

describe('EN16931 decimal rules', () => {
	it.each(cases.map((entry) => [entry.rule, entry] as const))('%s', (_rule, entry) => {
		expect(firedRules(entry.xml())).toEqual(expectedRules(entry));
	});
});
