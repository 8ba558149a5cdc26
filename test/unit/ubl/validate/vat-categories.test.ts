import { describe, expect, it } from 'vitest';

import { validateUbl } from '../../../../lib/ubl/validate';
import { edit, editAll, expectedRules, firedRules, fixture, insertBefore, type MutationCase } from './helpers';

/** The categories with a fixed or no rate, and IGIC (L) and IPSI (M), whose rate may be zero. */
type ZeroOrExemptCategory = 'Z' | 'E' | 'AE' | 'K' | 'G' | 'O' | 'L' | 'M';
const RATED = new Set<ZeroOrExemptCategory>(['Z', 'L', 'M']);

const PREFIX: Record<ZeroOrExemptCategory, string> = { Z: 'BR-Z', E: 'BR-E', AE: 'BR-AE', K: 'BR-IC', G: 'BR-G', O: 'BR-O', L: 'BR-AF', M: 'BR-AG' };
const SELLER_VAT = /<cac:PartyTaxScheme>\s*<cbc:CompanyID>GB928741974<\/cbc:CompanyID>[\s\S]*?<\/cac:PartyTaxScheme>/;
const BUYER_LEGAL_ENTITY = /<cac:PartyLegalEntity>\s*<cbc:RegistrationName>The Buyercompany/;
const BUYER_VAT = '<cac:PartyTaxScheme><cbc:CompanyID>DK12345678</cbc:CompanyID><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:PartyTaxScheme>';
const DELIVERY =
	'<cac:Delivery><cbc:ActualDeliveryDate>2018-08-30</cbc:ActualDeliveryDate><cac:DeliveryLocation><cac:Address><cac:Country><cbc:IdentificationCode>DK</cbc:IdentificationCode></cac:Country></cac:Address></cac:DeliveryLocation></cac:Delivery>';
const SUBTOTAL = /<cac:TaxSubtotal>[\s\S]*?<\/cac:TaxSubtotal>/;
const LINE_PERCENT = /<cbc:Percent>0<\/cbc:Percent>(?![\s\S]*<cbc:Percent>)/;

/** A valid one-line invoice in category `code`, derived from the official zero-rated example. */
function categoryInvoice(code: ZeroOrExemptCategory): string {
	let xml = editAll(fixture('vat-category-Z.xml'), '<cbc:ID>Z</cbc:ID>', `<cbc:ID>${code}</cbc:ID>`);
	if (!RATED.has(code)) {
		xml = edit(xml, new RegExp(`(<cac:TaxSubtotal>[\\s\\S]*?<cbc:ID>${code}</cbc:ID>\\s*<cbc:Percent>0</cbc:Percent>)`), '$1<cbc:TaxExemptionReason>Exempt</cbc:TaxExemptionReason>');
	}
	if (code === 'O') xml = edit(editAll(xml, '<cbc:Percent>0</cbc:Percent>', ''), SELLER_VAT, '');
	if (code === 'AE' || code === 'K') xml = edit(xml, BUYER_LEGAL_ENTITY, (match) => `${BUYER_VAT}${match}`);
	if (code === 'K') xml = insertBefore(xml, '<cac:PaymentMeans>', DELIVERY);
	return xml;
}

/** A document level allowance or charge of amount zero in `code`, so that no total changes. */
function withDocumentLevel(xml: string, code: string, isCharge: boolean, percent: string | undefined): string {
	const rate = percent === undefined ? '' : `<cbc:Percent>${percent}</cbc:Percent>`;
	const entry = `<cac:AllowanceCharge><cbc:ChargeIndicator>${isCharge}</cbc:ChargeIndicator><cbc:AllowanceChargeReason>Adjustment</cbc:AllowanceChargeReason><cbc:Amount currencyID="GBP">0.00</cbc:Amount><cac:TaxCategory><cbc:ID>${code}</cbc:ID>${rate}<cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory></cac:AllowanceCharge>`;
	const totalKey = isCharge ? 'ChargeTotalAmount' : 'AllowanceTotalAmount';
	const withEntry = insertBefore(xml, '<cac:TaxTotal>', entry);
	return edit(withEntry, '<cbc:PayableAmount', `<cbc:${totalKey} currencyID="GBP">0.00</cbc:${totalKey}><cbc:PayableAmount`);
}

function breakParties(xml: string, code: ZeroOrExemptCategory): string {
	return code === 'O' ? edit(xml, BUYER_LEGAL_ENTITY, (match) => `${BUYER_VAT}${match}`) : edit(xml, SELLER_VAT, '');
}

