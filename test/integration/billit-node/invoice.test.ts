import { describe, expect, it } from 'vitest';
import { locator, perItem, type Parameters } from '../../support/fake-n8n/execute';
import { COMPANY, createConsultancyInvoice, PEPPOL_CUSTOMER, received, runBillit, useBillitEmulator } from './harness';

const emulator = useBillitEmulator();

const inlineCustomer = { ...PEPPOL_CUSTOMER, VATNumber: 'BE0004370001' };

/** Invoice Create with the inline customer and lines given as JSON per item. */
const createWithJsonLines = {
	resource: 'invoice',
	operation: 'create',
	orderType: 'Invoice',
	orderDirection: 'Income',
	customerMode: 'fields',
	customer: inlineCustomer,
	linesInput: 'json',
	additionalFields: {},
};

async function createInvoice(extra: Parameters = {}) {
	return await createConsultancyInvoice(emulator, inlineCustomer, extra);
}

describe('Invoice: Create', () => {
	it('posts the order without nulls, with a generated structured communication and custom fields', async () => {
		const { output } = await runBillit(emulator, {
			resource: 'invoice',
			operation: 'create',
			orderType: 'Invoice',
			orderDirection: 'Income',
			customerMode: 'fields',
			customer: { ...inlineCustomer, GLN: '5412345000013', Language: '' },
			linesInput: 'json',
			linesJson:
				'[{"Description":"Training day","Quantity":"1","UnitPriceExcl":650,"VATPercentage":21}]',
			additionalFields: {
				OrderNumber: 'INV-2026-0042',
				Reference: 'PO-77',
				paymentReferenceFormat: 'generate',
				customFields: { field: [{ key: 'Invoice.OrderReference.SalesOrderID', value: 'SO-9' }] },
			},
		});
		expect(output).toHaveLength(1);
		expect(output[0].pairedItem).toEqual({ item: 0 });
		const orderId = output[0].json.OrderID as number;
		expect(orderId).toBeGreaterThan(0);
		// Digits of INV-2026-0042 padded to ten, then 0020260042 mod 97 = 40.
		expect(output[0].json.PaymentReference).toBe('+++002/0260/04240+++');

		const [post] = received(emulator, { method: 'POST', path: '/v1/orders' });
		expect(post.headers.partyid).toBe(String(COMPANY));
		expect(post.headers['idempotent-key']).toBeTruthy();
		const body = post.json as Record<string, unknown>;
		expect(JSON.stringify(body)).not.toContain('null');
		expect(body).toMatchObject({
			OrderType: 'Invoice',
			OrderDirection: 'Income',
			OrderNumber: 'INV-2026-0042',
			Reference: 'PO-77',
			Customer: {
				Name: 'Peppol Customer NV',
				Identifiers: [{ IdentifierType: 'GLN', Identifier: '5412345000013' }],
			},
			OrderLines: [
				{ Description: 'Training day', Quantity: 1, UnitPriceExcl: 650, VATPercentage: 21 },
			],
			CustomFields: { 'Invoice.OrderReference.SalesOrderID': 'SO-9' },
		});
		expect(body.Customer).not.toHaveProperty('Language');

		const { output: got } = await runBillit(emulator, {
			resource: 'invoice',
			operation: 'get',
			orderId: locator(orderId),
		});
		expect(got[0].json).toMatchObject({
			OrderID: orderId,
			OrderNumber: 'INV-2026-0042',
			TotalExcl: 650,
		});
	});

	it('names the bad line of a malformed lines JSON and lets the other items succeed', async () => {
		const { output } = await runBillit(
			emulator,
			{
				...createWithJsonLines,
				linesJson: perItem(
					'[{"Description":"A","Quantity":1,"UnitPriceExcl":10}',
					'[{"Description":"B","Quantity":1,"UnitPriceExcl":10}]',
					'[{"Description":"C","Quantity":"two","UnitPriceExcl":10}]',
				),
			},
			{ continueOnFail: true, items: [{ json: {} }, { json: {} }, { json: {} }] },
		);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[0].json.error).toMatch(/Lines \(JSON\) is not valid JSON/);
		expect(output[1].json.OrderID).toEqual(expect.any(Number));
		expect(output[2].json.error).toMatch(/Line 1: Quantity must be a number, got "two"/);
		expect(received(emulator, { method: 'POST', path: '/v1/orders' })).toHaveLength(1);
	});

	it('sends a line AccountCode and a patched AccountCode as numbers, as the model types them, and names a non-numeric one', async () => {
		const { output } = await runBillit(
			emulator,
			{
				...createWithJsonLines,
				linesJson: perItem(
					'[{"Description":"A","Quantity":1,"UnitPriceExcl":10,"AccountCode":" 700000 "}]',
					'[{"Description":"B","Quantity":1,"UnitPriceExcl":10,"AccountCode":"70-00"}]',
				),
			},
			{ continueOnFail: true, items: [{ json: {} }, { json: {} }] },
		);
		const orderId = output[0].json.OrderID as number;
		expect(output[1].json.error).toMatch(/Line 1: AccountCode "70-00" is not a whole number/);
		const [post] = received(emulator, { method: 'POST', path: '/v1/orders' });
		expect((post.json as { OrderLines: unknown[] }).OrderLines[0]).toMatchObject({ AccountCode: 700000 });

		await runBillit(emulator, {
			resource: 'invoice',
			operation: 'update',
			orderId: locator(orderId),
			updateFields: { AccountCode: '604000' },
		});
		expect(received(emulator, { method: 'PATCH' }).map((entry) => entry.json)).toEqual([
			{ AccountCode: 604000 },
		]);
		await expect(
			runBillit(emulator, {
				resource: 'invoice',
				operation: 'update',
				orderId: locator(orderId),
				updateFields: { AccountCode: 'sales' },
			}),
		).rejects.toThrow(/Account Code "sales" is not a whole number/);
	});

	it('uses an existing party as customer', async () => {
		const parties = emulator.admin.seed({ partyId: COMPANY, parties: 1 }).PartyIDs;
		const orderId = await createInvoice({ customerMode: 'party', partyId: locator(parties[0]) });
		const [post] = received(emulator, { method: 'POST', path: '/v1/orders' });
		expect((post.json as { Customer: { PartyID: number } }).Customer.PartyID).toBe(parties[0]);
		expect(orderId).toBeGreaterThan(0);
	});
});
