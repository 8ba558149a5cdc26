import { describe, expect, it } from 'vitest';

import {
	addDecimals,
	compareDecimals,
	decimalFromNumber,
	divideDecimals,
	formatAmount,
	multiplyDecimals,
	parseDecimal,
	roundDecimal,
	subtractDecimals,
	trimDecimal,
} from '../../../lib/ubl/decimal';

describe('decimals', () => {
	it('writes amounts with exactly two decimals, rounding half away from zero', () => {
		expect(formatAmount(4000)).toBe('4000.00');
		expect(formatAmount(1.005)).toBe('1.01');
		expect(formatAmount(-2.675)).toBe('-2.68');
		expect(formatAmount(-0.001)).toBe('0.00');
		expect(formatAmount(1e9 + 0.1)).toBe('1000000000.10');
		expect(formatAmount('2.345')).toBe('2.35');
	});

	it('turns JSON numbers into decimal text without exponent', () => {
		expect(decimalFromNumber(25)).toBe('25');
		expect(decimalFromNumber(0.0000001)).toBe('0.0000001');
		expect(decimalFromNumber(-1.5e-7)).toBe('-0.00000015');
		expect(decimalFromNumber(1e21)).toBe('1000000000000000000000');
		expect(decimalFromNumber(1.25e21)).toBe('1250000000000000000000');
		expect(decimalFromNumber(0.1)).toBe('0.1');
		expect(() => decimalFromNumber(Number.NaN)).toThrow('Cannot write NaN as a decimal');
	});

	it('computes exactly where binary floats do not', () => {
		expect(addDecimals('0.1', '0.2')).toBe('0.3');
		expect(addDecimals('0.10', '0.2', '-1')).toBe('-0.70');
		expect(subtractDecimals('100.00', '0.005')).toBe('99.995');
		expect(multiplyDecimals('1.15', '3')).toBe('3.45');
		expect(roundDecimal('1.255')).toBe('1.26');
		expect(roundDecimal('-1.255')).toBe('-1.26');
		expect(roundDecimal('2.5', 0)).toBe('3');
		expect(roundDecimal('7', 2)).toBe('7.00');
		expect(divideDecimals('121', '1.21', 6)).toBe('100.000000');
		expect(divideDecimals('10', '3', 2)).toBe('3.33');
		expect(divideDecimals('-2', '3', 2)).toBe('-0.67');
		expect(compareDecimals('1.50', '1.5')).toBe(0);
		expect(compareDecimals('-1', '0.01')).toBe(-1);
		expect(trimDecimal('3.100', 2)).toBe('3.10');
		expect(trimDecimal('3.000')).toBe('3');
		expect(trimDecimal('-0.000')).toBe('0');
	});

	it('parses only UBL decimal text, keeping it as written', () => {
		expect(parseDecimal(' 4000.0 ')).toBe('4000.0');
		expect(parseDecimal('-.5')).toBe('-.5');
		expect(parseDecimal('1e3')).toBeUndefined();
		expect(parseDecimal('1,5')).toBeUndefined();
		expect(parseDecimal('')).toBeUndefined();
	});
});
