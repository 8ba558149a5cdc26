/**
 * The arithmetic of the official rules' XPath 2.0, exactly: `xs:decimal(x)` values are exact decimals (BigInt),
 * `round()` rounds a half towards positive infinity, `div` of decimals keeps 20 fraction digits (the official XSLT
 * engine's precision, last digit rounded half away from zero), and where a rule compares or computes with a bare
 * element (`cbc:Percent > 0`, `cbc:TaxableAmount - 1`) the element is an xs:double, as XPath casts it.
 */
import {
	scaledAbs,
	scaledCompare,
	scaledDifference,
	scaledOrUndefined,
	scaledProduct,
	scaledQuotient,
	scaledAdd,
	scaledRoundHalfUp,
	type Scaled,
} from '../decimal';
import type { UblElement } from './types';

export type Exact = Scaled;

export const ZERO: Exact = { units: 0n, scale: 0 };
export const ONE: Exact = { units: 1n, scale: 0 };
const HUNDRED: Exact = { units: 100n, scale: 0 };
const DIVISION_DIGITS = 20;
const XML_SPACE = /^[ \t\r\n]+|[ \t\r\n]+$/g;
const DOUBLE_LEXICAL = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** xs:decimal of an element's text (surrounding XML whitespace ignored); undefined when absent or not a decimal. */
export function decimalOf(element: UblElement | undefined): Exact | undefined {
	return element ? scaledOrUndefined(trimXmlSpace(element.text)) : undefined;
}

function isXmlSpace(code: number): boolean {
	return code === 32 || code === 9 || code === 10 || code === 13;
}

/** Surrounding XML whitespace removed; most values have none, and then nothing is allocated. */
function trimXmlSpace(text: string): string {
	return isXmlSpace(text.charCodeAt(0)) || isXmlSpace(text.charCodeAt(text.length - 1)) ? text.replace(XML_SPACE, '') : text;
}

/** An element's text as XPath casts an untyped value for `>`, `<` or arithmetic: an xs:double. */
export function doubleOf(element: UblElement | undefined): number | undefined {
	if (!element) return undefined;
	const text = trimXmlSpace(element.text);
	if (DOUBLE_LEXICAL.test(text)) return Number(text);
	if (text === 'INF') return Number.POSITIVE_INFINITY;
	if (text === '-INF') return Number.NEGATIVE_INFINITY;
	return text === 'NaN' ? Number.NaN : undefined;
}

/** xs:decimal of an xs:double: its shortest decimal form, as the official engine casts it. */
export function decimalOfDouble(value: number): Exact | undefined {
	if (!Number.isFinite(value)) return undefined;
	const text = String(value);
	const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
	if (!match) return scaledOrUndefined(text);
	const [, sign, first, rest = '', exponent] = match;
	const digits = BigInt(`${sign}${first}${rest}`);
	const shift = Number(exponent) - rest.length;
	return shift >= 0 ? { units: digits * 10n ** BigInt(shift), scale: 0 } : { units: digits, scale: -shift };
}

/** sum() of the decimals present (absent or unreadable values add nothing, as in an XPath path). */
export function sum(values: ReadonlyArray<Exact | undefined>): Exact {
	let total = ZERO;
	for (const value of values) if (value !== undefined) total = scaledAdd(total, value);
	return total;
}

export function plus(a: Exact, b: Exact): Exact {
	return scaledAdd(a, b);
}

export function minus(a: Exact, b: Exact): Exact {
	return scaledDifference(a, b);
}

export function times(a: Exact, b: Exact): Exact {
	return scaledProduct(a, b);
}

/** a div b of two decimals. */
export function divide(a: Exact, b: Exact): Exact {
	// Dividing by one (no price base quantity) leaves the value as it is.
	if (b.units === 1n && b.scale === 0 && a.scale <= DIVISION_DIGITS) return a;
	return scaledQuotient(a, b, DIVISION_DIGITS);
}

/** a div 100, as `x div 100` computes a percentage. */
export function percentOf(rate: Exact): Exact {
	return divide(rate, HUNDRED);
}

export function abs(value: Exact): Exact {
	return scaledAbs(value);
}

/** XPath round(x). */
export function round(value: Exact): Exact {
	return scaledRoundHalfUp(value, 0);
}

/** The official `round(x * 10 * 10) div 100`: to cents, a half towards positive infinity. */
export function round2(value: Exact): Exact {
	return scaledRoundHalfUp(value, 2);
}

export function compare(a: Exact, b: Exact): number {
	return scaledCompare(a, b);
}

export function equal(a: Exact | undefined, b: Exact | undefined): boolean {
	return a !== undefined && b !== undefined && scaledCompare(a, b) === 0;
}

export function isZero(value: Exact | undefined): boolean {
	return value !== undefined && value.units === 0n;
}

/** The official u:slack(): expected - slack ≤ actual ≤ expected + slack, that is |actual - expected| ≤ slack. */
export function within(actual: Exact, expected: Exact, slack: Exact): boolean {
	return scaledCompare(scaledAbs(scaledDifference(actual, expected)), slack) <= 0;
}

/** |a| - 1 < b < |a| + 1, that is ||a| - b| < 1: the one-unit slack of the VAT amount rules. */
export function withinOne(amount: Exact, expected: Exact): boolean {
	return scaledCompare(scaledAbs(scaledDifference(scaledAbs(amount), expected)), ONE) < 0;
}
