import { FlatFileError, lineLocation } from './errors';
import { assertFilled, assertMapped, decimalValue } from './required-fields';
import { csvToRecords, type CsvLayout } from './tabular';

/** One GL journal line, booked on the invoice with its number. */
export interface JournalLine {
	invoiceNumber: string;
	accountCode: string;
	/** Signed: debit positive, credit negative (from `amount`, or `debit` minus `credit`). */
	amount: number;
	description?: string;
	/** Optional VAT amounts of the line (Billit's BookingEntry VAT1, VAT2, VAT3). */
	vat?: [number | undefined, number | undefined, number | undefined];
	/** Where it was read ("line 3"). */
	source: string;
}

/** The journal lines of one invoice, in file order. */
export interface InvoiceJournal {
	invoiceNumber: string;
	lines: JournalLine[];
}

const REQUIRED = ['invoiceNumber', 'accountCode'] as const;

function signedAmount(values: Record<string, unknown>, line: number): number {
	if (values.amount !== undefined) return decimalValue(values, 'amount', line);
	if (values.debit === undefined && values.credit === undefined) {
		throw new FlatFileError('The row has neither an amount nor a debit or credit', lineLocation(line));
	}
	const debit = values.debit === undefined ? 0 : decimalValue(values, 'debit', line);
	const credit = values.credit === undefined ? 0 : decimalValue(values, 'credit', line);
	return Math.round((debit - credit) * 100) / 100;
}

const VAT_PATHS = ['vat1', 'vat2', 'vat3'] as const;

function vatAmounts(values: Record<string, unknown>, line: number): JournalLine['vat'] | undefined {
	if (VAT_PATHS.every((path) => values[path] === undefined)) return undefined;
	const [vat1, vat2, vat3] = VAT_PATHS.map((path) => (values[path] === undefined ? undefined : decimalValue(values, path, line)));
	return [vat1, vat2, vat3];
}

/**
 * Lines of a GL journal CSV. Column paths name `invoiceNumber`, `accountCode`, `description`,
 * either `amount` (signed) or `debit` and `credit`, and optionally `vat1`, `vat2`, `vat3`.
 */
export function readJournalCsv(text: string, layout: CsvLayout): JournalLine[] {
	assertMapped(layout, REQUIRED);
	const mapped = (field: string) => layout.columns.some((column) => column.path === field);
	if (!mapped('amount') && !mapped('debit') && !mapped('credit')) {
		throw new FlatFileError('The column mapping has no column for "amount" (or "debit" and "credit")');
	}
	const lines = csvToRecords(text, layout).map(({ line, values }): JournalLine => {
		assertFilled(values, REQUIRED, line);
		return {
			invoiceNumber: String(values.invoiceNumber),
			accountCode: String(values.accountCode),
			amount: signedAmount(values, line),
			...(values.description === undefined ? {} : { description: String(values.description) }),
			...(vatAmounts(values, line) ? { vat: vatAmounts(values, line) } : {}),
			source: lineLocation(line),
		};
	});
	if (lines.length === 0) throw new FlatFileError('The journal file holds no lines');
	return lines;
}

/** Lines grouped per invoice, invoices in order of first appearance. */
export function journalPerInvoice(lines: JournalLine[]): InvoiceJournal[] {
	const groups = new Map<string, JournalLine[]>();
	for (const line of lines) groups.set(line.invoiceNumber, [...(groups.get(line.invoiceNumber) ?? []), line]);
	return [...groups].map(([invoiceNumber, entries]) => ({ invoiceNumber, lines: entries }));
}
