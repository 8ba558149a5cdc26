import { FlatFileError, lineLocation } from './errors';
import type { CsvLayout } from './tabular';

/** Fails before reading when the column mapping lacks a field every row needs. */
export function assertMapped(layout: CsvLayout, fields: readonly string[]): void {
	for (const field of fields) {
		if (!layout.columns.some((column) => column.path === field)) {
			throw new FlatFileError(`The column mapping has no column for "${field}"`);
		}
	}
}

/** Fails naming the line when a needed field of a row is empty. */
export function assertFilled(values: Record<string, unknown>, fields: readonly string[], line: number): void {
	for (const field of fields) {
		if (values[field] === undefined) throw new FlatFileError(`The ${field} is empty`, lineLocation(line));
	}
}

/** The value of a decimal column, or an error naming the line when the column is not decimal. */
export function decimalValue(values: Record<string, unknown>, field: string, line: number): number {
	const value = values[field];
	if (typeof value !== 'number') throw new FlatFileError(`The ${field} column must have the decimal format`, lineLocation(line));
	return value;
}
