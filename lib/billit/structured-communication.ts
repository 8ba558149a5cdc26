/**
 * Belgian structured communication ("gestructureerde mededeling", OGM/VCS): ten digits followed by
 * a two-digit check equal to the ten digits modulo 97 (97 when the remainder is 0), written as
 * `+++123/4567/89002+++`. Banks also print it with `***` delimiters.
 */

const BASE_DIGITS = 10;
const FORMATTED = /^(?:\+{3}|\*{3})(\d{3})\/(\d{4})\/(\d{5})(?:\+{3}|\*{3})$/;
const BARE = /^\d{12}$/;

function checkDigits(base: string): string {
	const remainder = Number(BigInt(base) % 97n);
	return String(remainder === 0 ? 97 : remainder).padStart(2, '0');
}

function format(twelveDigits: string): string {
	return `+++${twelveDigits.slice(0, 3)}/${twelveDigits.slice(3, 7)}/${twelveDigits.slice(7)}+++`;
}

/**
 * Builds a structured communication from a reference such as an invoice number: its digits (the
 * last ten when there are more) become the base, left-padded with zeros.
 */
export function generateStructuredCommunication(reference: string | number): string {
	const digits = String(reference).replace(/\D/g, '');
	if (digits.length === 0) {
		throw new Error(
			`Cannot build a structured communication from "${String(reference)}": it contains no digits`,
		);
	}
	const base = digits.slice(-BASE_DIGITS).padStart(BASE_DIGITS, '0');
	return format(base + checkDigits(base));
}

/** The twelve digits of a structured communication, or undefined when it is not well formed. */
function digitsOf(value: string): string | undefined {
	const trimmed = value.trim();
	if (BARE.test(trimmed)) return trimmed;
	const match = FORMATTED.exec(trimmed);
	return match ? match.slice(1).join('') : undefined;
}

/** True when the value is a structured communication (formatted or twelve bare digits) whose check digits are right. */
export function isValidStructuredCommunication(value: string): boolean {
	const digits = digitsOf(value);
	if (digits === undefined) return false;
	return checkDigits(digits.slice(0, BASE_DIGITS)) === digits.slice(BASE_DIGITS);
}

/** Normalises a valid structured communication to the `+++xxx/xxxx/xxxxx+++` form; throws when invalid. */
export function normaliseStructuredCommunication(value: string): string {
	const digits = digitsOf(value);
	if (digits === undefined || !isValidStructuredCommunication(digits)) {
		throw new Error(
			`"${value}" is not a valid Belgian structured communication (+++xxx/xxxx/xxxxx+++ with a mod-97 check)`,
		);
	}
	return format(digits);
}
