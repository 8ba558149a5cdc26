import {
	addDecimals,
	compareDecimals,
	divideDecimals,
	multiplyDecimals,
	roundDecimal,
	subtractDecimals,
} from '../../../lib/ubl/decimal';
import { fixture } from './peppol-examples';
import { edit } from './xml-edit';

/** One invoice line of a generated document: amounts are decimal text. */
export interface AmountLine {
	quantity: string;
	price: string;
	baseQuantity?: string;
	category: 'S' | 'Z';
	percent: string;
}

export interface AmountDocument {
	lines: AmountLine[];
	/** A document-level charge and allowance on the first line's category and rate. */
	charge?: string;
	allowance?: string;
	/** Changes one computed value, and what is computed from it, before writing: one inconsistency. */
	tamper?: { field: 'lineAmount' | 'lineTotal' | 'taxAmount' | 'taxable' | 'payable'; by: string };
}

/** A generated case: the document and the fatal ids the official rules give it. */
export interface AmountCase {
	name: string;
	document: AmountDocument;
	expected: string[];
}

/** Cents, half towards positive infinity, as the official round(x * 100) div 100 (exact for the amounts here). */
function cents(value: string): string {
	const floor = roundDecimal(value, 2);
	// roundDecimal rounds half away from zero; XPath rounds a negative half up instead.
	if (value.startsWith('-') && compareDecimals(subtractDecimals(floor, value), '-0.005') === 0) return addDecimals(floor, '0.01');
	return floor;
}

const amount = (key: string, value: string) => `<cbc:${key} currencyID="EUR">${value}</cbc:${key}>`;

function taxCategory(element: string, category: 'S' | 'Z', percent: string): string {
	return `<cac:${element}><cbc:ID>${category}</cbc:ID><cbc:Percent>${percent}</cbc:Percent><cac:TaxScheme><cbc:ID>VAT</cbc:ID></cac:TaxScheme></cac:${element}>`;
}

function allowanceCharge(isCharge: boolean, value: string, category: 'S' | 'Z', percent: string): string {
	const reason = isCharge ? 'Freight' : 'Discount';
	return `<cac:AllowanceCharge><cbc:ChargeIndicator>${isCharge}</cbc:ChargeIndicator><cbc:AllowanceChargeReason>${reason}</cbc:AllowanceChargeReason>${amount('Amount', value)}${taxCategory('TaxCategory', category, percent)}</cac:AllowanceCharge>`;
}

/**
 * An invoice with the official S-category example's parties and the given lines, every total computed exactly
 * (line amount = quantity x price / base quantity in cents), so that it is valid unless `tamper` changes a value.
 */
