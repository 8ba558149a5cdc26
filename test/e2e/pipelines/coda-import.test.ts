import { beforeEach, describe, expect, inject, it } from 'vitest';

import { statement, type TestStatement } from '../../support/emulator/coda-file';
import { assertSucceeded, nodeOutput } from '../../support/n8n/run-data';
import { sharedN8n } from '../../support/n8n/shared-instance';
import { BillitEmulatorClient } from './billit-emulator';
import { readExample } from '../../support/pipelines/examples';
import { useImportedExample } from './imported-example';
import { runOncePolled } from '../../support/pipelines/production-run';
import { SETTLED_AGE_MS, SftpFolder } from '../../support/pipelines/sftp-folder';

const n8n = sharedN8n();
const billit = new BillitEmulatorClient();
const sftp = inject('testServers').sftp;
const coda = new SftpFolder(sftp, '/coda');
const example = readExample('coda-import.json');

/** A November 2026 statement of a current account: a customer's payment and the rent. */
const november: TestStatement = {
	iban: 'BE68539007547034',
	holder: 'Demo Accountancy BV',
	sequence: 211,
	oldBalance: 1000,
	date: '301126',
	movements: [
		{ amount: 1210, valueDate: '301126', bankReference: 'KBC2026113000000001', structured: '123456789002', counterpartyIban: 'BE71096123456769', counterpartyName: 'Peppol Customer NV' },
		{ amount: -250.75, valueDate: '301126', bankReference: 'KBC2026113000000002', communication: 'Rent November 2026', counterpartyIban: 'BE43068999999501', counterpartyName: 'Landlord SA' },
	],
};

/** A December 2025 statement of a savings account, as a bank names a .txt download. */
const december: TestStatement = {
	iban: 'BE62510007547061',
	holder: 'Demo Accountancy BV',
	sequence: 12,
	oldBalance: 5000,
	date: '311225',
	movements: [{ amount: 12.34, valueDate: '311225', bankReference: 'BNP2025123100000001', communication: 'Interest 2025' }],
};

const codaFile = (lines: string[]) => `${lines.join('\r\n')}\r\n`;

/** A statement that lost its counterparty record (2.3) in transit: record 9 no longer adds up, Billit refuses it. */
function truncatedFile(): string {
	const lines = statement({ ...november, sequence: 212, movements: [november.movements[1]] });
	return codaFile(lines.filter((line) => !line.startsWith('23')));
}

const workflow = useImportedExample(example);

beforeEach(async () => {
	coda.reset();
	coda.makeFolder('/coda/inbound');
	await billit.reset();
});

describe('examples/coda-import.json in a real n8n, started by its File Exchange Trigger', () => {
	it('imports two CODA files as bank transactions, archives them under their year and parks the broken one with its reason', async () => {
		coda.putFile('/coda/inbound/KBC-20261130.cod', codaFile(statement(november)), SETTLED_AGE_MS);
		coda.putFile('/coda/inbound/BNP-2025-12.txt', codaFile(statement(december)), SETTLED_AGE_MS);
		coda.putFile('/coda/inbound/broken.coda', truncatedFile(), SETTLED_AGE_MS);
		coda.putFile('/coda/inbound/readme.pdf', '%PDF-1.4\n%%EOF\n', SETTLED_AGE_MS);

		const execution = await runOncePolled(n8n, workflow().id);
		assertSucceeded(execution);
		expect(execution.mode).toBe('trigger');
		expect(nodeOutput(execution, 'New CODA File')).toHaveLength(3);

		const transactions = await billit.bankTransactions();
		expect(
			transactions.map(({ IBAN, TotalAmount, BankReference }) => ({ IBAN, TotalAmount, BankReference })),
		).toEqual(
			expect.arrayContaining([
				{ IBAN: november.iban, TotalAmount: 1210, BankReference: 'KBC2026113000000001' },
				{ IBAN: november.iban, TotalAmount: -250.75, BankReference: 'KBC2026113000000002' },
				{ IBAN: december.iban, TotalAmount: 12.34, BankReference: 'BNP2025123100000001' },
			]),
		);
		expect(transactions).toHaveLength(3);
		expect(transactions.find((t) => t.TotalAmount === 1210)?.ClientReference).toBe('123456789002');

		expect(coda.files().map((file) => file.remotePath)).toEqual([
			'/coda/2025/BNP-2025-12.cod',
			'/coda/2026/KBC-20261130.cod',
			'/coda/error/broken.coda',
			'/coda/error/broken.coda.reason.txt',
			'/coda/inbound/readme.pdf',
		]);
		expect(coda.read('/coda/2026/KBC-20261130.cod')).toBe(codaFile(statement(november)));
		expect(coda.read('/coda/error/broken.coda')).toBe(truncatedFile());
		expect(coda.read('/coda/error/broken.coda.reason.txt')).toMatch(/InvalidCodaFile.*record 9 announces 5 records, the statement has 4/s);
	});

	it('does the same from Run Now in the editor (files listed and downloaded instead of polled), and a statement delivered twice adds nothing', async () => {
		coda.putFile('/coda/inbound/KBC-20261130.cod', codaFile(statement(november)));
		coda.putFile('/coda/inbound/broken.coda', truncatedFile());

		const execution = await n8n.runManually(workflow().id);
		assertSucceeded(execution);
		expect((await billit.bankTransactions()).map((transaction) => transaction.BankReference).sort()).toEqual([
			'KBC2026113000000001',
			'KBC2026113000000002',
		]);
		expect(coda.files().map((file) => file.remotePath)).toEqual([
			'/coda/2026/KBC-20261130.cod',
			'/coda/error/broken.coda',
			'/coda/error/broken.coda.reason.txt',
		]);

		// The bank delivers the same statement again: Billit adds no transaction, the archive keeps one copy.
		coda.putFile('/coda/inbound/KBC-20261130.cod', codaFile(statement(november)));
		const again = await n8n.runManually(workflow().id);
		assertSucceeded(again);
		expect(nodeOutput(again, 'Import CODA Into Billit')).toMatchObject([{ Imported: 0, Duplicates: 2 }]);
		expect(await billit.bankTransactions()).toHaveLength(2);
		expect(coda.files().map((file) => file.remotePath)).toContain('/coda/2026/KBC-20261130.cod');
		expect(coda.files()).toHaveLength(3);
	});
});
