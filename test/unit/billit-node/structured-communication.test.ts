import { describe, expect, it } from 'vitest';
import {
	generateStructuredCommunication,
	isValidStructuredCommunication,
	normaliseStructuredCommunication,
} from '../../../lib/billit/structured-communication';

describe('structured communication', () => {
	it('computes the mod-97 check of the ten-digit base', () => {
		// 0000012345 mod 97 = 26
		expect(generateStructuredCommunication(12345)).toBe('+++000/0012/34526+++');
	});

	it('uses 97 when the base is a multiple of 97', () => {
		expect(generateStructuredCommunication('97')).toBe('+++000/0000/09797+++');
	});

	it('takes the last ten digits of an invoice number with separators', () => {
		const value = generateStructuredCommunication('INV-2026/000012345');
		expect(value).toBe('+++600/0012/34536+++');
		expect(isValidStructuredCommunication(value)).toBe(true);
	});

	it('refuses a reference without digits', () => {
		expect(() => generateStructuredCommunication('ABC')).toThrow(/no digits/);
	});

	it('validates formatted, starred and bare forms and rejects wrong checks', () => {
		expect(isValidStructuredCommunication('+++090/9337/55493+++')).toBe(true);
		expect(isValidStructuredCommunication('***090/9337/55493***')).toBe(true);
		expect(isValidStructuredCommunication('090933755493')).toBe(true);
		expect(isValidStructuredCommunication('+++090/9337/55494+++')).toBe(false);
		expect(isValidStructuredCommunication('+++090/9337/5549+++')).toBe(false);
		expect(isValidStructuredCommunication('hello')).toBe(false);
	});

	it('normalises to the +++ form and throws on invalid input', () => {
		expect(normaliseStructuredCommunication(' 090933755493 ')).toBe('+++090/9337/55493+++');
		expect(() => normaliseStructuredCommunication('090933755494')).toThrow(/not a valid/);
	});
});