export function amountInvoice(document: AmountDocument): string {
	const tamper = (field: NonNullable<AmountDocument['tamper']>['field'], value: string) =>
		document.tamper?.field === field ? addDecimals(value, document.tamper.by) : value;
	const lineAmounts = document.lines.map((line, index) => {
		const exact = divideDecimals(multiplyDecimals(line.quantity, line.price), line.baseQuantity ?? '1', 20);
		return index === 0 ? tamper('lineAmount', cents(exact)) : cents(exact);
	});
	const lineTotal = tamper('lineTotal', cents(addDecimals(...lineAmounts)));
	const [first] = document.lines;
	const groups = new Map<string, { category: 'S' | 'Z'; percent: string; taxable: string }>();
	document.lines.forEach((line, index) => {
		const key = `${line.category} ${line.percent}`;
		const group = groups.get(key) ?? { category: line.category, percent: line.percent, taxable: '0' };
		group.taxable = addDecimals(group.taxable, lineAmounts[index]);
		groups.set(key, group);
	});
	const firstGroup = groups.get(`${first.category} ${first.percent}`) as { taxable: string };
	if (document.charge) firstGroup.taxable = addDecimals(firstGroup.taxable, document.charge);
	if (document.allowance) firstGroup.taxable = subtractDecimals(firstGroup.taxable, document.allowance);
	const subtotals = [...groups.values()].map((group, index) => {
		const taxable = index === 0 ? tamper('taxable', group.taxable) : group.taxable;
		const tax = cents(multiplyDecimals(group.taxable, divideDecimals(group.percent, '100', 20)));
		return { ...group, taxable, tax: index === 0 ? tamper('taxAmount', tax) : tax };
	});
	const taxTotal = cents(addDecimals(...subtotals.map((subtotal) => subtotal.tax)));
	const exclusive = cents(subtractDecimals(addDecimals(lineTotal, document.charge ?? '0'), document.allowance ?? '0'));
	const inclusive = cents(addDecimals(exclusive, taxTotal));

	const documentLevel = [
		document.charge ? allowanceCharge(true, document.charge, first.category, first.percent) : '',
		document.allowance ? allowanceCharge(false, document.allowance, first.category, first.percent) : '',
	].join('');
	const taxXml = `<cac:TaxTotal>${amount('TaxAmount', taxTotal)}${subtotals
		.map((subtotal) => `<cac:TaxSubtotal>${amount('TaxableAmount', subtotal.taxable)}${amount('TaxAmount', subtotal.tax)}${taxCategory('TaxCategory', subtotal.category, subtotal.percent)}</cac:TaxSubtotal>`)
		.join('')}</cac:TaxTotal>`;
	const totals = [
		amount('LineExtensionAmount', lineTotal),
		amount('TaxExclusiveAmount', exclusive),
		amount('TaxInclusiveAmount', inclusive),
		document.allowance ? amount('AllowanceTotalAmount', document.allowance) : '',
		document.charge ? amount('ChargeTotalAmount', document.charge) : '',
		amount('PayableAmount', tamper('payable', inclusive)),
	].join('');
	const lines = document.lines
		.map((line, index) => {
			const base = line.baseQuantity ? `<cbc:BaseQuantity unitCode="C62">${line.baseQuantity}</cbc:BaseQuantity>` : '';
			return `<cac:InvoiceLine><cbc:ID>${index + 1}</cbc:ID><cbc:InvoicedQuantity unitCode="C62">${line.quantity}</cbc:InvoicedQuantity>${amount('LineExtensionAmount', lineAmounts[index])}<cac:Item><cbc:Name>Item ${index + 1}</cbc:Name>${taxCategory('ClassifiedTaxCategory', line.category, line.percent)}</cac:Item><cac:Price>${amount('PriceAmount', line.price)}${base}</cac:Price></cac:InvoiceLine>`;
		})
		.join('');
	const header = edit(fixture('Vat-category-S.xml'), /<cac:AllowanceCharge>[\s\S]*<\/Invoice>/, '');
	return `${header}${documentLevel}${taxXml}<cac:LegalMonetaryTotal>${totals}</cac:LegalMonetaryTotal>${lines}</Invoice>`;
}

/** Deterministic pseudo-random numbers (a linear congruential generator). */
function random(seed: number): () => number {
	let state = seed % 2147483647 || 1;
	return () => {
		state = (state * 48271) % 2147483647;
		return state / 2147483647;
	};
}

/** A decimal with up to `wholeDigits` integer digits and exactly `fractionDigits` fraction digits. */
function randomDecimal(next: () => number, wholeDigits: number, fractionDigits: number): string {
	const digits = (count: number) => Array.from({ length: count }, () => Math.floor(next() * 10)).join('');
	const whole = digits(1 + Math.floor(next() * wholeDigits)).replace(/^0+(?=\d)/, '');
	return fractionDigits > 0 ? `${whole}.${digits(fractionDigits)}` : whole;
}

/**
 * Documents with huge and many-decimal amounts, each valid or broken in one known way, with the official verdict.
 * The S category's taxable amount test computes in xs:double (`cbc:TaxableAmount - 1`), so from about 2^53 on the
 * official BR-S-08 can no longer hold: those documents are rejected by the official rules too.
 */
