import { renderCell, validateColumns, type ColumnSpec } from './columns';
import { FlatFileError } from './errors';
import { firstControlCharacter } from '../text/control-characters';

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
	validateColumns(layout.columns);
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
		if (Array.from(column.padding ?? ' ').length !== 1 || firstControlCharacter(column.padding ?? ' ')) {
			throw new FlatFileError(`Column "${column.header}": padding must be one character`);
		}
		if (column.start <= end) {
			throw new FlatFileError(`Column "${column.header}" overlaps column "${previous}"`);
		}
		end = column.start + column.length - 1;
		previous = column.header;
	}
}

export function lineWidth(layout: FixedWidthLayout): number {
	return Math.max(...layout.columns.map((column) => column.start + column.length - 1));
}

/**
 * The cell as exactly `column.length` characters. Positions count Unicode characters (code points),
 * as a partner counts them in Latin-1 or UTF-8 text, never UTF-16 units.
 */
function place(text: string, column: FixedColumnSpec, rowNumber: number): string[] {
	// A line break or other control character would split or shift the record.
	const control = firstControlCharacter(text);
	if (control) {
		throw new FlatFileError(`Column "${column.header}" of row ${rowNumber} holds the control character ${control}, which fixed-width lines cannot hold`);
	}
	const characters = Array.from(text);
	if (characters.length > column.length) {
		throw new FlatFileError(
			`Column "${column.header}" holds ${column.length} characters but row ${rowNumber} needs ${characters.length} ("${text}")`,
		);
	}
	const padding = Array<string>(column.length - characters.length).fill(column.padding ?? ' ');
	return (column.align ?? 'left') === 'right' ? [...padding, ...characters] : [...characters, ...padding];
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
				cell.forEach((character, offset) => (line[column.start - 1 + offset] = character));
			}
			return line.join('') + lineEnding;
		})
		.join('');
}
