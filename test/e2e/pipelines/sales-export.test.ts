import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';

import type { StoredWorkflow } from '../../support/n8n/client';
import { assertSucceeded, nodeOutput, type N8nExecution } from '../../support/n8n/run-data';
import { sharedN8n } from '../../support/n8n/shared-instance';
import { BillitEmulatorClient, type EmulatedOrder } from './billit-emulator';
import { createCredentialsFor } from '../../support/pipelines/credentials';
import { readExample } from '../../support/pipelines/examples';
import { runOnceOnSchedule, shortenSchedule } from '../../support/pipelines/production-run';
import { SftpFolder } from '../../support/pipelines/sftp-folder';

const n8n = sharedN8n();
const billit = new BillitEmulatorClient();
const sftp = inject('testServers').sftp;
const exportFolder = new SftpFolder(sftp, '/export');
const example = readExample('sales-export.json');

interface Scene {
	/** Sent over Peppol: Billit keeps their UBL file. */
	peppol: EmulatedOrder[];
	/** Sent by e-mail: no UBL in Billit, the pipeline builds one. */
	email: EmulatedOrder[];
	/** Never sent: not for export. */
	unsent: EmulatedOrder[];
}

let workflow: StoredWorkflow;
let deleteCredentials: () => Promise<void>;
let uen: string;
let scene: Scene;

function remoteFile(order: EmulatedOrder, extension: 'xml' | 'pdf'): string {
	return `/export/${uen}/sales/${order.OrderDate.slice(0, 4)}/${order.OrderNumber}.${extension}`;
}

function filesOf(orders: EmulatedOrder[]): string[] {
	return orders.flatMap((order) => [remoteFile(order, 'pdf'), remoteFile(order, 'xml')]).sort();
}

async function exportedFlags(orders: EmulatedOrder[]): Promise<Record<string, boolean>> {
	const flags: Record<string, boolean> = {};
	for (const order of orders) flags[order.OrderNumber] = (await billit.order(order.OrderID)).ExportedToConnector;
	return flags;
}

function flagsOf(orders: EmulatedOrder[], exported: boolean): Record<string, boolean> {
	return Object.fromEntries(orders.map((order) => [order.OrderNumber, exported]));
}

function modificationTimes(paths: string[]): number[] {
	return paths.map((path) => statSync(exportFolder.onDisk(path)).mtimeMs);
}

/** OrderNumber → ublSource of the UBL files uploaded in this execution. */
function ublSources(execution: N8nExecution): Record<string, unknown> {
	const runs = execution.data?.resultData.runData['Upload UBL'] ?? [];
	const items = runs.flatMap((run) => run.data?.main?.[0] ?? []);
	return Object.fromEntries(
		items.map(({ json }) => [String(json.OrderNumber), json.ublSource]),
	);
}

async function setScene(): Promise<Scene> {
	await billit.reset();
	const ids = await billit.seedInvoices(6);
	// The seed rotates customers: on Peppol, e-mail only, without any contact.
	const byCustomer = [0, 1, 2].map((offset) => ids.filter((_id, index) => index % 3 === offset));
	await billit.send(byCustomer[0], 'Peppol');
	await billit.send(byCustomer[1], 'SMTP');
	const read = async (orderIds: number[]) => await Promise.all(orderIds.map(async (id) => await billit.order(id)));
	return { peppol: await read(byCustomer[0]), email: await read(byCustomer[1]), unsent: await read(byCustomer[2]) };
}

beforeAll(async () => {
	deleteCredentials = await createCredentialsFor(n8n, example, { emulatorUrl: billit.url, sftp });
	workflow = await n8n.importWorkflow(example);
	await shortenSchedule(n8n, workflow.id);
	uen = (await billit.company()).CompanyNumber;
});

afterAll(async () => {
	if (workflow) await n8n.deleteWorkflow(workflow.id);
	await deleteCredentials?.();
});

beforeEach(async () => {
	exportFolder.reset();
	scene = await setScene();
});

