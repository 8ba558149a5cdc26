/**
 * Decimal text for UBL, computed exactly: values are strings such as `-12.50` (optional sign,
 * digits, optional fraction, never an exponent), arithmetic runs on scaled integers (BigInt), so
 * no amount ever passes through a binary float. Rounding is commercial: half away from zero.
 */

const DECIMAL_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** A decimal as an integer count of 10^-scale units: exact at any size. */
export interface Scaled {
	readonly units: bigint;
	readonly scale: number;
}

export function isDecimalText(text: string): boolean {
	return DECIMAL_TEXT.test(text);
}

function scaled(text: string): Scaled {
	const value = scaledOrUndefined(text);
	if (value === undefined) throw new Error(`"${text}" is not a decimal number`);
	return value;
}

/** The exact value of decimal text (no whitespace, no exponent), or undefined when it is not one. */
export function scaledOrUndefined(text: string): Scaled | undefined {
	if (!DECIMAL_TEXT.test(text)) return undefined;
	const dot = text.indexOf('.');
	const digits = dot < 0 ? text : `${text.slice(0, dot)}${text.slice(dot + 1)}`;
	// BigInt() takes a leading '-' but not '+'.
	const units = BigInt(digits.charCodeAt(0) === 43 ? digits.slice(1) : digits);
	return { units, scale: dot < 0 ? 0 : text.length - dot - 1 };
}

const POWERS_OF_TEN: bigint[] = [1n];

/** 10^exponent, remembered: the arithmetic rescales by the same few powers over and over. */
function pow10(exponent: number): bigint {
	for (let next = POWERS_OF_TEN.length; next <= exponent; next++) POWERS_OF_TEN.push(POWERS_OF_TEN[next - 1] * 10n);
	return POWERS_OF_TEN[exponent];
}

function rescale(value: Scaled, scale: number): bigint {
	return scale === value.scale ? value.units : value.units * pow10(scale - value.scale);
}

/** Decimal text of an exact value, with all its fraction digits. */
export function scaledText(value: Scaled): string {
	return textOf(value.units, value.scale);
}

function textOf(units: bigint, scale: number): string {
	const negative = units < 0n;
	const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
	const whole = digits.slice(0, digits.length - scale);
	const fraction = digits.slice(digits.length - scale);
	const text = scale > 0 ? `${whole}.${fraction}` : whole;
	return negative ? `-${text}` : text;
}

/** Integer division of units by a power of ten, rounding half away from zero. */
function divideRounded(units: bigint, divisor: bigint): bigint {
	const negative = units < 0n !== divisor < 0n;
	const numerator = units < 0n ? -units : units;
	const denominator = divisor < 0n ? -divisor : divisor;
	const quotient = (numerator * 2n + denominator) / (denominator * 2n);
	return negative ? -quotient : quotient;
}

export function scaledSum(values: Iterable<Scaled>): Scaled {
	let units = 0n;
	let scale = 0;
	for (const value of values) {
		if (value.scale > scale) {
			units *= pow10(value.scale - scale);
			scale = value.scale;
		}
		units += rescale(value, scale);
	}
	return { units, scale };
}

export function scaledAdd(a: Scaled, b: Scaled): Scaled {
	if (a.scale === b.scale) return { units: a.units + b.units, scale: a.scale };
	return a.scale > b.scale ? { units: a.units + rescale(b, a.scale), scale: a.scale } : { units: rescale(a, b.scale) + b.units, scale: b.scale };
}

export function scaledNegate(value: Scaled): Scaled {
	return { units: -value.units, scale: value.scale };
}

export function scaledAbs(value: Scaled): Scaled {
	return value.units < 0n ? scaledNegate(value) : value;
}

export function scaledDifference(a: Scaled, b: Scaled): Scaled {
	return scaledAdd(a, scaledNegate(b));
}

export function scaledProduct(a: Scaled, b: Scaled): Scaled {
	return { units: a.units * b.units, scale: a.scale + b.scale };
}

/** a / b with the given number of fraction digits, the last rounded half away from zero. */
export function scaledQuotient(a: Scaled, b: Scaled, fractionDigits: number): Scaled {
	if (b.units === 0n) throw new Error('Division of a decimal by zero');
	// a/b = (a.units / 10^a.scale) / (b.units / 10^b.scale), scaled up to fractionDigits.
	const numerator = a.units * pow10(fractionDigits + b.scale);
	const denominator = b.units * pow10(a.scale);
	return { units: divideRounded(numerator, denominator), scale: fractionDigits };
}

