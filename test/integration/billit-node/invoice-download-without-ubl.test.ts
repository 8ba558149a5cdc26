import { describe, expect, it } from 'vitest';
import { locator } from '../../support/fake-n8n/execute';
import { createConsultancyInvoice, PEPPOL_CUSTOMER, received, runBillit, useBillitEmulator } from './harness';

const emulator = useBillitEmulator();

/** Sent by e-mail, an invoice has a PDF but no UBL in Billit; sent over Peppol, its message carries the UBL. */
async function sentInvoiceWithoutUbl(orderNumber: string, transportType = 'SMTP'): Promise<number> {
	const orderId = await createConsultancyInvoice(emulator, PEPPOL_CUSTOMER, { additionalFields: { OrderNumber: orderNumber } });
	await runBillit(emulator, { resource: 'invoice', operation: 'send', orderIds: String(orderId), transportType });
	return orderId;
}

async function downloadUbl(orderId: number, whenNoUbl?: string) {
	return await runBillit(emulator, {
		resource: 'invoice',
		operation: 'download',
		orderId: locator(orderId),
		file: 'ubl',
		binaryPropertyName: 'ubl',
		options: {},
		...(whenNoUbl ? { whenNoUbl } : {}),
	});
}

describe('Invoice Download of a UBL Billit does not have, against the emulator', () => {
	it('fails the item by default and with "Error"', async () => {
		const orderId = await sentInvoiceWithoutUbl('INV-2026-21');
		await expect(downloadUbl(orderId)).rejects.toThrow(/INV-2026-21 has no UBL file in Billit/);
		await expect(downloadUbl(orderId, 'error')).rejects.toThrow(/INV-2026-21 has no UBL file in Billit/);
	});

	it('returns the invoice without a binary with "Return Item Without File", downloading nothing', async () => {
		const orderId = await sentInvoiceWithoutUbl('INV-2026-22');
		const { output } = await downloadUbl(orderId, 'returnWithoutFile');
		expect(output).toHaveLength(1);
		expect(output[0]).toMatchObject({
			json: { OrderID: orderId, OrderNumber: 'INV-2026-22', ublSource: 'none', files: [] },
			pairedItem: { item: 0 },
		});
		expect(output[0].binary).toBeUndefined();
		expect(received(emulator, { method: 'GET', path: '/v1/files' })).toHaveLength(0);
	});

	it('builds a pre-validated Peppol BIS 3.0 UBL with "Build UBL", the seller read from Billit', async () => {
		const orderId = await sentInvoiceWithoutUbl('INV-2026-23');
		const { output } = await downloadUbl(orderId, 'build');
		const [item] = output;
		expect(item.json).toMatchObject({
			OrderID: orderId,
			OrderNumber: 'INV-2026-23',
			ublSource: 'built',
			fileName: 'INV-2026-23.xml',
			validation: { valid: true, errors: [] },
			files: [{ field: 'ubl', kind: 'ubl', FileName: 'INV-2026-23.xml', MimeType: 'application/xml' }],
		});
		expect(item.binary?.ubl).toMatchObject({ fileName: 'INV-2026-23.xml', mimeType: 'application/xml' });
		const xml = Buffer.from(item.binary!.ubl.data, 'base64').toString('utf8');
		expect(xml).toContain('<cbc:ID>INV-2026-23</cbc:ID>');
		expect(xml).toContain('Peppol Customer NV');
		expect(received(emulator, { method: 'GET', path: '/v1/account/accountInformation' })).toHaveLength(1);
	});

	it("still downloads Billit's own UBL (the file of the Peppol message), whatever the option", async () => {
		const orderId = await sentInvoiceWithoutUbl('INV-2026-24', 'Peppol');
		for (const whenNoUbl of ['returnWithoutFile', 'build']) {
			const { output } = await downloadUbl(orderId, whenNoUbl);
			expect(output[0].json).toMatchObject({ OrderNumber: 'INV-2026-24', ublSource: 'billit' });
			expect(Buffer.from(output[0].binary!.ubl.data, 'base64').toString()).toContain('INV-2026-24');
		}
		expect(received(emulator, { method: 'GET', path: '/v1/account/accountInformation' })).toHaveLength(0);
	});
});
