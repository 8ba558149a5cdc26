/**
 * Operations that take an invoice (node version 3) use what the item from Get Many carries and read
 * the invoice only when that is missing: no read when Billit's list names the files, one per invoice
 * when it does not (emulator switch listFileIds), wherever the export reads it. Version 1 and 2 nodes
 * read it in every operation, as they always did.
 */
import type { INodeExecutionData } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';
import { markSent } from '../../../emulator/delivery';
import { companyContext } from '../../../emulator/seed';
import type { Emulator } from '../../../emulator';
import { locator, perItem } from '../../support/fake-n8n/parameters';
import { COMPANY, received, runBillit, useBillitEmulator } from './harness';

const INVOICES = 3;
const CARRYING = { typeVersion: 3 };

/** Seeded sales invoices sent over Peppol, so Billit holds a PDF and a UBL for each. */
function sentInvoices(emulator: Emulator): number[] {
	const auth = companyContext(emulator.store, COMPANY);
	const { OrderIDs } = emulator.admin.seed({ partyId: COMPANY, invoices: INVOICES });
	for (const orderId of OrderIDs) markSent(emulator.store, auth, auth.data.orders.get(orderId)!, 'Peppol');
	emulator.admin.clearRequests();
	return OrderIDs;
}

/** How often each invoice was read with GET /v1/orders/{id}. */
function ordersRead(emulator: Emulator): Map<number, number> {
	const reads = new Map<number, number>();
	for (const entry of received(emulator, { method: 'GET', path: '/v1/orders/' })) {
		const id = /^\/v1\/orders\/(\d+)$/.exec(entry.path)?.[1];
		if (id) reads.set(Number(id), (reads.get(Number(id)) ?? 0) + 1);
	}
	return reads;
}

/** The next node's parameters for each item, pointing at the item's invoice as the examples do. */
const eachInvoice = (items: INodeExecutionData[]) => ({ orderId: perItem(...items.map((item) => locator(item.json.OrderID as number))) });

/** An upload passes its item on with its result added, as File Exchange does. */
const uploaded = (items: INodeExecutionData[]) => items.map((item) => ({ ...item, json: { ...item.json, fileExchange: { operation: 'upload' } } }));

/** The sales export's Billit steps: list, Billit's UBL, upload, the PDF, upload, Mark Exported. */
async function salesExport(emulator: Emulator, node: { typeVersion: number }) {
	const { output: listed } = await runBillit(
		emulator,
		{ resource: 'invoice', operation: 'getMany', returnAll: true, filters: { orderDirection: 'Income', orderType: 'Invoice', isSent: true, exportedToConnector: false }, options: {} },
		{ node },
	);
	const download = (file: string, field: string) => ({ resource: 'invoice', operation: 'download', file, binaryPropertyName: field, whenNoUbl: 'returnWithoutFile', options: {} });
	const { output: ubl } = await runBillit(emulator, { ...download('ubl', 'ubl'), ...eachInvoice(listed) }, { node, items: listed });
	const { output: pdf } = await runBillit(emulator, { ...download('pdf', 'pdf'), ...eachInvoice(ubl) }, { node, items: uploaded(ubl) });
	const { output: marked } = await runBillit(emulator, { resource: 'invoice', operation: 'markExported', exportMarker: 'flag', ...eachInvoice(pdf) }, { node, items: uploaded(pdf) });
	return { listed, pdf, marked };
}