function categoryCases(code: ZeroOrExemptCategory): MutationCase[] {
	const rule = (number: number) => `${PREFIX[code]}-${String(number).padStart(2, '0')}`;
	const valid = () => categoryInvoice(code);
	const zeroRate = code === 'O' ? undefined : '0';
	const wrongRate = code === 'O' ? '0' : code === 'L' || code === 'M' ? '-1' : '5';
	// L and M may have several breakdowns (one per rate); without one for a used category -01 fails.
	const withoutBreakdown = () => edit(valid(), new RegExp(`(<cac:TaxSubtotal>[\\s\\S]*?<cbc:ID>)${code}<`), '$1Z<');
	return [
		code === 'L' || code === 'M'
			? { rule: rule(1), xml: withoutBreakdown, also: ['BR-Z-08'] }
			: { rule: rule(1), xml: () => edit(valid(), SUBTOTAL, (subtotal) => subtotal + subtotal) },
		{ rule: rule(2), xml: () => breakParties(valid(), code) },
		{ rule: rule(3), xml: () => breakParties(withDocumentLevel(valid(), code, false, zeroRate), code), also: [rule(2)] },
		{ rule: rule(4), xml: () => breakParties(withDocumentLevel(valid(), code, true, zeroRate), code), also: [rule(2)] },
		{
			rule: rule(5),
			xml: () =>
				code === 'O'
					? edit(valid(), /(<cac:ClassifiedTaxCategory>\s*<cbc:ID>O<\/cbc:ID>)/, '$1<cbc:Percent>0</cbc:Percent>')
					: edit(valid(), LINE_PERCENT, `<cbc:Percent>${wrongRate}</cbc:Percent>`),
			// L and M sum their breakdowns per rate: the line's new rate has none.
			also: code === 'L' || code === 'M' ? [rule(8)] : undefined,
		},
		{ rule: rule(6), xml: () => withDocumentLevel(valid(), code, false, wrongRate) },
		{ rule: rule(7), xml: () => withDocumentLevel(valid(), code, true, wrongRate) },
		{ rule: rule(8), xml: () => edit(valid(), '<cbc:TaxableAmount currencyID="GBP">1200.00</cbc:TaxableAmount>', '<cbc:TaxableAmount currencyID="GBP">1100.00</cbc:TaxableAmount>') },
		{
			rule: rule(9),
			// L and M allow a slack of one unit in the tax amount.
			xml: () => edit(valid(), /(<cbc:TaxableAmount currencyID="GBP">1200.00<\/cbc:TaxableAmount>\s*)<cbc:TaxAmount currencyID="GBP">0.00/, `$1<cbc:TaxAmount currencyID="GBP">${code === 'L' || code === 'M' ? '2.00' : '0.10'}`),
			also: code === 'L' || code === 'M' ? ['BR-CO-14', 'BR-CO-17'] : ['BR-CO-14'],
		},
		{
			rule: rule(10),
			xml: () =>
				RATED.has(code)
					? edit(valid(), /(<cac:TaxSubtotal>[\s\S]*?<cbc:Percent>0<\/cbc:Percent>)/, '$1<cbc:TaxExemptionReason>Exempt</cbc:TaxExemptionReason>')
					: edit(valid(), '<cbc:TaxExemptionReason>Exempt</cbc:TaxExemptionReason>', ''),
		},
	];
}

const base = () => fixture('base-example.xml');
const allowances = () => fixture('Allowance-example.xml');