/** Rounded to the given fraction digits, a half towards positive infinity (XPath round()). */
export function scaledRoundHalfUp(value: Scaled, fractionDigits: number): Scaled {
	if (value.scale <= fractionDigits) return value;
	const divisor = pow10(value.scale - fractionDigits);
	const doubled = value.units * 2n + divisor;
	const denominator = divisor * 2n;
	// Floor division (BigInt division truncates towards zero).
	const quotient = doubled / denominator - (doubled % denominator < 0n ? 1n : 0n);
	return { units: quotient, scale: fractionDigits };
}

export function scaledCompare(a: Scaled, b: Scaled): number {
	const scale = a.scale > b.scale ? a.scale : b.scale;
	const x = rescale(a, scale);
	const y = rescale(b, scale);
	return x === y ? 0 : x < y ? -1 : 1;
}

export function addDecimals(...values: string[]): string {
	return scaledText(scaledSum(values.map(scaled)));
}

export function subtractDecimals(a: string, b: string): string {
	return addDecimals(a, negateDecimal(b));
}

export function negateDecimal(value: string): string {
	const { units, scale } = scaled(value);
	return textOf(-units, scale);
}

export function multiplyDecimals(a: string, b: string): string {
	return scaledText(scaledProduct(scaled(a), scaled(b)));
}

/** a / b rounded to the given number of fraction digits. */
export function divideDecimals(a: string, b: string, fractionDigits: number): string {
	return scaledText(scaledQuotient(scaled(a), scaled(b), fractionDigits));
}

/** Rounds (half away from zero) to exactly the given number of fraction digits. */
export function roundDecimal(value: string, fractionDigits = 2): string {
	const x = scaled(value);
	if (x.scale <= fractionDigits) return textOf(rescale(x, fractionDigits), fractionDigits);
	return textOf(divideRounded(x.units, 10n ** BigInt(x.scale - fractionDigits)), fractionDigits);
}

export function compareDecimals(a: string, b: string): number {
	return scaledCompare(scaled(a), scaled(b));
}

export function isZeroDecimal(value: string): boolean {
	return scaled(value).units === 0n;
}

/** Trailing fraction zeros removed down to a minimum number of fraction digits (`3.10` → `3.1`). */
export function trimDecimal(value: string, minFractionDigits = 0): string {
	const { units, scale } = scaled(value);
	let text = textOf(units, scale);
	if (!text.includes('.')) return minFractionDigits > 0 ? `${text}.${'0'.repeat(minFractionDigits)}` : text;
	const [whole, fraction] = text.split('.');
	let digits = fraction;
	while (digits.length > minFractionDigits && digits.endsWith('0')) digits = digits.slice(0, -1);
	digits = digits.padEnd(minFractionDigits, '0');
	text = digits ? `${whole}.${digits}` : whole;
	return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

/**
 * The decimal text of a JSON number, exactly as JavaScript prints it but without exponent
 * (`1e-7` → `0.0000001`): the shortest text that reads back as the same number.
 */
export function decimalFromNumber(value: number): string {
	if (!Number.isFinite(value)) throw new Error(`Cannot write ${value} as a decimal`);
	const text = String(value);
	const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
	if (!match) return text;
	const [, sign, first, rest = '', exponentText] = match;
	const digits = `${first}${rest}`;
	const exponent = Number(exponentText);
	const point = 1 + exponent;
	const body =
		point <= 0
			? `0.${'0'.repeat(-point)}${digits}`
			: point >= digits.length
				? `${digits}${'0'.repeat(point - digits.length)}`
				: `${digits.slice(0, point)}.${digits.slice(point)}`;
	return `${sign}${body}`;
}

/** An amount with exactly two decimals (EN16931 allows at most two, BR-DEC). */
export function formatAmount(value: number | string): string {
	return roundDecimal(typeof value === 'number' ? decimalFromNumber(value) : value, 2);
}

/** Parses UBL decimal text (optional sign, digits, optional fraction); undefined when it is not one. */
export function parseDecimal(text: string): string | undefined {
	const trimmed = text.trim();
	// Hundreds of digits are exact here but overflow to Infinity as a JSON number (posted as null).
	return DECIMAL_TEXT.test(trimmed) && Number.isFinite(Number(trimmed)) ? trimmed : undefined;
}
