import { statSync } from 'node:fs';

import { beforeEach, describe, expect, inject, it } from 'vitest';

import { assertSucceeded, nodeOutput } from '../../support/n8n/run-data';
import { sharedN8n } from '../../support/n8n/shared-instance';
import { BillitEmulatorClient, type EmulatedOrder } from './billit-emulator';
import { parseCsv } from './csv';
import { readExample } from '../../support/pipelines/examples';
import { useImportedExample } from './imported-example';
import { runOnceOnSchedule, shortenSchedule } from '../../support/pipelines/production-run';
import { SftpFolder } from '../../support/pipelines/sftp-folder';

const n8n = sharedN8n();
const billit = new BillitEmulatorClient();
const sftp = inject('testServers').sftp;
const partnerFolder = new SftpFolder(sftp, '/partner');
// Dated today and the eight days before: some may fall in another month than yesterday's.
const SEEDED_INVOICES = 9;

const HEADER = [
	'invoice_number',
	'invoice_date',
	'customer',
	'customer_vat',
	'description',
	'quantity',
	'unit_price_excl',
	'vat_percentage',
	'total_excl',
	'total_vat',
	'total_incl',
	'currency',
];

interface InvoiceLine {
	Description: string;
	Quantity: number;
	UnitPriceExcl: number;
	VATPercentage: number;
	TotalExcl: number;
	TotalVAT: number;
	TotalIncl: number;
}

type InvoiceWithLines = EmulatedOrder & {
	Currency: string;
	CounterParty: { Name?: string; DisplayName?: string; VATNumber?: string };
	OrderLines: InvoiceLine[];
};

interface Scene {
	sent: InvoiceWithLines[];
	unsent: InvoiceWithLines[];
}

/** The month the example exports: that of yesterday in Europe/Brussels, as `yyyy-MM`. */
function exportedMonth(): string {
	const yesterday = new Date(Date.now() - 86_400_000);
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit' }).format(yesterday);
}

function csvPath(month: string): string {
	return `/partner/${month.slice(0, 4)}/invoice-lines-${month}.csv`;
}

function expectedRows(invoices: InvoiceWithLines[]): string[][] {
	return invoices.flatMap((invoice) =>
		invoice.OrderLines.map((line) => [
			invoice.OrderNumber,
			invoice.OrderDate.slice(0, 10),
			invoice.CounterParty.DisplayName ?? invoice.CounterParty.Name ?? '',
			invoice.CounterParty.VATNumber ?? '',
			line.Description,
			...[line.Quantity, line.UnitPriceExcl, line.VATPercentage, line.TotalExcl, line.TotalVAT, line.TotalIncl].map(String),
			invoice.Currency,
		]),
	);
}

const byInvoiceThenLine = (a: string[], b: string[]) => a.join('\u0000').localeCompare(b.join('\u0000'));

/** Sales invoices for the three seeded customers: sent over Peppol, sent by e-mail, never sent. */
async function setScene(): Promise<Scene> {
	await billit.reset();
	const { onPeppol, emailOnly, noContact } = await billit.seedInvoicesByCustomer(SEEDED_INVOICES);
	await billit.send(onPeppol, 'Peppol');
	await billit.send(emailOnly, 'SMTP');
	return { sent: await billit.orders<InvoiceWithLines>([...onPeppol, ...emailOnly]), unsent: await billit.orders<InvoiceWithLines>(noContact) };
}

function describeExample(fileName: string, uploadNode: string, checks: { mode664: boolean }) {
	describe(`examples/${fileName} in a real n8n, started by its schedule`, () => {
		const workflow = useImportedExample(readExample(fileName), [shortenSchedule]);
		let scene: Scene;

		beforeEach(async () => {
			partnerFolder.reset();
			scene = await setScene();
		});

		it("uploads the month's CSV: the partner's header and one row per line of each sent invoice, with Billit's numbers", async () => {
			const month = exportedMonth();
			const inMonth = scene.sent.filter((invoice) => invoice.OrderDate.slice(0, 7) === month);
			const expected = expectedRows(inMonth).sort(byInvoiceThenLine);
			expect(expected.length).toBeGreaterThan(0);

			const execution = await runOnceOnSchedule(n8n, workflow().id);
			assertSucceeded(execution);
			expect(execution.mode).toBe('trigger');
			expect(nodeOutput(execution, uploadNode)).toHaveLength(1);

			const files = partnerFolder.files();
			expect(files.map((file) => file.remotePath)).toEqual([csvPath(month)]);
			if (checks.mode664) expect(files[0].mode.toString(8)).toBe('664');
			const [header, ...rows] = parseCsv(partnerFolder.read(csvPath(month)));
			expect(header).toEqual(HEADER);
			expect(rows.sort(byInvoiceThenLine)).toEqual(expected);
			const unsentNumbers = new Set(scene.unsent.map((invoice) => invoice.OrderNumber));
			expect(rows.filter((row) => unsentNumbers.has(row[0]))).toEqual([]);
		});

		if (checks.mode664) {
			it('leaves the file untouched on the next run when nothing changed in Billit', async () => {
				const month = exportedMonth();
				assertSucceeded(await runOnceOnSchedule(n8n, workflow().id));
				const before = statSync(partnerFolder.onDisk(csvPath(month))).mtimeMs;

				const second = await runOnceOnSchedule(n8n, workflow().id);
				assertSucceeded(second);
				expect(nodeOutput(second, uploadNode)).toEqual([expect.objectContaining({ fileExchange: expect.objectContaining({ status: 'skipped' }) })]);
				expect(statSync(partnerFolder.onDisk(csvPath(month))).mtimeMs).toBe(before);
			});
		}
	});
}

describeExample('partner-csv.json', 'Upload to Partner', { mode664: true });
describeExample('partner-csv-builtin-ftp.json', "Upload With n8n's FTP Node", { mode664: false });
