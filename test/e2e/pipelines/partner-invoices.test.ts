import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { beforeEach, describe, expect, inject, it } from 'vitest';

import { readX12Interchange, x12Problems } from '../../../lib/flatfile/x12/envelope';
import { read810 } from '../../support/flatfile/readers';
import { assertSucceeded, nodeOutput, type N8nExecution } from '../../support/n8n/run-data';
import { sharedN8n } from '../../support/n8n/shared-instance';
import { BillitEmulatorClient, type EmulatedOrder } from './billit-emulator';
import { readExample } from '../../support/pipelines/examples';
import { exportedFlags, flagsOf } from './export-flags';
import { useImportedExample } from './imported-example';
import { runOnceOnSchedule, shortenSchedule } from '../../support/pipelines/production-run';
import { SftpFolder } from '../../support/pipelines/sftp-folder';

const n8n = sharedN8n();
const billit = new BillitEmulatorClient();
const sftp = inject('testServers').sftp;
const partner = new SftpFolder(sftp, '/partner');
const example = readExample('partner-invoices.json');

interface InvoiceOrder extends EmulatedOrder {
	OrderType: string;
	Currency: string;
	Reference: string;
	TotalIncl: number;
	TotalVAT: number;
	OrderLines: Array<{ Quantity: number; UnitPriceExcl: number }>;
}

interface Scene {
	sent: InvoiceOrder[];
	unsent: InvoiceOrder[];
}

const workflow = useImportedExample(example, [shortenSchedule]);
let scene: Scene;

function remoteFile(order: EmulatedOrder): string {
	return `/partner/invoices/${order.OrderNumber}.x12`;
}

function modificationTimes(paths: string[]): number[] {
	return paths.map((path) => statSync(partner.onDisk(path)).mtimeMs);
}

function uploadedInvoices(execution: N8nExecution): unknown[] {
	return nodeOutput(execution, 'Upload 810').map((item) => (item.invoices as unknown[])[0]);
}

async function setScene(): Promise<Scene> {
	await billit.reset();
	const { onPeppol, emailOnly, noContact } = await billit.seedInvoicesByCustomer(6);
	await billit.send(onPeppol, 'Peppol');
	await billit.send(emailOnly, 'SMTP');
	return { sent: await billit.orders<InvoiceOrder>([...onPeppol, ...emailOnly]), unsent: await billit.orders<InvoiceOrder>(noContact) };
}

beforeEach(async () => {
	partner.reset();
	scene = await setScene();
});

describe('examples/partner-invoices.json in a real n8n, started by its schedule', () => {
	it('uploads one valid X12 810 per sent invoice with mode 664, then marks exactly those exported', async () => {
		const execution = await runOnceOnSchedule(n8n, workflow().id);
		assertSucceeded(execution);
		expect(execution.mode).toBe('trigger');

		const files = partner.files();
		expect(files.map((file) => file.remotePath)).toEqual(scene.sent.map(remoteFile).sort());
		expect(new Set(files.map((file) => file.mode.toString(8)))).toEqual(new Set(['664']));
		expect(await exportedFlags(billit, [...scene.sent, ...scene.unsent])).toEqual({ ...flagsOf(scene.sent, true), ...flagsOf(scene.unsent, false) });

		const controlNumbers = new Set<string>();
		for (const order of scene.sent) {
			const interchange = readX12Interchange(partner.read(remoteFile(order)));
			expect(x12Problems(interchange)).toEqual([]);
			expect([interchange.sender, interchange.receiver]).toEqual(['BILLITSELLER', 'ACMEBUYER']);
			controlNumbers.add(interchange.controlNumber);
			const [set] = interchange.groups.flatMap((group) => group.transactions);
			expect(set.code).toBe('810');
			const invoice = read810(set.body, set.header);
			expect(invoice).toMatchObject({
				OrderNumber: order.OrderNumber,
				OrderDate: order.OrderDate,
				OrderType: order.OrderType,
				Reference: order.Reference,
				Currency: order.Currency,
				TotalIncl: order.TotalIncl,
				TotalVAT: order.TotalVAT,
			});
			expect(invoice.OrderLines.map((line) => [line.Quantity, line.UnitPriceExcl])).toEqual(
				order.OrderLines.map((line) => [line.Quantity, line.UnitPriceExcl]),
			);
		}
		expect(controlNumbers.size).toBe(scene.sent.length);
	});

	it('uploads nothing on the next run once everything is exported', async () => {
		assertSucceeded(await runOnceOnSchedule(n8n, workflow().id));
		const files = partner.files().map((file) => file.remotePath);
		const before = modificationTimes(files);

		const second = await runOnceOnSchedule(n8n, workflow().id);
		assertSucceeded(second);
		expect(nodeOutput(second, 'Sent Invoices Not Exported')).toEqual([]);
		expect(second.data?.resultData.runData['Upload 810']).toBeUndefined();
		expect(partner.files().map((file) => file.remotePath)).toEqual(files);
		expect(modificationTimes(files)).toEqual(before);
	});

	it('leaves an invoice whose upload failed unexported, and exports only it on the next run', async () => {
		const [failing, ...others] = scene.sent;
		// The fault: a folder the upload cannot replace where the invoice's file must go.
		const blocker = remoteFile(failing);
		partner.makeFolder('/partner/invoices');
		mkdirSync(partner.onDisk(blocker));
		writeFileSync(join(partner.onDisk(blocker), 'in-the-way'), 'not an 810');

		const first = await runOnceOnSchedule(n8n, workflow().id);
		assertSucceeded(first);
		expect(await exportedFlags(billit, scene.sent)).toEqual({ ...flagsOf(others, true), [failing.OrderNumber]: false });
		expect(nodeOutput(first, 'Not Exported: Retried Next Run').map((item) => (item.invoices as unknown[])[0])).toEqual([failing.OrderNumber]);
		const othersBefore = modificationTimes(others.map(remoteFile));

		rmSync(partner.onDisk(blocker), { recursive: true });
		const second = await runOnceOnSchedule(n8n, workflow().id);
		assertSucceeded(second);
		expect(nodeOutput(second, 'Sent Invoices Not Exported').map((invoice) => invoice.OrderNumber)).toEqual([failing.OrderNumber]);
		expect(uploadedInvoices(second)).toEqual([failing.OrderNumber]);
		expect(await exportedFlags(billit, scene.sent)).toEqual(flagsOf(scene.sent, true));
		expect(partner.files().map((file) => file.remotePath)).toEqual(scene.sent.map(remoteFile).sort());
		expect(modificationTimes(others.map(remoteFile))).toEqual(othersBefore);
	});
});