describe('examples/sales-export.json in a real n8n, started by its schedule', () => {
	it('uploads UBL and PDF of every sent invoice with mode 664, then marks exactly those exported', async () => {
		const execution = await runOnceOnSchedule(n8n, workflow.id);
		assertSucceeded(execution);
		expect(execution.mode).toBe('trigger');

		const sent = [...scene.peppol, ...scene.email];
		expect(exportFolder.files().map((file) => file.remotePath)).toEqual(filesOf(sent));
		expect(new Set(exportFolder.files().map((file) => file.mode.toString(8)))).toEqual(new Set(['664']));
		expect(await exportedFlags([...sent, ...scene.unsent])).toEqual({ ...flagsOf(sent, true), ...flagsOf(scene.unsent, false) });
		expect(ublSources(execution)).toEqual({
			...Object.fromEntries(scene.peppol.map((order) => [order.OrderNumber, 'billit'])),
			...Object.fromEntries(scene.email.map((order) => [order.OrderNumber, 'built'])),
		});
	});

	it("reads no invoice again that the list gave with its files, and one without Billit's UBL once", async () => {
		await billit.clearRequests();
		assertSucceeded(await runOnceOnSchedule(n8n, workflow.id));
		const sent = [...scene.peppol, ...scene.email];
		expect(await billit.orderReads(sent.map((order) => order.OrderID))).toEqual({
			...Object.fromEntries(scene.peppol.map((order) => [order.OrderID, 0])),
			// Billit's UBL checks once that it really has none; the built UBL and the PDF use that read.
			...Object.fromEntries(scene.email.map((order) => [order.OrderID, 1])),
		});
		expect(exportFolder.files().map((file) => file.remotePath)).toEqual(filesOf(sent));
	});

	it('exports the same when Billit lists invoices without their files, reading each once', async () => {
		await billit.setSwitches({ listFileIds: false });
		await billit.clearRequests();
		const execution = await runOnceOnSchedule(n8n, workflow.id);
		assertSucceeded(execution);
		const sent = [...scene.peppol, ...scene.email];
		expect(await billit.orderReads(sent.map((order) => order.OrderID))).toEqual(Object.fromEntries(sent.map((order) => [order.OrderID, 1])));
		expect(exportFolder.files().map((file) => file.remotePath)).toEqual(filesOf(sent));
		expect(await exportedFlags([...sent, ...scene.unsent])).toEqual({ ...flagsOf(sent, true), ...flagsOf(scene.unsent, false) });
		expect(ublSources(execution)).toEqual({
			...Object.fromEntries(scene.peppol.map((order) => [order.OrderNumber, 'billit'])),
			...Object.fromEntries(scene.email.map((order) => [order.OrderNumber, 'built'])),
		});
	});

	it('uploads nothing on the next run once everything is exported', async () => {
		assertSucceeded(await runOnceOnSchedule(n8n, workflow.id));
		const files = exportFolder.files().map((file) => file.remotePath);
		const before = modificationTimes(files);

		const second = await runOnceOnSchedule(n8n, workflow.id);
		assertSucceeded(second);
		expect(nodeOutput(second, 'Sent Invoices Not Exported')).toEqual([]);
		expect(second.data?.resultData.runData['Upload UBL']).toBeUndefined();
		expect(exportFolder.files().map((file) => file.remotePath)).toEqual(files);
		expect(modificationTimes(files)).toEqual(before);
	});

	it("leaves an invoice whose UBL download failed unexported instead of exporting a built UBL for it", async () => {
		// The first file download of the run is the UBL of a Peppol invoice (e-mail ones have none).
		await billit.addFault({ kind: 'status', status: 400, method: 'GET', path: '/v1/files/', count: 1 });
		const execution = await runOnceOnSchedule(n8n, workflow.id);
		assertSucceeded(execution);

		const flags = await exportedFlags(scene.peppol);
		const failed = scene.peppol.filter((order) => !flags[order.OrderNumber]);
		expect(failed).toHaveLength(1);
		expect(nodeOutput(execution, 'Not Exported: Retried Next Run').length).toBe(1);
		expect(exportFolder.files().map((file) => file.remotePath)).not.toContain(remoteFile(failed[0], 'xml'));
		expect(Object.values(ublSources(execution)).filter((source) => source === 'built')).toHaveLength(scene.email.length);
	});

	it('leaves an invoice whose upload failed unexported, and exports it on the next run', async () => {
		const [failing, ...others] = [...scene.email, ...scene.peppol];
		// The fault: a folder the SFTP user cannot replace, where the invoice's PDF must go. The
		// year folder itself is the user's, as if an earlier run had created it.
		const blocker = remoteFile(failing, 'pdf');
		exportFolder.makeFolder(dirname(blocker));
		mkdirSync(exportFolder.onDisk(blocker));
		writeFileSync(join(exportFolder.onDisk(blocker), 'in-the-way'), 'not a PDF');

		const first = await runOnceOnSchedule(n8n, workflow.id);
		assertSucceeded(first);
		expect(await exportedFlags([failing, ...others])).toEqual({ ...flagsOf(others, true), [failing.OrderNumber]: false });
		expect(nodeOutput(first, 'Not Exported: Retried Next Run').length).toBe(1);
		expect(statSync(exportFolder.onDisk(remoteFile(failing, 'xml'))).isFile()).toBe(true);
		const othersFiles = filesOf(others);
		const othersBefore = modificationTimes(othersFiles);
		const failingUblBefore = modificationTimes([remoteFile(failing, 'xml')]);

		rmSync(exportFolder.onDisk(blocker), { recursive: true });
		const second = await runOnceOnSchedule(n8n, workflow.id);
		assertSucceeded(second);
		expect(nodeOutput(second, 'Sent Invoices Not Exported').map((invoice) => invoice.OrderNumber)).toEqual([failing.OrderNumber]);
		expect(await exportedFlags([failing, ...others])).toEqual(flagsOf([failing, ...others], true));
		expect(exportFolder.files().map((file) => file.remotePath)).toEqual(filesOf([failing, ...others]));
		expect(modificationTimes(othersFiles)).toEqual(othersBefore);
		// The UBL that did arrive the first time is left as it is.
		expect(modificationTimes([remoteFile(failing, 'xml')])).toEqual(failingUblBefore);
		expect(nodeOutput(second, 'Upload UBL')[0]).toMatchObject({ fileExchange: { status: 'skipped' } });
	});
});