describe.each([
	['list answers carry file ids (default)', true],
	['list answers without file ids', false],
])('Sales and purchase export steps, %s', (_name, listFileIds) => {
	const emulator = useBillitEmulator({ listFileIds, rateLimitPerSecond: 0 });

	it(`reads each sales invoice ${listFileIds ? 'never' : 'once'} and exports both files and the marker`, async () => {
		const orderIds = sentInvoices(emulator);
		const { listed, pdf, marked } = await salesExport(emulator, CARRYING);
		expect(listed.map((item) => item.json.OrderID).sort()).toEqual([...orderIds].sort());
		const reads = ordersRead(emulator);
		expect([...reads.keys()].sort()).toEqual(listFileIds ? [] : [...orderIds].sort());
		expect([...reads.values()].every((count) => count === 1)).toBe(true);
		for (const item of pdf) {
			expect(Buffer.from(item.binary!.ubl.data, 'base64').toString()).toContain(String(item.json.OrderNumber));
			expect(Buffer.from(item.binary!.pdf.data, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
			expect(item.json).toMatchObject({ OrderID: expect.any(Number), OrderDate: expect.any(String), CompanyID: expect.any(Number) });
		}
		expect(marked.map((item) => item.json.alreadyMarked)).toEqual(orderIds.map(() => false));
		const orders = companyContext(emulator.store, COMPANY).data.orders;
		expect(orderIds.every((orderId) => orders.get(orderId)?.ExportedToConnector === true)).toBe(true);
	});

	it('reads each sales invoice in every operation in node version 1, as before', async () => {
		const orderIds = sentInvoices(emulator);
		await salesExport(emulator, { typeVersion: 1 });
		// Billit's UBL, the PDF and Mark Exported each read the invoice.
		expect([...ordersRead(emulator).values()]).toEqual(orderIds.map(() => 3));
	});

	it(`reads each incoming invoice ${listFileIds ? 'never' : 'once'} for its UBL and its IsSent marker`, async () => {
		const costOrderIds = emulator.admin.seedInbox({ partyId: COMPANY, count: INVOICES }).map((item) => item.CostOrderID);
		emulator.admin.clearRequests();
		const node = CARRYING;
		const { output: listed } = await runBillit(
			emulator,
			{ resource: 'incomingInvoice', operation: 'getMany', returnAll: true, notExportedOnly: true, exportMarker: 'isSent', filters: {}, options: {} },
			{ node },
		);
		expect(listed.map((item) => item.json.OrderID).sort()).toEqual([...costOrderIds].sort());
		const { output: ubl } = await runBillit(
			emulator,
			{ resource: 'incomingInvoice', operation: 'download', file: 'ubl', binaryPropertyName: 'ubl', options: {}, ...eachInvoice(listed) },
			{ node, items: listed },
		);
		const { output: marked } = await runBillit(
			emulator,
			{ resource: 'incomingInvoice', operation: 'markExported', exportMarker: 'isSent', ...eachInvoice(ubl) },
			{ node, items: uploaded(ubl) },
		);
		const reads = ordersRead(emulator);
		expect([...reads.keys()].sort()).toEqual(listFileIds ? [] : [...costOrderIds].sort());
		expect([...reads.values()].every((count) => count === 1)).toBe(true);
		expect(ubl.every((item) => Buffer.from(item.binary!.ubl.data, 'base64').toString().includes('<cbc:ID>SUP-'))).toBe(true);
		expect(marked.map((item) => item.json)).toEqual(costOrderIds.map((OrderID) => expect.objectContaining({ OrderID, alreadyMarked: false, IsSent: true })));
	});

	it('takes the marker state from the item: an invoice listed as exported is not patched again', async () => {
		const [orderId] = sentInvoices(emulator);
		const order = companyContext(emulator.store, COMPANY).data.orders.get(orderId)!;
		const { output } = await runBillit(
			emulator,
			{ resource: 'invoice', operation: 'markExported', orderId: locator(orderId), exportMarker: 'flag' },
			{ node: CARRYING, items: [{ json: { OrderID: orderId, ExportedToConnector: true } }] },
		);
		expect(output[0].json).toMatchObject({ OrderID: orderId, alreadyMarked: true });
		expect(order.ExportedToConnector).not.toBe(true);
		expect(received(emulator, { path: '/v1/orders' })).toHaveLength(0);
	});
});
