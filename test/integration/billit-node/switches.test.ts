/**
 * The main flows of the Billit node under every setting of the emulator's switches for Billit
 * behaviours no official source confirms (file download shape, NextPageLink, error shape,
 * idempotency replay, UBL after a Peppol send, unknown fields, LastModified ties, strict mode).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { belgianCompanyNumber } from '../../../emulator/seed';
import type { Emulator, Switches } from '../../../emulator';
import { strictSwitches } from '../../../emulator/switches';
import { locator, perItem } from '../../support/fake-n8n/execute';
import { COMPANY, resetEmulator, runBillit, startBillitEmulator } from './harness';

const variants: Array<[string, Partial<Switches>]> = [
	['defaults', {}],
	['raw file downloads', { fileDownload: 'raw' }],
	['NextPageLink empty', { nextPageLink: 'empty' }],
	['NextPageLink absent', { nextPageLink: 'absent' }],
	['legacy error shape', { errorShape: 'legacy' }],
	['idempotent key replayed', { idempotency: 'replay' }],
	['idempotent key ignored', { idempotency: 'ignore' }],
	['UBL also among the attachments after a Peppol send', { ublAttachmentOnPeppolSend: true }],
	['lists without file ids', { listFileIds: false }],
	['unknown fields ignored', { rejectUnknownFields: false }],
	['LastModified ties', { lastModifiedTies: true }],
	['all strict readings', strictSwitches],
];

describe.each(variants)('Billit node with %s', (_name, switches) => {
	let emulator: Emulator;

	beforeAll(async () => {
		emulator = await startBillitEmulator();
		resetEmulator(emulator, { ...switches, pageSize: 2 });
	});
	afterAll(async () => {
		await emulator.stop();
	});

	it('creates, sends over Peppol, downloads PDF and UBL (or says there is none), lists with a filter', async () => {
		const { output: created } = await runBillit(emulator, {
			resource: 'invoice',
			operation: 'create',
			orderType: 'Invoice',
			orderDirection: 'Income',
			customerMode: 'fields',
			customer: {
				Name: 'Peppol Customer NV',
				VATNumber: `BE${belgianCompanyNumber(4370001)}`,
				Email: 'ap@peppolcustomer.test',
				CountryCode: 'BE',
			},
			linesInput: 'fields',
			lines: {
				line: [{ Description: 'Consultancy', Quantity: 1, UnitPriceExcl: 100, VATPercentage: 21 }],
			},
			additionalFields: { OrderNumber: 'SW-1' },
		});
		const orderId = created[0].json.OrderID as number;
		await runBillit(emulator, {
			resource: 'invoice',
			operation: 'send',
			orderIds: String(orderId),
			transportType: 'Peppol',
			strictTransport: true,
		});

		const download = {
			resource: 'invoice',
			operation: 'download',
			orderId: locator(orderId),
			binaryPropertyName: 'data',
			options: {},
		};
		const { output: pdf } = await runBillit(emulator, { ...download, file: 'pdf' });
		expect(pdf[0].binary!.data.mimeType).toBe('application/pdf');
		expect(Buffer.from(pdf[0].binary!.data.data, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
		const { output: ubl } = await runBillit(emulator, { ...download, file: 'ubl' });
		expect(Buffer.from(ubl[0].binary!.data.data, 'base64').toString()).toContain('<cbc:ID>SW-1</cbc:ID>');

		emulator.admin.seed({ partyId: COMPANY, invoices: 4 });
		const { output: listed } = await runBillit(emulator, {
			resource: 'invoice',
			operation: 'getMany',
			returnAll: true,
			filters: { orderDirection: 'Income' },
			options: { sort: 'orderDateDesc' },
		});
		expect(listed).toHaveLength(5);
		const { output: keyset } = await runBillit(emulator, {
			resource: 'invoice',
			operation: 'getMany',
			returnAll: true,
			filters: { isSent: true },
			options: {},
		});
		expect(keyset.map((item) => item.json.OrderID)).toEqual([orderId]);
	});

	it('reports an unknown order id with Billit code and item', async () => {
		const { output } = await runBillit(
			emulator,
			{ resource: 'invoice', operation: 'get', options: {}, orderId: perItem(locator(987654), locator(987655)) },
			{ continueOnFail: true, items: [{ json: {} }, { json: {} }] },
		);
		expect(output[0]).toMatchObject({
			pairedItem: { item: 0 },
			json: { error: expect.stringMatching(/987654/) },
		});
		expect(output[1]).toMatchObject({
			pairedItem: { item: 1 },
			json: { error: expect.stringMatching(/987655/) },
		});
	});
});
