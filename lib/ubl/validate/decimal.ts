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
	scaledRoundHalfUp,
	scaledSum,
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

// Several rules read the same amounts: each element's text is read once (again only if the text changed).
const decimals = new WeakMap<UblElement, { text: string; value: Exact | undefined }>();

/** xs:decimal of an element's text (surrounding XML whitespace ignored); undefined when absent or not a decimal. */
export function decimalOf(element: UblElement | undefined): Exact | undefined {
	if (!element) return undefined;
	const known = decimals.get(element);
	if (known?.text === element.text) return known.value;
	const value = scaledOrUndefined(element.text.replace(XML_SPACE, ''));
	decimals.set(element, { text: element.text, value });
	return value;
}

/** An element's text as XPath casts an untyped value for `>`, `<` or arithmetic: an xs:double. */
export function doubleOf(element: UblElement | undefined): number | undefined {
	if (!element) return undefined;
	const text = element.text.replace(XML_SPACE, '');
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
export function sum(values: Iterable<Exact | undefined>): Exact {
	const present: Exact[] = [];
	for (const value of values) if (value !== undefined) present.push(value);
	return scaledSum(present);
}

export function plus(...values: Exact[]): Exact {
	return scaledSum(values);
}

export function minus(a: Exact, b: Exact): Exact {
	return scaledDifference(a, b);
}

export function times(a: Exact, b: Exact): Exact {
	return scaledProduct(a, b);
}

/** a div b of two decimals. */
export function divide(a: Exact, b: Exact): Exact {
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

/** The official u:slack(): expected - slack ≤ actual ≤ expected + slack. */
export function within(actual: Exact, expected: Exact, slack: Exact): boolean {
	return scaledCompare(scaledDifference(expected, slack), actual) <= 0 && scaledCompare(plus(expected, slack), actual) >= 0;
}

/** |a| - 1 < b < |a| + 1: the one-unit slack of the VAT amount rules. */
export function withinOne(amount: Exact, expected: Exact): boolean {
	const magnitude = scaledAbs(amount);
	return scaledCompare(scaledDifference(magnitude, ONE), expected) < 0 && scaledCompare(plus(magnitude, ONE), expected) > 0;
}
