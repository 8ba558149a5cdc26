/**
 * Decimal text for UBL, computed exactly: values are strings such as `-12.50` (optional sign,
 * digits, optional fraction, never an exponent), arithmetic runs on scaled integers (BigInt), so
 * no amount ever passes through a binary float. Rounding is commercial: half away from zero.
 */

const DECIMAL_TEXT = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** A decimal as an integer count of 10^-scale units. */
interface Scaled {
	units: bigint;
	scale: number;
}

export function isDecimalText(text: string): boolean {
	return DECIMAL_TEXT.test(text);
}

function scaled(text: string): Scaled {
	if (!DECIMAL_TEXT.test(text)) throw new Error(`"${text}" is not a decimal number`);
	const negative = text.startsWith('-');
	const unsigned = text.replace(/^[+-]/, '');
	const [whole, fraction = ''] = unsigned.split('.');
	const units = BigInt(`${whole || '0'}${fraction}`);
	return { units: negative ? -units : units, scale: fraction.length };
}

function rescale(value: Scaled, scale: number): bigint {
	return value.units * 10n ** BigInt(scale - value.scale);
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

export function addDecimals(...values: string[]): string {
	const parts = values.map(scaled);
	const scale = Math.max(0, ...parts.map((part) => part.scale));
	return textOf(
		parts.reduce((sum, part) => sum + rescale(part, scale), 0n),
		scale,
	);
}

export function subtractDecimals(a: string, b: string): string {
	return addDecimals(a, negateDecimal(b));
}

export function negateDecimal(value: string): string {
	const { units, scale } = scaled(value);
	return textOf(-units, scale);
}

export function multiplyDecimals(a: string, b: string): string {
	const x = scaled(a);
	const y = scaled(b);
	return textOf(x.units * y.units, x.scale + y.scale);
}

/** a / b rounded to the given number of fraction digits. */
export function divideDecimals(a: string, b: string, fractionDigits: number): string {
	const x = scaled(a);
	const y = scaled(b);
	if (y.units === 0n) throw new Error('Division of a decimal by zero');
	// a/b = (x.units / 10^x.scale) / (y.units / 10^y.scale); scaled up to fractionDigits.
	const numerator = x.units * 10n ** BigInt(fractionDigits + y.scale);
	const denominator = y.units * 10n ** BigInt(x.scale);
	return textOf(divideRounded(numerator, denominator), fractionDigits);
}

/** Rounds (half away from zero) to exactly the given number of fraction digits. */
export function roundDecimal(value: string, fractionDigits = 2): string {
	const x = scaled(value);
	if (x.scale <= fractionDigits) return textOf(rescale(x, fractionDigits), fractionDigits);
	return textOf(divideRounded(x.units, 10n ** BigInt(x.scale - fractionDigits)), fractionDigits);
}

export function compareDecimals(a: string, b: string): number {
	const x = scaled(a);
	const y = scaled(b);
	const scale = Math.max(x.scale, y.scale);
	const difference = rescale(x, scale) - rescale(y, scale);
	return difference === 0n ? 0 : difference < 0n ? -1 : 1;
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
