/**
 * Decimal text for UBL: never exponent notation, trailing zeros trimmed down to a minimum number
 * of fraction digits. Monetary amounts use exactly two (EN16931 allows at most two, BR-DEC).
 */
export function formatDecimal(value: number, minFractionDigits = 0, maxFractionDigits = 10): string {
	if (!Number.isFinite(value)) throw new Error(`Cannot write ${value} as a decimal`);
	const fixed = roundHalfAwayFromZero(value, maxFractionDigits).toFixed(maxFractionDigits);
	const [whole, fraction = ''] = fixed.split('.');
	let digits = fraction;
	while (digits.length > minFractionDigits && digits.endsWith('0')) digits = digits.slice(0, -1);
	const text = digits ? `${whole}.${digits}` : whole;
	return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

export function formatAmount(value: number): string {
	return formatDecimal(value, 2, 2);
}

/** Commercial rounding (0.005 → 0.01), robust against binary representation (1.005 stays 1.01). */
export function roundHalfAwayFromZero(value: number, fractionDigits = 2): number {
	const factor = 10 ** fractionDigits;
	const scaled = Math.abs(value) * factor;
	const rounded = Math.round(Number(scaled.toPrecision(15))) / factor;
	return value < 0 ? -rounded : rounded;
}

/** Parses UBL decimal text (optional sign, digits, optional fraction); undefined when it is not one. */
export function parseDecimal(text: string): number | undefined {
	const trimmed = text.trim();
	if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(trimmed)) return undefined;
	const value = Number(trimmed);
	// Hundreds of digits overflow to Infinity, which JSON would post as null.
	return Number.isFinite(value) ? value : undefined;
}
