import type { IDataObject } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';
import { locator } from '../../support/fake-n8n/execute';
import {
	createConsultancyInvoice,
	jsonOf,
	received,
	runBillit,
	useBillitEmulator,
} from './harness';

const emulator = useBillitEmulator();

/** Three sales invoices, in the order of their LastModified. */
async function threeInvoices(): Promise<number[]> {
	const ids: number[] = [];
	for (const number of ['W-1', 'W-2', 'W-3']) {
		ids.push(
			await createConsultancyInvoice(emulator, undefined, {
				additionalFields: { OrderNumber: number },
			}),
		);
	}
	return ids;
}

/** The sales export with no marker in Billit: list, upload each invoice, mark the uploaded ones. */
function salesExport(staticData: IDataObject) {
	const remote = new Map<string, string>();
	const uploads: { path: string; status: string }[] = [];
	async function run(failing: Set<number> = new Set()) {
		const { output } = await runBillit(
			emulator,
			{
				resource: 'invoice',
				operation: 'getMany',
				returnAll: true,
				notExportedOnly: true,
				exportMarker: 'watermark',
				filters: { orderDirection: 'Income', orderType: 'Invoice' },
				options: {},
			},
			{ staticData },
		);
		const listed = jsonOf(output);
		for (const order of listed) {
			const id = order.OrderID as number;
			if (failing.has(id)) continue;
			// A fixed path per invoice and Skip If Identical, as the File Exchange upload does.
			const path = `/export/${String(order.OrderNumber)}.json`;
			const content = JSON.stringify({
				id,
				total: order.TotalIncl,
				info: order.InternalInfo,
			});
			const status = !remote.has(path)
				? 'uploaded'
				: remote.get(path) === content
					? 'skipped'
					: 'overwritten';
			remote.set(path, content);
			uploads.push({ path, status });
			await runBillit(
				emulator,
				{
					resource: 'invoice',
					operation: 'markExported',
					orderId: locator(id),
					exportMarker: 'watermark',
				},
				{ staticData },
			);
		}
		return listed.map((order) => order.OrderID as number);
	}
	return { run, uploads };
}

describe('Sales export without a marker (watermark)', () => {
	it('lists nothing new on the second run and writes nothing to Billit', async () => {
		const ids = await threeInvoices();
		const exporter = salesExport({});
		expect(await exporter.run()).toEqual(ids);
		emulator.admin.clearRequests();

		expect(await exporter.run()).toEqual([]);
		expect(received(emulator).filter((entry) => entry.method !== 'GET')).toEqual([]);
		const filter = received(emulator, { path: '/v1/orders' })[0].params.get('$filter') ?? '';
		expect(filter).toContain('OrderID gt');
		expect(filter).not.toContain('ExportedToConnector');
	});

	it('keeps the watermark in front of a failed upload, so the next run retries it; repeats change no file', async () => {
		const [first, failed, third] = await threeInvoices();
		const exporter = salesExport({});
		expect(await exporter.run(new Set([failed]))).toEqual([first, failed, third]);

		// Everything from the failed invoice on comes again; the first one does not.
		expect(await exporter.run()).toEqual([failed, third]);
		expect(exporter.uploads.map((upload) => upload.status)).toEqual([
			'uploaded',
			'uploaded',
			'uploaded',
			'skipped',
		]);
		expect(await exporter.run()).toEqual([]);
	});

	it('lists an invoice edited after its export again, and its file replaces the earlier one', async () => {
		const [edited] = await threeInvoices();
		const exporter = salesExport({});
		await exporter.run();
		await runBillit(emulator, {
			resource: 'invoice',
			operation: 'update',
			orderId: locator(edited),
			updateFields: { InternalInfo: 'corrected' },
			options: {},
		});

		expect(await exporter.run()).toEqual([edited]);
		expect(exporter.uploads.at(-1)?.status).toBe('overwritten');
		expect(await exporter.run()).toEqual([]);
	});

	it('does not move the watermark for an invoice the run did not list', async () => {
		const [id] = await threeInvoices();
		const { output } = await runBillit(emulator, {
			resource: 'invoice',
			operation: 'markExported',
			orderId: locator(id),
			exportMarker: 'watermark',
		});
		expect(output[0].json).toMatchObject({
			OrderID: id,
			marker: 'watermark',
			recorded: false,
		});
		expect(output[0].json.watermark).toBeUndefined();
	});
});