export function largeAmountCases(count: number, seed = 20261205): AmountCase[] {
	const next = random(seed);
	const cases: AmountCase[] = [
		{ name: 'quantity 1e15 x 0.07 (Z)', document: { lines: [{ quantity: '1000000000000000', price: '0.07', category: 'Z', percent: '0' }] }, expected: [] },
		{ name: 'quantity 1e15 x 0.07 (S 21)', document: { lines: [{ quantity: '1000000000000000', price: '0.07', category: 'S', percent: '21' }] }, expected: [] },
		{ name: 'amount near 5e20 (Z)', document: { lines: [{ quantity: '5', price: '100000000000000000000.01', category: 'Z', percent: '0' }] }, expected: [] },
		{ name: 'amount near 5e20 (S 25): the official taxable test runs in xs:double', document: { lines: [{ quantity: '5', price: '100000000000000000000.01', category: 'S', percent: '25' }] }, expected: ['BR-S-08'] },
		{ name: 'price with 9 decimals, base quantity 1000', document: { lines: [{ quantity: '123456.789', price: '0.000012345', baseQuantity: '1000', category: 'S', percent: '6' }] }, expected: [] },
		{ name: 'tax rate 7.125 on 10^12', document: { lines: [{ quantity: '1000000000000', price: '1.01', category: 'S', percent: '7.125' }], charge: '0.01', allowance: '0.02' }, expected: [] },
		{ name: 'line total one cent off at 10^18 (Z)', document: { lines: [{ quantity: '1000000000000000000', price: '1', category: 'Z', percent: '0' }], tamper: { field: 'lineTotal', by: '0.01' } }, expected: ['BR-CO-10'] },
		{ name: 'line amount 0.03 off at 10^17 (Z)', document: { lines: [{ quantity: '100000000000000000', price: '3.33', category: 'Z', percent: '0' }], tamper: { field: 'lineAmount', by: '0.03' } }, expected: ['PEPPOL-EN16931-R120'] },
		{ name: 'line amount 0.02 off at 10^17 (Z) is within slack', document: { lines: [{ quantity: '100000000000000000', price: '3.33', category: 'Z', percent: '0' }], tamper: { field: 'lineAmount', by: '0.02' } }, expected: [] },
		{ name: 'tax amount 1.01 off at 10^14 (S)', document: { lines: [{ quantity: '100000000000000', price: '1.11', category: 'S', percent: '25' }], tamper: { field: 'taxAmount', by: '1.01' } }, expected: ['BR-CO-17', 'BR-S-09'] },
		{ name: 'payable one cent off at 10^20 (Z)', document: { lines: [{ quantity: '100000000000000000000', price: '1.5', category: 'Z', percent: '0' }], tamper: { field: 'payable', by: '-0.01' } }, expected: ['BR-CO-16'] },
	];
	for (let index = 0; cases.length < count; index++) {
		const lines: AmountLine[] = Array.from({ length: 1 + Math.floor(next() * 3) }, () => {
			// Standard-rated amounts stay below 2^53, where the official BR-S-08 still computes exactly.
			const zero = next() < 0.5;
			return {
				quantity: randomDecimal(next, zero ? 16 : 9, Math.floor(next() * 4)),
				price: randomDecimal(next, zero ? 6 : 4, Math.floor(next() * 8)),
				...(next() < 0.3 ? { baseQuantity: ['10', '100', '0.5', '3'][Math.floor(next() * 4)] } : {}),
				category: zero ? 'Z' : 'S',
				percent: zero ? '0' : ['21', '6', '7.7', '12.5'][Math.floor(next() * 4)],
			};
		});
		cases.push({ name: `random amounts ${index}`, document: { lines, ...(next() < 0.3 ? { charge: randomDecimal(next, 12, 2), allowance: randomDecimal(next, 3, 2) } : {}) }, expected: [] });
	}
	return cases;
}
