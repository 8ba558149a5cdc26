import type { UblElement } from './types';

const DECIMAL_LEXICAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** The xs:decimal value of an element's text, or undefined when absent or not a decimal. */
export function decimalOf(element: UblElement | undefined): number | undefined {
	if (!element) return undefined;
	const text = element.text.trim();
	return DECIMAL_LEXICAL.test(text) ? Number(text) : undefined;
}

/** Digits after the decimal point as written (schematron: string-length(substring-after(x, '.'))). */
export function fractionDigits(element: UblElement): number {
	const text = element.text.trim();
	const dot = text.indexOf('.');
	return dot < 0 ? 0 : text.length - dot - 1;
}

/** XPath round(x * 100) div 100: half rounds towards positive infinity; toPrecision absorbs binary noise. */
export function round2(value: number): number {
	return Math.round(Number((value * 100).toPrecision(15))) / 100;
}

/** Decimal equality for amounts computed in binary floating point. */
export function sameAmount(a: number, b: number): boolean {
	return Math.abs(a - b) < 1e-9;
}

export function sum(values: Iterable<number | undefined>): number {
	let total = 0;
	for (const value of values) total += value ?? 0;
	return total;
}
