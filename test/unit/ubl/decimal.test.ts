import { describe, expect, it } from 'vitest';

import { formatAmount, formatDecimal, parseDecimal, roundHalfAwayFromZero } from '../../../lib/ubl/decimal';

describe('decimals', () => {
	it('writes amounts with exactly two decimals, rounding half away from zero', () => {
		expect(formatAmount(4000)).toBe('4000.00');
		expect(formatAmount(1.005)).toBe('1.01');
		expect(formatAmount(-2.675)).toBe('-2.68');
		expect(formatAmount(-0.001)).toBe('0.00');
		expect(formatAmount(1e9 + 0.1)).toBe('1000000000.10');
	});

	it('writes quantities and rates without exponent or trailing zeros', () => {
		expect(formatDecimal(25)).toBe('25');
		expect(formatDecimal(0.0000001)).toBe('0.0000001');
		expect(formatDecimal(12.5)).toBe('12.5');
		expect(formatDecimal(3.1, 2)).toBe('3.10');
		expect(formatDecimal(1e21 / 1e10)).toBe('100000000000');
		expect(() => formatDecimal(Number.NaN)).toThrow('Cannot write NaN as a decimal');
	});

	it('rounds robustly against binary representation', () => {
		expect(roundHalfAwayFromZero(0.1 + 0.2)).toBe(0.3);
		expect(roundHalfAwayFromZero(1.255)).toBe(1.26);
		expect(roundHalfAwayFromZero(2.5, 0)).toBe(3);
	});

	it('parses only UBL decimal text', () => {
		expect(parseDecimal(' 4000.0 ')).toBe(4000);
		expect(parseDecimal('-.5')).toBe(-0.5);
		expect(parseDecimal('1e3')).toBeUndefined();
		expect(parseDecimal('1,5')).toBeUndefined();
		expect(parseDecimal('')).toBeUndefined();
	});
});
