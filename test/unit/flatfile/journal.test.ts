import { describe, expect, it } from 'vitest';
import { journalPerInvoice, readJournalCsv } from '../../../lib/flatfile/journal';
import type { CsvLayout } from '../../../lib/flatfile/tabular';
import { sample } from '../../support/flatfile/fixtures';

const debitCreditLayout: CsvLayout = {
	delimiter: ';',
	includeHeader: true,
	columns: [
		{ header: 'Factuur', path: 'invoiceNumber', format: 'text' },
		{ header: 'Rekening', path: 'accountCode', format: 'text' },
		{ header: 'Debet', path: 'debit', format: 'decimal', decimalSeparator: ',' },
		{ header: 'Credit', path: 'credit', format: 'decimal', decimalSeparator: ',' },
		{ header: 'Omschrijving', path: 'description', format: 'text' },
	],
};

describe('GL journal CSV', () => {
	it('reads debit and credit columns into signed amounts, grouped per invoice in file order', () => {
		const journals = journalPerInvoice(readJournalCsv(sample('gl-journal.csv'), debitCreditLayout));
		expect(journals.map((journal) => [journal.invoiceNumber, journal.lines.map((line) => [line.accountCode, line.amount, line.description, line.source])])).toEqual([
			['2026/0001', [
				['400000', 1210, 'Klant Acme', 'line 2'],
				['700000', -1000, 'Omzet consultancy', 'line 3'],
				['451000', -210, 'Btw 21%', 'line 4'],
			]],
			['2026/0002', [
				['400000', -605, 'Creditnota Zoë', 'line 5'],
				['700000', 500, undefined, 'line 6'],
				['451000', 105, 'Btw 21%', 'line 7'],
			]],
		]);
	});

	it('reads a signed amount column, and groups lines of one invoice that are not adjacent', () => {
		const text = 'inv,acct,amt\nA-1,700000,-10.5\nB-2,700000,-3\nA-1,400000,10.5\n';
		const lines = readJournalCsv(text, {
			delimiter: ',',
			includeHeader: true,
			columns: [
				{ header: 'inv', path: 'invoiceNumber', format: 'text' },
				{ header: 'acct', path: 'accountCode', format: 'text' },
				{ header: 'amt', path: 'amount', format: 'decimal' },
			],
		});
		expect(journalPerInvoice(lines).map((journal) => [journal.invoiceNumber, journal.lines.map((line) => line.amount)])).toEqual([
			['A-1', [-10.5, 10.5]],
			['B-2', [-3]],
		]);
	});

	it('refuses a mapping without invoice number, account or amount, naming the field', () => {
		const without = (path: string): CsvLayout => ({ ...debitCreditLayout, columns: debitCreditLayout.columns.filter((column) => column.path !== path) });
		expect(() => readJournalCsv(sample('gl-journal.csv'), without('accountCode'))).toThrow('The column mapping has no column for "accountCode"');
		expect(() => readJournalCsv(sample('gl-journal.csv'), without('invoiceNumber'))).toThrow('The column mapping has no column for "invoiceNumber"');
		const noAmounts = { ...debitCreditLayout, columns: debitCreditLayout.columns.filter((column) => column.path !== 'debit' && column.path !== 'credit') };
		expect(() => readJournalCsv(sample('gl-journal.csv'), noAmounts)).toThrow('no column for "amount" (or "debit" and "credit")');
	});

	it('names the line of an empty account, a row without amounts and a non-numeric amount', () => {
		const read = (text: string) => () => readJournalCsv(`Factuur;Rekening;Debet;Credit;Omschrijving\n${text}`, debitCreditLayout);
		expect(read('2026/0001;;5,00;;x\n')).toThrow(/accountCode is empty.*line 2/);
		expect(read('2026/0001;700000;1,00;;x\n2026/0001;700000;;;x\n')).toThrow(/neither an amount nor a debit or credit.*line 3/);
		expect(read('2026/0001;700000;veel;;x\n')).toThrow(/line 2/);
		expect(read('')).toThrow('The journal file holds no lines');
	});
});
