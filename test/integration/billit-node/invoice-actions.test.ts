import { describe, expect, it } from 'vitest';
import { belgianCompanyNumber } from '../../../emulator/seed';
import { binaryItem, locator, perItem, type ParameterValue } from '../../support/fake-n8n/execute';
import { createConsultancyInvoice, PEPPOL_CUSTOMER, received, runBillit, useBillitEmulator } from './harness';

const emulator = useBillitEmulator();

const mailOnlyCustomer = {
	Name: 'Mail Only BV',
	VATNumber: `BE${belgianCompanyNumber(4370002)}`,
	Email: 'invoices@mailonly.test',
	CountryCode: 'BE',
};

async function createInvoice(
	customer: Record<string, string> = PEPPOL_CUSTOMER,
	orderNumber?: string,
): Promise<number> {
	return await createConsultancyInvoice(emulator, customer, { additionalFields: orderNumber ? { OrderNumber: orderNumber } : {} });
}

async function send(orderIds: ParameterValue, transportType = 'Peppol', options = {}) {
	return await runBillit(
		emulator,
		{ resource: 'invoice', operation: 'send', orderIds, transportType, strictTransport: true },
		options,
	);
}

describe('Invoice: Send, Download, Delivery Status', () => {
	it('sends several invoices over Peppol in one call with the strict transport header', async () => {
		const ids = [await createInvoice(), await createInvoice()];
		const { output } = await send(ids.join(', '));
		expect(output[0].json).toMatchObject({ OrderIds: ids, TransportType: 'Peppol', sent: true });
		const [call] = received(emulator, { method: 'POST', path: '/v1/orders/commands/send' });
		expect(call.json).toEqual({ OrderIds: ids, TransportType: 'Peppol' });
		expect(call.headers.stricttransporttype).toBe('true');
	});

	it('reports a customer not on Peppol with Billit code and item, and goes on with continue-on-fail', async () => {
		const good = await createInvoice();
		const bad = await createInvoice(mailOnlyCustomer);
		const { output } = await send(perItem(String(bad), String(good)), 'Peppol', {
			continueOnFail: true,
			items: [{ json: {} }, { json: {} }],
		});
		expect(output[0]).toMatchObject({ pairedItem: { item: 0 } });
		expect(output[0].json.error).toMatch(/TheCustomerIsNotActiveOnPeppol/);
		expect(output[1].json).toMatchObject({ sent: true, OrderIds: [good] });
	});

	it('throws the Billit error with the item index without continue-on-fail', async () => {
		const bad = await createInvoice(mailOnlyCustomer);
		await expect(send(String(bad))).rejects.toMatchObject({
			message: expect.stringMatching(/TheCustomerIsNotActiveOnPeppol/),
			context: expect.objectContaining({ itemIndex: 0 }),
		});
	});

	it('downloads all files into binary fields named by what they hold, keeping the input item', async () => {
		const orderId = await createInvoice(PEPPOL_CUSTOMER, 'INV-2026-7');
		await send(String(orderId));
		const earlier = binaryItem(Buffer.from('a,b\n'), 'lines.csv', { mimeType: 'text/csv' });
		const { output } = await runBillit(
			emulator,
			{ resource: 'invoice', operation: 'download', orderId: locator(orderId), file: 'all', options: {} },
			{ items: [{ ...earlier, json: { OrderID: orderId, Customer: 'kept' } }] },
		);
		const binary = output[0].binary!;
		expect(Object.keys(binary).sort()).toEqual(['data', 'pdf', 'ubl']);
		expect(binary.pdf).toMatchObject({
			mimeType: 'application/pdf',
			fileName: expect.stringMatching(/\.pdf$/),
		});
		expect(Buffer.from(binary.pdf.data, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
		expect(binary.ubl).toMatchObject({
			fileName: expect.stringMatching(/\.xml$/),
			mimeType: expect.stringMatching(/xml/),
		});
		expect(Buffer.from(binary.ubl.data, 'base64').toString()).toContain('INV-2026-7');
		expect(binary.data.fileName).toBe('lines.csv');
		expect(output[0].json).toMatchObject({ Customer: 'kept', OrderNumber: 'INV-2026-7' });
		expect((output[0].json.files as Array<{ field: string }>).map((file) => file.field)).toEqual(['pdf', 'ubl']);
	});

	it("marks Billit's own UBL with ublSource 'billit'", async () => {
		const orderId = await createInvoice(PEPPOL_CUSTOMER, 'INV-2026-10');
		await send(String(orderId));
		const download = async (file: string) =>
			(await runBillit(emulator, { resource: 'invoice', operation: 'download', orderId: locator(orderId), file, binaryPropertyName: 'data', options: {} }))
				.output[0].json;
		expect(await download('ubl')).toMatchObject({ OrderNumber: 'INV-2026-10', ublSource: 'billit' });
		expect((await download('pdf')).ublSource).toBeUndefined();
	});

	it('says clearly that an invoice sent by e-mail has no UBL file', async () => {
		const orderId = await createInvoice(PEPPOL_CUSTOMER, 'INV-2026-8');
		await send(String(orderId), 'SMTP');
		await expect(
			runBillit(emulator, {
				resource: 'invoice',
				operation: 'download',
				orderId: locator(orderId),
				file: 'ubl',
				binaryPropertyName: 'data',
				options: {},
			}),
		).rejects.toThrow(/INV-2026-8 has no UBL file/);
	});

	it('fails clearly on a file above the maximum size', async () => {
		const orderId = await createInvoice(PEPPOL_CUSTOMER, 'INV-2026-9');
		await send(String(orderId));
		await expect(
			runBillit(emulator, {
				resource: 'invoice',
				operation: 'download',
				orderId: locator(orderId),
				file: 'pdf',
				binaryPropertyName: 'data',
				options: { maxFileSizeMb: 0.0001 },
			}),
		).rejects.toThrow(/above the maximum of 0\.1 KB set in the node/);
	});

	it('decodes the delivery status', async () => {
		const orderId = await createInvoice();
		await send(String(orderId));
		const { output } = await runBillit(emulator, {
			resource: 'invoice',
			operation: 'getDeliveryStatus',
			orderId: locator(orderId),
		});
		expect(output[0].json).toMatchObject({
			OrderID: orderId,
			IsSent: true,
			LastTransport: 'Peppol',
		});
		expect((output[0].json.Messages as unknown[]).length).toBeGreaterThan(0);
	});
});

describe('Invoice: Update, Add Payment, Delete, Get Deleted', () => {
	it('patches only patchable fields and refuses others by name', async () => {
		const orderId = await createInvoice();
		const { output } = await runBillit(
			emulator,
			{
				resource: 'invoice',
				operation: 'update',
				orderId: locator(orderId),
				updateFields: perItem(
					{ json: '{"TotalIncl": 1}', InternalInfo: 'x' },
					{ ExportedToConnector: true, InternalInfo: 'exported', PaidDate: '' },
				),
			},
			{ continueOnFail: true, items: [{ json: {} }, { json: {} }] },
		);
		expect(output[0].json.error).toMatch(/cannot patch TotalIncl/);
		expect(output[1].json).toMatchObject({ OrderID: orderId, ExportedToConnector: true });
		const patches = received(emulator, { method: 'PATCH' });
		expect(patches).toHaveLength(1);
		expect(patches[0].json).toEqual({ ExportedToConnector: true, InternalInfo: 'exported' });
	});

	it('marks an invoice paid with PaidDate as date and time, which Billit accepts', async () => {
		const orderId = await createInvoice();
		emulator.admin.clearRequests();
		await runBillit(emulator, {
			resource: 'invoice',
			operation: 'update',
			orderId: locator(orderId),
			updateFields: { Paid: true, PaidDate: '2026-03-04T09:30:00' },
		});
		const [patch] = received(emulator, { method: 'PATCH' });
		expect(patch.json).toEqual({ Paid: true, PaidDate: '2026-03-04T09:30:00' });
		expect(patch.status).toBe(200);
	});

	it('adds a payment', async () => {
		const orderId = await createInvoice();
		const { output } = await runBillit(emulator, {
			resource: 'invoice',
			operation: 'addPayment',
			orderId: locator(orderId),
			amount: 50,
			date: '2026-03-04T00:00:00',
			paymentDescription: 'Bank',
		});
		expect(output[0].json).toMatchObject({
			OrderID: orderId,
			Amount: 50,
			PaymentID: expect.any(Number),
		});
		const [call] = received(emulator, { method: 'POST', path: `/v1/orders/${orderId}/payments` });
		expect(call.json).toEqual({ Amount: 50, Date: '2026-03-04', Description: 'Bank' });
	});

	it('refuses a zero or negative payment before asking Billit', async () => {
		const orderId = await createInvoice();
		emulator.admin.clearRequests();
		for (const amount of [0, -5]) {
			await expect(
				runBillit(emulator, { resource: 'invoice', operation: 'addPayment', orderId: locator(orderId), amount, date: '2026-03-04T00:00:00' }),
			).rejects.toThrow(/positive/);
		}
		expect(received(emulator, { method: 'POST' })).toHaveLength(0);
	});

	it('deletes and lists deleted invoices; an unknown id is an item error', async () => {
		const orderId = await createInvoice();
		const { output } = await runBillit(
			emulator,
			{ resource: 'invoice', operation: 'delete', orderId: perItem(locator(999999), locator(orderId)) },
			{ continueOnFail: true, items: [{ json: {} }, { json: {} }] },
		);
		expect(output[0].json.error).toMatch(/404|NotFound|999999/);
		expect(output[1].json).toEqual({ OrderID: orderId, deleted: true });
		const { output: deleted } = await runBillit(emulator, {
			resource: 'invoice',
			operation: 'getDeleted',
			returnAll: true,
		});
		expect(deleted.map((item) => item.json.OrderID)).toContain(orderId);
	});
});
