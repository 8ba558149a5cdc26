import { FlatFileError } from './errors';

/**
 * Date patterns use the tokens YYYY, YY, MM, DD, HH, mm, ss; everything else is literal
 * (`DD/MM/YYYY`, `YYYYMMDD`, `YYYY-MM-DD`).
 */
const DATE_TOKENS = /YYYY|YY|MM|DD|HH|mm|ss/g;

interface DateParts {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
}

/** Calendar parts of an ISO date or date-time as written (no time-zone shift). */
export function isoParts(value: string): DateParts | undefined {
	const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/.exec(value.trim());
	if (!match) return undefined;
	const [, year, month, day, hour = '0', minute = '0', second = '0'] = match;
	return {
		year: Number(year),
		month: Number(month),
		day: Number(day),
		hour: Number(hour),
		minute: Number(minute),
		second: Number(second),
	};
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** Whether the parts name a day that exists and a time of day (no 31 February, no hour 25). */
export function isCalendarDate(parts: DateParts): boolean {
	const date = new Date(Date.UTC(parts.year, parts.month - 1, parts.day));
	return (
		date.getUTCFullYear() === parts.year &&
		date.getUTCMonth() === parts.month - 1 &&
		date.getUTCDate() === parts.day &&
		parts.hour < 24 &&
		parts.minute < 60 &&
		parts.second < 60
	);
}

export function formatDate(value: unknown, pattern: string): string {
	if (value === undefined || value === null || value === '') return '';
	const parts = typeof value === 'string' ? isoParts(value) : undefined;
	if (!parts) throw new FlatFileError(`"${String(value)}" is not an ISO date (YYYY-MM-DD)`);
	if (!isCalendarDate(parts)) throw new FlatFileError(`"${String(value)}" is not a valid calendar date`);
	return pattern.replace(DATE_TOKENS, (token) => {
		switch (token) {
			case 'YYYY':
				return pad(parts.year, 4);
			case 'YY':
				return pad(parts.year % 100, 2);
			case 'MM':
				return pad(parts.month, 2);
			case 'DD':
				return pad(parts.day, 2);
			case 'HH':
				return pad(parts.hour, 2);
			case 'mm':
				return pad(parts.minute, 2);
			default:
				return pad(parts.second, 2);
		}
	});
}

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Reads a date written in `pattern` and returns it as `YYYY-MM-DD`. */
export function parseDate(text: string, pattern: string): string {
	const tokens: string[] = [];
	let source = '^';
	let last = 0;
	for (const match of pattern.matchAll(DATE_TOKENS)) {
		source += escapeRegExp(pattern.slice(last, match.index));
		source += `(\\d{${match[0] === 'YYYY' ? 4 : 2}})`;
		tokens.push(match[0]);
		last = match.index + match[0].length;
	}
	source += `${escapeRegExp(pattern.slice(last))}$`;
	const match = new RegExp(source).exec(text.trim());
	if (!match) throw new FlatFileError(`"${text}" is not a date in the format ${pattern}`);
	const value: Record<string, number> = {};
	tokens.forEach((token, index) => (value[token] = Number(match[index + 1])));
	const year = value.YYYY ?? (value.YY !== undefined ? 2000 + value.YY : NaN);
	const month = value.MM;
	const day = value.DD;
	if (!isCalendarDate({ year, month, day, hour: 0, minute: 0, second: 0 })) {
		throw new FlatFileError(`"${text}" is not a valid calendar date (${pattern})`);
	}
	return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export interface DecimalFormat {
	decimals: number;
	decimalSeparator: string;
	/** Implied decimals: 12.34 with 2 decimals becomes `1234` (fixed-width, X12 TDS). */
	implied?: boolean;
}

export const DEFAULT_DECIMAL: DecimalFormat = { decimals: 2, decimalSeparator: '.' };

/** Beyond 15 significant digits a number no longer holds every digit exactly (and from 1e21 it prints with an exponent). */
export const MAX_SIGNIFICANT_DIGITS = 15;
const LARGEST_EXACT = 10 ** MAX_SIGNIFICANT_DIGITS;

/** A decimal format that cannot misread a number: one separator character that is not a digit or sign, whole decimals 0 to 10. */
export function validateDecimalFormat(format: DecimalFormat): void {
	if (!Number.isInteger(format.decimals) || format.decimals < 0 || format.decimals > 10) {
		throw new FlatFileError(`Decimals must be a whole number from 0 to 10, not ${String(format.decimals)}`);
	}
	if (!format.implied && (format.decimalSeparator.length !== 1 || /[\d+\-\s]/.test(format.decimalSeparator))) {
		throw new FlatFileError(
			`The decimal separator must be one character other than a digit, a sign or a space, not "${format.decimalSeparator}"`,
		);
	}
}

/** Why a number cannot stand as an amount (not finite, not exact, negative zero), undefined when it can. */
export function amountProblem(number: number, text: string): string | undefined {
	if (!Number.isFinite(number)) return `"${text}" is not a finite number`;
	if (Math.abs(number) >= LARGEST_EXACT) return `"${text}" has more than ${MAX_SIGNIFICANT_DIGITS} digits before the decimal mark`;
	if (Object.is(number, -0)) return `"${text}" is negative zero; write 0`;
	return undefined;
}

/** The number when it can stand as an amount, else an error saying why. */
export function checkedAmount(number: number, text: string): number {
	const problem = amountProblem(number, text);
	if (problem) throw new FlatFileError(problem);
	return number;
}

export function formatDecimal(value: unknown, format: DecimalFormat = DEFAULT_DECIMAL): string {
	if (value === undefined || value === null || value === '') return '';
	validateDecimalFormat(format);
	const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
	if (!Number.isFinite(number)) throw new FlatFileError(`"${String(value)}" is not a number`);
	checkedAmount(number === 0 ? 0 : number, String(value));
	// A small negative amount rounds to "-0.00": write it as zero.
	const fixed = number.toFixed(format.decimals).replace(/^-(?=0(?:\.0*)?$)/, '');
	if (format.implied) return fixed.replace('.', '');
	return format.decimalSeparator === '.' ? fixed : fixed.replace('.', format.decimalSeparator);
}

/**
 * Reads an amount strictly: optional sign, digits, the given decimal separator; thousands
 * separators (space, apostrophe, or the other of `.`/`,`) are accepted only in groups of three.
 */
export function parseDecimal(text: string, format: DecimalFormat = DEFAULT_DECIMAL): number {
	validateDecimalFormat(format);
	const trimmed = text.trim();
	const separator = escapeRegExp(format.decimalSeparator);
	const grouping = format.decimalSeparator === ',' ? "[. ']" : "[, ']";
	const pattern = format.implied
		? /^[+-]?\d+$/
		: new RegExp(`^[+-]?(?:\\d{1,3}(?:${grouping}\\d{3})+|\\d+)(?:${separator}\\d+)?$`);
	if (!pattern.test(trimmed)) throw new FlatFileError(`"${text}" is not a number`);
	const normalised = trimmed
		.replace(new RegExp(grouping, 'g'), '')
		.replace(format.decimalSeparator, '.');
	const number = Number(normalised);
	return checkedAmount(format.implied ? number / 10 ** format.decimals : number, text);
}

/** Rounds to cents the way invoices are compared (avoids 0.1 + 0.2 artefacts). */
export function roundAmount(value: number, decimals = 2): number {
	const factor = 10 ** decimals;
	return Math.round((value + Number.EPSILON) * factor) / factor;
}
