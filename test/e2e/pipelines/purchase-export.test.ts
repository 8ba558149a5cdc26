import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { beforeEach, describe, expect, inject, it } from 'vitest';

import { assertSucceeded, nodeOutput } from '../../support/n8n/run-data';
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
const exportFolder = new SftpFolder(sftp, '/export');
const example = readExample('purchase-export.json');

const workflow = useImportedExample(example, [shortenSchedule]);
let uen: string;
let purchases: EmulatedOrder[];
let sales: EmulatedOrder[];

function remoteFile(order: EmulatedOrder): string {
	return `/export/${uen}/purchase/${order.OrderDate.slice(0, 4)}/${order.OrderID}-${order.OrderNumber}.xml`;
}

beforeEach(async () => {
	exportFolder.reset();
	await billit.reset();
	uen = (await billit.company()).CompanyNumber;
	const received = await billit.receiveInvoices(4);
	purchases = await billit.orders(received.map((item) => item.CostOrderID as number));
	const salesIds = await billit.seedInvoices(2);
	await billit.send(salesIds, 'SMTP');
	sales = await billit.orders(salesIds);
});

describe('examples/purchase-export.json in a real n8n, started by its schedule', () => {
	it("uploads every incoming invoice's UBL with mode 664 and marks exactly those exported", async () => {
		const execution = await runOnceOnSchedule(n8n, workflow().id);
		assertSucceeded(execution);
		expect(execution.mode).toBe('trigger');

		const files = exportFolder.files();
		expect(files.map((file) => file.remotePath)).toEqual(purchases.map(remoteFile).sort());
		expect(new Set(files.map((file) => file.mode.toString(8)))).toEqual(new Set(['664']));
		expect(await exportedFlags(billit, purchases, 'OrderID', 'IsSent')).toEqual(flagsOf(purchases, true, 'OrderID'));
		// Sales invoices are not touched: nothing was patched on them.
		const salesPaths = new Set(sales.map((order) => `/v1/orders/${order.OrderID}`));
		expect((await billit.requests('PATCH')).filter((entry) => salesPaths.has(entry.path))).toEqual([]);
		expect(await exportedFlags(billit, sales, 'OrderID')).toEqual(flagsOf(sales, false, 'OrderID'));

		const second = await runOnceOnSchedule(n8n, workflow().id);
		assertSucceeded(second);
		expect(nodeOutput(second, 'Incoming Invoices Not Exported')).toEqual([]);
		expect(second.data?.resultData.runData['Upload UBL']).toBeUndefined();
	});

	it('reads each incoming invoice at most once: never when the list gives its files, once when it does not', async () => {
		const ids = purchases.map((order) => order.OrderID);
		await billit.clearRequests();
		assertSucceeded(await runOnceOnSchedule(n8n, workflow().id));
		expect(await billit.orderReads(ids)).toEqual(Object.fromEntries(ids.map((id) => [id, 0])));

		await billit.reset();
		const received = await billit.receiveInvoices(4);
		const again = received.map((item) => item.CostOrderID as number);
		exportFolder.reset();
		await billit.setSwitches({ listFileIds: false });
		await billit.clearRequests();
		assertSucceeded(await runOnceOnSchedule(n8n, workflow().id));
		expect(await billit.orderReads(again)).toEqual(Object.fromEntries(again.map((id) => [id, 1])));
		expect(exportFolder.files()).toHaveLength(again.length);
		expect(await exportedFlags(billit, await billit.orders(again), 'OrderID', 'IsSent')).toEqual(flagsOf(await billit.orders(again), true, 'OrderID'));
	});

	it('leaves an invoice whose upload failed unexported, and exports it on the next run', async () => {
		const [failing, ...others] = purchases;
		// The fault: a folder the SFTP user cannot replace where the invoice's file must go.
		const blocker = remoteFile(failing);
		exportFolder.makeFolder(dirname(blocker));
		mkdirSync(exportFolder.onDisk(blocker));
		writeFileSync(join(exportFolder.onDisk(blocker), 'in-the-way'), 'not a UBL file');

		const first = await runOnceOnSchedule(n8n, workflow().id);
		assertSucceeded(first);
		expect(await exportedFlags(billit, purchases, 'OrderID', 'IsSent')).toEqual({ ...flagsOf(others, true, 'OrderID'), [failing.OrderID]: false });
		expect(nodeOutput(first, 'Not Exported: Retried Next Run').length).toBe(1);
		const othersBefore = others.map((order) => statSync(exportFolder.onDisk(remoteFile(order))).mtimeMs);

		rmSync(exportFolder.onDisk(blocker), { recursive: true });
		const second = await runOnceOnSchedule(n8n, workflow().id);
		assertSucceeded(second);
		expect(nodeOutput(second, 'Incoming Invoices Not Exported').map((order) => order.OrderID)).toEqual([failing.OrderID]);
		expect(await exportedFlags(billit, purchases, 'OrderID', 'IsSent')).toEqual(flagsOf(purchases, true, 'OrderID'));
		expect(exportFolder.files().map((file) => file.remotePath)).toEqual(purchases.map(remoteFile).sort());
		expect(others.map((order) => statSync(exportFolder.onDisk(remoteFile(order))).mtimeMs)).toEqual(othersBefore);
	});
});
