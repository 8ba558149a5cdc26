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
function isoParts(value: string): DateParts | undefined {
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

export function formatDate(value: unknown, pattern: string): string {
	if (value === undefined || value === null || value === '') return '';
	const parts = typeof value === 'string' ? isoParts(value) : undefined;
	if (!parts) throw new FlatFileError(`"${String(value)}" is not an ISO date (YYYY-MM-DD)`);
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
	const date = new Date(Date.UTC(year, month - 1, day));
	if (
		Number.isNaN(date.getTime()) ||
		date.getUTCFullYear() !== year ||
		date.getUTCMonth() !== month - 1 ||
		date.getUTCDate() !== day
	) {
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

export function formatDecimal(value: unknown, format: DecimalFormat = DEFAULT_DECIMAL): string {
	if (value === undefined || value === null || value === '') return '';
	const number = typeof value === 'number' ? value : Number(value);
	if (!Number.isFinite(number)) throw new FlatFileError(`"${String(value)}" is not a number`);
	const fixed = number.toFixed(format.decimals);
	if (format.implied) return fixed.replace('.', '');
	return format.decimalSeparator === '.' ? fixed : fixed.replace('.', format.decimalSeparator);
}

/**
 * Reads an amount strictly: optional sign, digits, the given decimal separator; thousands
 * separators (space, apostrophe, or the other of `.`/`,`) are accepted only in groups of three.
 */
export function parseDecimal(text: string, format: DecimalFormat = DEFAULT_DECIMAL): number {
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
	return format.implied ? number / 10 ** format.decimals : number;
}

/** Rounds to cents the way invoices are compared (avoids 0.1 + 0.2 artefacts). */
export function roundAmount(value: number, decimals = 2): number {
	const factor = 10 ** decimals;
	return Math.round((value + Number.EPSILON) * factor) / factor;
}
