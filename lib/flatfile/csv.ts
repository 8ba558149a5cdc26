import { FlatFileError, lineLocation } from './errors';

export interface CsvOptions {
	delimiter: string;
	lineEnding?: '\n' | '\r\n';
	/**
	 * Writing only: a cell a spreadsheet would run as a formula (starting with =, +, -, @, tab or
	 * CR) gets a leading apostrophe, so it shows as text. On unless set to false; plain numbers such as
	 * -12.50 are left as they are.
	 */
	neutraliseFormulas?: boolean;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

/** OWASP "CSV injection": the cell as text a spreadsheet shows instead of evaluating. */
function neutralised(field: string): string {
	return FORMULA_START.test(field) && !PLAIN_NUMBER.test(field) ? `'${field}` : field;
}

export interface CsvRecord {
	/** 1-based line where the record starts (records may span lines inside quotes). */
	line: number;
	fields: string[];
}

/** A delimiter the reader can split on: not empty, no quote, no line break. */
export function validateCsvOptions(options: CsvOptions): void {
	if (typeof options.delimiter !== 'string' || options.delimiter === '') throw new FlatFileError('The CSV delimiter is empty; enter one, e.g. "," or ";"');
	if (/["\r\n]/.test(options.delimiter)) {
		throw new FlatFileError(`The CSV delimiter ${JSON.stringify(options.delimiter)} holds a quote or a line break; choose another`);
	}
}

function quote(field: string, delimiter: string): string {
	// Any character of a longer delimiter: "a:" next to "::" would otherwise read as a delimiter.
	const holdsDelimiter = [...delimiter].some((character) => field.includes(character));
	if (!/[\r\n"]/.test(field) && !holdsDelimiter && field.trim() === field) return field;
	return `"${field.replace(/"/g, '""')}"`;
}

/** RFC 4180 CSV: fields quoted only when needed, quotes doubled. */
export function writeCsv(rows: string[][], options: CsvOptions): string {
	validateCsvOptions(options);
	const lineEnding = options.lineEnding ?? '\r\n';
	const cell = options.neutraliseFormulas === false ? (field: string) => field : neutralised;
	return rows
		.map((row) => row.map((field) => quote(cell(field), options.delimiter)).join(options.delimiter))
		.map((line) => line + lineEnding)
		.join('');
}

/** Parses RFC 4180 CSV (quoted fields may hold delimiters, quotes and line breaks). */
export function parseCsv(text: string, options: CsvOptions): CsvRecord[] {
	validateCsvOptions(options);
	const records: CsvRecord[] = [];
	const { delimiter } = options;
	let fields: string[] = [];
	let field = '';
	let line = 1;
	let recordLine = 1;
	let inQuotes = false;
	let quotedField = false;
	let index = 0;
	const endField = () => {
		fields.push(field);
		field = '';
		quotedField = false;
	};
	const endRecord = () => {
		endField();
		if (!(fields.length === 1 && fields[0] === '')) records.push({ line: recordLine, fields });
		fields = [];
	};
	while (index < text.length) {
		const char = text[index];
		if (inQuotes) {
			if (char === '"') {
				if (text[index + 1] === '"') {
					field += '"';
					index += 2;
					continue;
				}
				inQuotes = false;
			} else {
				if (char === '\n') line++;
				field += char;
			}
			index++;
			continue;
		}
		if (char === '"' && field === '' && !quotedField) {
			inQuotes = true;
			quotedField = true;
		} else if (text.startsWith(delimiter, index)) {
			endField();
			index += delimiter.length;
			continue;
		} else if (char === '\r' || char === '\n') {
			endRecord();
			if (char === '\r' && text[index + 1] === '\n') index++;
			line++;
			recordLine = line;
		} else if (quotedField) {
			throw new FlatFileError(
				`Unexpected character "${char}" after a closing quote`,
				lineLocation(line),
			);
		} else {
			field += char;
		}
		index++;
	}
	if (inQuotes) throw new FlatFileError('A quoted field is never closed', lineLocation(recordLine));
	if (field !== '' || fields.length > 0 || quotedField) endRecord();
	return records;
}
