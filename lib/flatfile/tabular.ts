import { readCell, renderCell, validateColumns, writeFieldPath, type ColumnSpec } from './columns';
import { FlatFileError, lineLocation, relocated } from './errors';
import { parseCsv, validateCsvOptions, writeCsv, type CsvOptions } from './csv';

export interface CsvLayout extends CsvOptions {
	columns: ColumnSpec[];
	includeHeader: boolean;
}

/** Checks the delimiter and every column's format: a setting that would misread a file fails before any work. */
export function validateCsvLayout(layout: CsvLayout): void {
	validateCsvOptions(layout);
	validateColumns(layout.columns);
}

/** Rows as CSV with the layout's headers and formatted cells. */
export function rowsToCsv(rows: unknown[], layout: CsvLayout): string {
	validateCsvLayout(layout);
	const table = rows.map((row) => layout.columns.map((column) => renderCell(row, column)));
	if (layout.includeHeader) table.unshift(layout.columns.map((column) => column.header));
	return writeCsv(table, layout);
}

export interface ParsedRecord {
	line: number;
	values: Record<string, unknown>;
}

function headerIndexes(header: string[], columns: ColumnSpec[], line: number): number[] {
	const names = header.map((name) => name.trim().toLowerCase());
	return columns.map((column) => {
		const index = names.indexOf(column.header.trim().toLowerCase());
		if (index < 0) {
			throw new FlatFileError(
				`The mapped column "${column.header}" is missing from the header (found: ${header.join(', ')})`,
				lineLocation(line),
			);
		}
		return index;
	});
}

/**
 * Reads CSV by the layout: with a header, columns are found by name (any order); without one, by
 * position. Each record's values land at the columns' paths, typed by their formats.
 */
export function csvToRecords(text: string, layout: CsvLayout): ParsedRecord[] {
	validateCsvLayout(layout);
	const records = parseCsv(text, layout);
	if (records.length === 0) return [];
	let indexes = layout.columns.map((_, index) => index);
	let body = records;
	if (layout.includeHeader) {
		indexes = headerIndexes(records[0].fields, layout.columns, records[0].line);
		body = records.slice(1);
	}
	return body.map((record) => {
		const values: Record<string, unknown> = {};
		layout.columns.forEach((column, position) => {
			const text = record.fields[indexes[position]];
			if (text === undefined) {
				throw new FlatFileError(
					`The row has ${record.fields.length} fields; column "${column.header}" is missing`,
					lineLocation(record.line),
				);
			}
			try {
				const value = readCell(text, column);
				if (value !== undefined) writeFieldPath(values, column.path, value);
			} catch (error) {
				throw relocated(error, { location: lineLocation(record.line) });
			}
		});
		return { line: record.line, values };
	});
}