const standardRatedCases: MutationCase[] = [
	{
		rule: 'BR-S-01',
		xml: () => edit(base(), /(<cbc:TaxAmount currencyID="EUR">331.25<\/cbc:TaxAmount>\s*<cac:TaxCategory>\s*<cbc:ID>)S/, '$1Z'),
		also: ['BR-Z-08', 'BR-Z-09'],
	},
	{ rule: 'BR-S-02', xml: () => edit(base(), /<cac:PartyTaxScheme>\s*<cbc:CompanyID>GB1232434<\/cbc:CompanyID>[\s\S]*?<\/cac:PartyTaxScheme>/, ''), also: ['BR-S-04'] },
	{
		rule: 'BR-S-03',
		xml: () => edit(allowances(), /<cac:PartyTaxScheme>\s*<cbc:CompanyID>[^<]*<\/cbc:CompanyID>\s*<cac:TaxScheme>\s*<cbc:ID>VAT[\s\S]*?<\/cac:PartyTaxScheme>/, ''),
		also: ['BR-E-02', 'BR-S-02', 'BR-S-04'],
	},
	{ rule: 'BR-S-04', xml: () => edit(base(), /<cac:PartyTaxScheme>\s*<cbc:CompanyID>GB1232434<\/cbc:CompanyID>[\s\S]*?<\/cac:PartyTaxScheme>/, ''), also: ['BR-S-02'] },
	{ rule: 'BR-S-05', xml: () => edit(base(), /(<cac:ClassifiedTaxCategory>\s*<cbc:ID>S<\/cbc:ID>\s*)<cbc:Percent>25.0<\/cbc:Percent>/, '$1<cbc:Percent>0</cbc:Percent>'), also: ['BR-S-08'] },
	{
		rule: 'BR-S-06',
		xml: () => edit(allowances(), /(<cbc:Amount currencyID="EUR">200<\/cbc:Amount>\s*<cac:TaxCategory>\s*<cbc:ID>S<\/cbc:ID>\s*)<cbc:Percent>25<\/cbc:Percent>(\s*<cac:TaxScheme>\s*<cbc:ID>VAT<\/cbc:ID>\s*<\/cac:TaxScheme>\s*<\/cac:TaxCategory>\s*<\/cac:AllowanceCharge>\s*<cac:TaxTotal>)/, '$1<cbc:Percent>0</cbc:Percent>$2'),
		also: ['BR-S-08'],
	},
	{ rule: 'BR-S-07', xml: () => edit(base(), /(<cbc:Amount currencyID="EUR">25<\/cbc:Amount>\s*<cac:TaxCategory>\s*<cbc:ID>S<\/cbc:ID>\s*)<cbc:Percent>25.0/, '$1<cbc:Percent>0'), also: ['BR-S-08'] },
	{ rule: 'BR-S-08', xml: () => edit(base(), '<cbc:TaxableAmount currencyID="EUR">1325</cbc:TaxableAmount>', '<cbc:TaxableAmount currencyID="EUR">1327</cbc:TaxableAmount>') },
	{ rule: 'BR-S-09', xml: () => editAll(editAll(base(), '331.25', '333.00'), '1656.25', '1658.00'), also: ['BR-CO-17'] },
	{
		rule: 'BR-S-10',
		xml: () => edit(base(), /(<cbc:TaxableAmount currencyID="EUR">1325<\/cbc:TaxableAmount>[\s\S]*?<cbc:Percent>25.0<\/cbc:Percent>)/, '$1<cbc:TaxExemptionReason>Exempt</cbc:TaxExemptionReason>'),
	},
];

const EXTRA_ZERO_SUBTOTAL =
	'<cac:TaxSubtotal><cbc:TaxableAmount currencyID="GBP">0.00</cbc:TaxableAmount><cbc:TaxAmount currencyID="GBP">0.00</cbc:TaxAmount><cac:TaxCategory><cbc:ID>Z</cbc:ID><cbc:Percent>0</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:TaxCategory></cac:TaxSubtotal>';
const EXTRA_ZERO_LINE =
	'<cac:InvoiceLine><cbc:ID>2</cbc:ID><cbc:InvoicedQuantity unitCode="EA">1</cbc:InvoicedQuantity><cbc:LineExtensionAmount currencyID="GBP">0.00</cbc:LineExtensionAmount><cac:Item><cbc:Name>Sample</cbc:Name><cac:ClassifiedTaxCategory><cbc:ID>Z</cbc:ID><cbc:Percent>0</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:ClassifiedTaxCategory></cac:Item><cac:Price><cbc:PriceAmount currencyID="GBP">0.00</cbc:PriceAmount></cac:Price></cac:InvoiceLine>';

const specialCases: MutationCase[] = [
	{ rule: 'BR-IC-11', xml: () => edit(categoryInvoice('K'), '<cbc:ActualDeliveryDate>2018-08-30</cbc:ActualDeliveryDate>', '') },
	{ rule: 'BR-IC-12', xml: () => edit(categoryInvoice('K'), /<cac:DeliveryLocation>[\s\S]*?<\/cac:DeliveryLocation>/, '') },
	{ rule: 'BR-O-11', xml: () => edit(categoryInvoice('O'), '</cac:TaxSubtotal>', `</cac:TaxSubtotal>${EXTRA_ZERO_SUBTOTAL}`) },
	{ rule: 'BR-O-12', xml: () => edit(categoryInvoice('O'), '</Invoice>', `${EXTRA_ZERO_LINE}</Invoice>`), also: ['BR-Z-01', 'BR-Z-02'] },
	{ rule: 'BR-O-13', xml: () => withDocumentLevel(categoryInvoice('O'), 'S', false, '25'), also: ['BR-S-01', 'BR-S-03'] },
	{ rule: 'BR-O-14', xml: () => withDocumentLevel(categoryInvoice('O'), 'S', true, '25'), also: ['BR-S-01', 'BR-S-04'] },
];

describe('VAT category rules', () => {
	it.each(['Z', 'E', 'AE', 'K', 'G', 'O', 'L', 'M'] as const)('the %s variant of the zero-rated example is valid', (code) => {
		expect(validateUbl(categoryInvoice(code), { release: '2025.5' }).errors).toEqual([]);
	});

	const cases = [
		...standardRatedCases,
		...(['Z', 'E', 'AE', 'K', 'G', 'O', 'L', 'M'] as const).flatMap(categoryCases),
		...specialCases,
	];
	it.each(cases.map((entry) => [entry.rule, entry] as const))('%s', (_rule, entry) => {
		expect(firedRules(entry.xml())).toEqual(expectedRules(entry));
	});
});
