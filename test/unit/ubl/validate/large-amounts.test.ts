import { describe, expect, it } from 'vitest';

import { scaledText } from '../../../../lib/ubl/decimal';
import { validateUbl } from '../../../../lib/ubl/validate';
import { decimalOf, decimalOfDouble, divide, doubleOf, round, round2, within, withinOne } from '../../../../lib/ubl/validate/decimal';
import type { UblElement } from '../../../../lib/ubl/validate/types';
import { amountInvoice, largeAmountCases } from '../../../support/ubl/large-amounts';

const fatalIds = (xml: string, release: '2025.5' | '2026.5') => [...new Set(validateUbl(xml, { release }).errors.map((issue) => issue.rule))].sort();
const element = (text: string) => ({ text }) as UblElement;
const exact = (text: string) => decimalOf(element(text))!;
const show = (value: ReturnType<typeof exact> | undefined) => (value ? scaledText(value) : undefined);

describe('the official rules arithmetic', () => {
	it('reads xs:decimal text exactly, XML whitespace around it ignored, no exponent', () => {
		expect(show(decimalOf(element(' \n 500000000000000000000.01\t')))).toBe('500000000000000000000.01');
		expect(show(decimalOf(element('+.5')))).toBe('0.5');
		expect(decimalOf(element('1e3'))).toBeUndefined();
		expect(decimalOf(undefined)).toBeUndefined();
		expect(doubleOf(element(' 1e3 '))).toBe(1000);
		expect(doubleOf(element('-INF'))).toBe(Number.NEGATIVE_INFINITY);
	});

	it('rounds a half towards positive infinity, as XPath round()', () => {
		expect(show(round(exact('2.5')))).toBe('3');
		expect(show(round(exact('-2.5')))).toBe('-2');
		expect(show(round(exact('-2.51')))).toBe('-3');
		expect(show(round2(exact('-0.005')))).toBe('0.00');
		expect(show(round2(exact('1000000000000000000000.005')))).toBe('1000000000000000000000.01');
	});

	it('divides decimals to 20 fraction digits, the last rounded half away from zero, as the official engine', () => {
		expect(show(divide(exact('2'), exact('3')))).toBe('0.66666666666666666667');
		expect(show(divide(exact('-2'), exact('3')))).toBe('-0.66666666666666666667');
		expect(show(divide(exact('0.000000000000000000005'), exact('1')))).toBe('0.00000000000000000001');
		expect(show(divide(exact('10'), exact('4')))).toBe('2.50000000000000000000');
	});

	it('casts an xs:double to its shortest decimal', () => {
		expect(show(decimalOfDouble(100.1 - 1))).toBe('99.1');
		expect(show(decimalOfDouble(5e20 - 1))).toBe('500000000000000000000');
		expect(show(decimalOfDouble(1e-7))).toBe('0.0000001');
		expect(decimalOfDouble(Number.NaN)).toBeUndefined();
	});

	it('compares with the official slack, bounds included for u:slack and excluded for the one-unit VAT slack', () => {
		expect(within(exact('10.02'), exact('10'), exact('0.02'))).toBe(true);
		expect(within(exact('10.021'), exact('10'), exact('0.02'))).toBe(false);
		expect(withinOne(exact('-11'), exact('10'))).toBe(false);
		expect(withinOne(exact('-10.99'), exact('10'))).toBe(true);
	});
});

describe('huge and many-decimal amounts get the official verdict', () => {
	// Each expected list is the official schematron's (checked with scripts/ubl-official-crosscheck.ts).
	const cases = largeAmountCases(120);
	it.each(cases.map((entry) => [entry.name, entry] as const))('%s', (_name, entry) => {
		const xml = amountInvoice(entry.document);
		for (const release of ['2025.5', '2026.5'] as const) expect(fatalIds(xml, release), release).toEqual([...entry.expected].sort());
	});
});
