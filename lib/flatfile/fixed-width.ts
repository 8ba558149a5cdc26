import { readCell, renderCell, writeFieldPath, type ColumnSpec } from './columns';
import { FlatFileError, lineLocation, relocated } from './errors';
import type { ParsedRecord } from './tabular';

export interface FixedColumnSpec extends ColumnSpec {
	/** 1-based first position. */
	start: number;
	length: number;
	/** One character; a space by default. */
	padding?: string;
	align?: 'left' | 'right';
}

export interface FixedWidthLayout {
	columns: FixedColumnSpec[];
	lineEnding?: '\n' | '\r\n';
}

/** Checks the layout once: positive positions and lengths, no overlapping columns. */
export function validateFixedLayout(layout: FixedWidthLayout): void {
	const sorted = [...layout.columns].sort((a, b) => a.start - b.start);
	let end = 0;
	let previous = '';
	for (const column of sorted) {
		if (!Number.isInteger(column.start) || column.start < 1) {
			throw new FlatFileError(`Column "${column.header}": start must be a whole number from 1`);
		}
		if (!Number.isInteger(column.length) || column.length < 1) {
			throw new FlatFileError(`Column "${column.header}": length must be a whole number from 1`);
		}
		if ((column.padding ?? ' ').length !== 1) {
			throw new FlatFileError(`Column "${column.header}": padding must be one character`);
		}
		if (column.start <= end) {
			throw new FlatFileError(`Column "${column.header}" overlaps column "${previous}"`);
		}
		end = column.start + column.length - 1;
		previous = column.header;
	}
}

function lineWidth(layout: FixedWidthLayout): number {
	return Math.max(...layout.columns.map((column) => column.start + column.length - 1));
}

function place(text: string, column: FixedColumnSpec, rowNumber: number): string {
	if (text.length > column.length) {
		throw new FlatFileError(
			`Column "${column.header}" holds ${column.length} characters but row ${rowNumber} needs ${text.length} ("${text}")`,
		);
	}
	const padding = column.padding ?? ' ';
	return (column.align ?? 'left') === 'right'
		? text.padStart(column.length, padding)
		: text.padEnd(column.length, padding);
}

/** Rows as fixed-width text; a value too long for its column is an error, never cut off. */
export function rowsToFixedWidth(rows: unknown[], layout: FixedWidthLayout): string {
	validateFixedLayout(layout);
	const width = lineWidth(layout);
	const lineEnding = layout.lineEnding ?? '\r\n';
	return rows
		.map((row, index) => {
			const line = Array<string>(width).fill(' ');
			for (const column of layout.columns) {
				const cell = place(renderCell(row, column), column, index + 1);
				line.splice(column.start - 1, column.length, ...cell);
			}
			return line.join('') + lineEnding;
		})
		.join('');
}

function unpad(text: string, column: FixedColumnSpec): string {
	const padding = column.padding ?? ' ';
	let value = text;
	if ((column.align ?? 'left') === 'right') {
		while (value.startsWith(padding) && value.length > 1) value = value.slice(1);
	} else {
		while (value.endsWith(padding)) value = value.slice(0, -1);
	}
	return value === padding && padding !== '0' ? '' : value.trim();
}

/** Reads fixed-width text by the layout; a short line is an error naming the line. */
export function fixedWidthToRecords(text: string, layout: FixedWidthLayout): ParsedRecord[] {
	validateFixedLayout(layout);
	const width = lineWidth(layout);
	const records: ParsedRecord[] = [];
	text.split(/\r?\n/).forEach((line, index) => {
		if (line.trim() === '') return;
		const lineNumber = index + 1;
		if (line.length < width) {
			throw new FlatFileError(
				`The line is ${line.length} characters long; the layout needs ${width}`,
				lineLocation(lineNumber),
			);
		}
		const values: Record<string, unknown> = {};
		for (const column of layout.columns) {
			const cell = unpad(line.slice(column.start - 1, column.start - 1 + column.length), column);
			try {
				const value = readCell(cell, column);
				if (value !== undefined) writeFieldPath(values, column.path, value);
			} catch (error) {
				throw relocated(error, { location: lineLocation(lineNumber) });
			}
		}
		records.push({ line: lineNumber, values });
	});
	return records;
}
