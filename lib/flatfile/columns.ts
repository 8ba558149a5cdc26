import { FlatFileError, relocated } from './errors';
import { readFieldPath } from './field-path';
import { DEFAULT_DECIMAL, formatDate, formatDecimal, parseDate, parseDecimal, validateDecimalFormat } from './formats';

export type ColumnFormat = 'text' | 'date' | 'decimal' | 'integer';

/** One column of a CSV or fixed-width layout. */
export interface ColumnSpec {
	header: string;
	/** Field path into the row's data, e.g. `OrderNumber`, `Customer.Name`, `Line.Quantity`. */
	path: string;
	format: ColumnFormat;
	/** For dates, e.g. `DD/MM/YYYY`. */
	datePattern?: string;
	decimals?: number;
	decimalSeparator?: string;
	/** Decimals implied (no separator written), as fixed-width layouts often expect. */
	impliedDecimals?: boolean;
	/** A constant used when the path gives nothing. */
	defaultValue?: string;
}

function decimalFormat(column: ColumnSpec) {
	return {
		decimals: column.decimals ?? DEFAULT_DECIMAL.decimals,
		decimalSeparator: column.decimalSeparator ?? DEFAULT_DECIMAL.decimalSeparator,
		implied: column.impliedDecimals,
	};
}

/** Checks every column's format settings before any row is read or written. */
export function validateColumns(columns: readonly ColumnSpec[]): void {
	if (columns.length === 0) throw new FlatFileError('The layout has no columns');
	for (const column of columns) {
		try {
			if (!['text', 'date', 'decimal', 'integer'].includes(column.format)) throw new FlatFileError(`Unknown format "${String(column.format)}"`);
			if (column.format === 'decimal') validateDecimalFormat(decimalFormat(column));
			if (column.format === 'date' && column.datePattern !== undefined && !/YY/.test(column.datePattern)) {
				throw new FlatFileError(`The date pattern "${column.datePattern}" has no year (YYYY or YY)`);
			}
		} catch (error) {
			throw relocated(error, { prefix: `Column "${column.header}"` });
		}
	}
}

/** The text of one cell: the row's value at the column's path, formatted. */
export function renderCell(row: unknown, column: ColumnSpec): string {
	const value = readFieldPath(row, column.path);
	if (value === undefined || value === null || value === '') return column.defaultValue ?? '';
	try {
		switch (column.format) {
			case 'date':
				return formatDate(value, column.datePattern ?? 'YYYY-MM-DD');
			case 'decimal':
				return formatDecimal(value, decimalFormat(column));
			case 'integer':
				return formatDecimal(value, { decimals: 0, decimalSeparator: '.' });
			default:
				return typeof value === 'object' ? JSON.stringify(value) : String(value);
		}
	} catch (error) {
		throw relocated(error, { prefix: `Column "${column.header}"` });
	}
}

/** The typed value of one cell read back from a file (dates as YYYY-MM-DD, numbers as numbers). */
export function readCell(text: string, column: ColumnSpec): string | number | undefined {
	if (text.trim() === '') return undefined;
	try {
		switch (column.format) {
			case 'date':
				return parseDate(text, column.datePattern ?? 'YYYY-MM-DD');
			case 'decimal':
				return parseDecimal(text, decimalFormat(column));
			case 'integer':
				return parseDecimal(text, { decimals: 0, decimalSeparator: '.' });
			default:
				return text;
		}
	} catch (error) {
		throw relocated(error, { prefix: `Column "${column.header}"` });
	}
}

/** Sets a value at a dotted path, creating objects on the way. */
export function writeFieldPath(target: Record<string, unknown>, path: string, value: unknown) {
	const steps = path.split('.');
	let node = target;
	for (const step of steps.slice(0, -1)) {
		if (node[step] === null || typeof node[step] !== 'object') node[step] = {};
		node = node[step] as Record<string, unknown>;
	}
	node[steps[steps.length - 1]] = value;
}
