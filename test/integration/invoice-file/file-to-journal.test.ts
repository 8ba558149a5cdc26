import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../../emulator';
import { sample } from '../../support/flatfile/fixtures';
import { COMPANY, received, resetEmulator, startBillitEmulator } from '../billit-node/harness';
import { createInvoices, runOnFile } from './harness';

let emulator: Emulator;

beforeAll(async () => {
	emulator = await startBillitEmulator();
});
afterAll(async () => {
	await emulator.stop();
});
beforeEach(() => {
	resetEmulator(emulator);
});

const journal = {
	operation: 'fileToJournalEntries',
	addToBillit: true,
	delimiter: ';',
	includeHeader: true,
	columns: {
		column: [
			{ header: 'Factuur', path: 'invoiceNumber', format: 'text' },
			{ header: 'Rekening', path: 'accountCode', format: 'text' },
			{ header: 'Debet', path: 'debit', format: 'decimal', decimalSeparator: ',' },
			{ header: 'Credit', path: 'credit', format: 'decimal', decimalSeparator: ',' },
			{ header: 'Omschrijving', path: 'description', format: 'text' },
		],
	},
};
const journalFile = { content: sample('gl-journal.csv'), name: 'journal.csv' };

function bookedOn(orderId: number) {
	return emulator.store.companyData(COMPANY).bookingEntries.get(orderId);
}

describe('File to Journal Entries', () => {
	it('sets the booking entries of each invoice named in the journal', async () => {
		const ids = await createInvoices(emulator, { '2026/0001': 1210, '2026/0002': 605 });
		const output = await runOnFile(emulator, journalFile, journal);
		expect(output.map((item) => [item.json.invoiceNumber, item.json.OrderID, item.json.booked])).toEqual([
			['2026/0001', ids['2026/0001'], true],
			['2026/0002', ids['2026/0002'], true],
		]);
		expect(bookedOn(ids['2026/0001'])).toEqual([
			{ AccountCode: 400000, Amount: 1210, DebetOrCredit: 'Debet' },
			{ AccountCode: 700000, Amount: 1000, DebetOrCredit: 'Credit' },
			{ AccountCode: 451000, Amount: 210, DebetOrCredit: 'Credit' },
		]);
		expect(bookedOn(ids['2026/0002'])?.map((entry) => [entry.Amount, entry.DebetOrCredit])).toEqual([
			[605, 'Credit'],
			[500, 'Debet'],
			[105, 'Debet'],
		]);
		expect(received(emulator, { method: 'PUT' }).map((entry) => [entry.path, entry.status])).toEqual([
			[`/v1/orders/${ids['2026/0001']}/bookingEntries`, 200],
			[`/v1/orders/${ids['2026/0002']}/bookingEntries`, 200],
		]);
	});

	it('sends VAT1-VAT3 when mapped, and refuses an account code that is not a whole number', async () => {
		const ids = await createInvoices(emulator, { '2026/0001': 1210, '2026/0002': 605 });
		const withVat = {
			...journal,
			columns: { column: [...journal.columns.column, { header: 'Btw', path: 'vat1', format: 'decimal', decimalSeparator: ',' }] },
		};
		const file = {
			...journalFile,
			content: 'Factuur;Rekening;Debet;Credit;Omschrijving;Btw\n2026/0001;700000;;1000,00;Omzet;210,00\n2026/0002;70A000;;500,00;Omzet;\n',
		};
		const output = await runOnFile(emulator, file, withVat, { continueOnFail: true });
		expect(bookedOn(ids['2026/0001'])).toEqual([{ AccountCode: 700000, Amount: 1000, DebetOrCredit: 'Credit', VAT1: 210 }]);
		expect(output[1].json).toMatchObject({ booked: false, error: expect.stringMatching(/Account code "70A000" is not a whole number \(line 3\)/) });
		expect(bookedOn(ids['2026/0002'])).toBeUndefined();
	});

	it('a journal processed twice leaves the same booking entries', async () => {
		const ids = await createInvoices(emulator, { '2026/0001': 1210, '2026/0002': 605 });
		await runOnFile(emulator, journalFile, journal);
		await runOnFile(emulator, journalFile, journal);
		expect(bookedOn(ids['2026/0001'])).toHaveLength(3);
		expect(bookedOn(ids['2026/0002'])).toHaveLength(3);
	});

	it('an unknown invoice gives an error item naming it and its line while the others are booked', async () => {
		const ids = await createInvoices(emulator, { '2026/0002': 605 });
		const output = await runOnFile(emulator, journalFile, journal, { continueOnFail: true });
		expect(output.map((item) => [item.json.invoiceNumber, item.json.booked])).toEqual([
			['2026/0001', false],
			['2026/0002', true],
		]);
		expect(output[0].json.error).toBe('Invoice 2026/0001 is not known in Billit (line 2)');
		expect(bookedOn(ids['2026/0002'])).toHaveLength(3);
	});

	it('without continue on fail the node fails naming the unknown invoice, after booking the others', async () => {
		const ids = await createInvoices(emulator, { '2026/0001': 1210 });
		await expect(runOnFile(emulator, journalFile, journal)).rejects.toThrow('1 of 2 invoices were not booked: Invoice 2026/0002 is not known in Billit (line 5)');
		expect(bookedOn(ids['2026/0001'])).toHaveLength(3);
	});
});
