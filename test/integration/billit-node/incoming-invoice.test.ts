import { describe, expect, it } from 'vitest';
import { locator, perItem } from '../../support/fake-n8n/execute';
import { COMPANY, jsonOf, received, runBillit, useBillitEmulator } from './harness';

const emulator = useBillitEmulator();

async function createPurchase(orderNumber: string, orderType = 'Invoice'): Promise<number> {
	const { output } = await runBillit(emulator, {
		resource: 'invoice',
		operation: 'create',
		orderType,
		orderDirection: 'Cost',
		customerMode: 'fields',
		customer: { Name: 'Supplier NV', VATNumber: 'BE0999999922', CountryCode: 'BE' },
		linesInput: 'fields',
		lines: { line: [{ Description: 'Paper', Quantity: 1, UnitPriceExcl: 40, VATPercentage: 21 }] },
		additionalFields: { OrderNumber: orderNumber },
	});
	return output[0].json.OrderID as number;
}

const orders = () => emulator.store.companyData(COMPANY).orders;

describe('Incoming Invoice', () => {
	it('lists purchase invoices and credit notes not exported yet (flag), then marks one exported once', async () => {
		const first = await createPurchase('P-1');
		const second = await createPurchase('P-2', 'CreditNote');
		const offer = await createPurchase('P-3', 'Offer');
		orders().get(second)!.ExportedToConnector = true;
		emulator.admin.seed({ partyId: COMPANY, invoices: 2 });
		emulator.admin.clearRequests();

		const { output } = await runBillit(emulator, {
			resource: 'incomingInvoice',
			operation: 'getMany',
			returnAll: true,
			notExportedOnly: true,
			exportMarker: 'flag',
			filters: {},
			options: {},
		});
		expect(jsonOf(output).map((order) => order.OrderID)).toEqual([first]);
		expect(output.map((item) => item.json.OrderID)).not.toContain(offer);
		expect(received(emulator, { path: '/v1/orders' })[0].params.get('$filter')).toContain(
			'ExportedToConnector eq false',
		);

		const mark = {
			resource: 'incomingInvoice',
			operation: 'markExported',
			orderId: locator(first),
			exportMarker: 'flag',
		};
		const { output: marked } = await runBillit(emulator, mark);
		expect(marked[0].json).toMatchObject({
			OrderID: first,
			alreadyMarked: false,
			ExportedToConnector: true,
		});
		const { output: again } = await runBillit(emulator, mark);
		expect(again[0].json).toMatchObject({ alreadyMarked: true });
		expect(received(emulator, { method: 'PATCH' }).map((entry) => entry.json)).toEqual([
			{ ExportedToConnector: true },
		]);
	});

	it('uses IsSent, as Billit recommends, when a version 2 node names no marker; version 1 keeps the connector flag', async () => {
		const first = await createPurchase('P-40');
		const sent = await createPurchase('P-41');
		orders().get(sent)!.IsSent = true;
		emulator.admin.clearRequests();
		const list = { resource: 'incomingInvoice', operation: 'getMany', returnAll: true, notExportedOnly: true, filters: {}, options: {} };

		const { output } = await runBillit(emulator, list, { node: { typeVersion: 2 } });
		expect(jsonOf(output).map((order) => order.OrderID)).toEqual([first]);
		expect(received(emulator, { path: '/v1/orders' })[0].params.get('$filter')).toContain('IsSent eq false');
		const { output: marked } = await runBillit(
			emulator,
			{ resource: 'incomingInvoice', operation: 'markExported', orderId: locator(first) },
			{ node: { typeVersion: 2 } },
		);
		expect(marked[0].json).toMatchObject({ OrderID: first, marker: 'isSent', IsSent: true });
		expect(received(emulator, { method: 'PATCH' }).map((entry) => entry.json)).toEqual([{ IsSent: true }]);

		emulator.admin.clearRequests();
		await runBillit(emulator, list, { node: { typeVersion: 1 } });
		expect(received(emulator, { path: '/v1/orders' })[0].params.get('$filter')).toContain('ExportedToConnector eq false');
	});

	it('filters by a tag or a custom field marker, leaving the connector flag to Billit', async () => {
		const tagged = await createPurchase('P-10');
		const plain = await createPurchase('P-11');
		const fielded = await createPurchase('P-12');
		orders().get(tagged)!.Tags = ['exported-n8n'];
		orders().get(plain)!.ExportedToConnector = true;
		orders().get(fielded)!.CustomFields = { ExportedByN8n: '2026-11-25' };
		const list = {
			resource: 'incomingInvoice',
			operation: 'getMany',
			returnAll: true,
			notExportedOnly: true,
			filters: {},
			options: {},
		};

		const { output: byTag } = await runBillit(emulator, {
			...list,
			exportMarker: 'tag',
			exportMarkerTag: 'exported-n8n',
		});
		expect(
			jsonOf(byTag)
				.map((order) => order.OrderID)
				.sort(),
		).toEqual([plain, fielded].sort());
		const { output: byField } = await runBillit(emulator, {
			...list,
			exportMarker: 'customField',
			exportMarkerField: 'ExportedByN8n',
		});
		expect(
			jsonOf(byField)
				.map((order) => order.OrderID)
				.sort(),
		).toEqual([tagged, plain].sort());
		// The limit counts invoices after the marker check, not before it.
		const { output: firstUnmarked } = await runBillit(emulator, {
			...list,
			returnAll: false,
			limit: 1,
			exportMarker: 'tag',
			exportMarkerTag: 'exported-n8n',
		});
		expect(jsonOf(firstUnmarked).map((order) => order.OrderID)).toEqual([plain]);
	});

	it('sends the tag marker as a PATCH keeping the other tags, and reports Billit refusing it clearly', async () => {
		const orderId = await createPurchase('P-20');
		orders().get(orderId)!.Tags = ['urgent'];
		const { output } = await runBillit(
			emulator,
			{
				resource: 'incomingInvoice',
				operation: 'markExported',
				orderId: locator(orderId),
				exportMarker: 'tag',
				exportMarkerTag: 'exported-n8n',
			},
			{ continueOnFail: true },
		);
		const [patch] = received(emulator, { method: 'PATCH' });
		expect(patch.json).toEqual({ Tags: ['urgent', 'exported-n8n'] });
		// The emulator follows Billit's documented patchable fields, which do not include Tags.
		expect(patch.status).toBe(400);
		expect(output[0].json.error).toMatch(/FieldNotPatchable/);
		expect(output[0].pairedItem).toEqual({ item: 0 });
	});

	it('gets one incoming invoice, refuses a sales invoice, and downloads its files', async () => {
		const orderId = await createPurchase('P-30');
		const sales = emulator.admin.seed({ partyId: COMPANY, invoices: 1 }).OrderIDs[0];
		const { output } = await runBillit(
			emulator,
			{
				resource: 'incomingInvoice',
				operation: 'get',
				options: { simplify: true },
				orderId: perItem(locator(orderId), locator(sales)),
			},
			{ continueOnFail: true, items: [{ json: {} }, { json: {} }] },
		);
		expect(output[0].json).toMatchObject({
			OrderID: orderId,
			OrderDirection: 'Cost',
			CounterPartyName: 'Supplier NV',
		});
		expect(output[1].json.error).toMatch(/is a sales document/);

		const { output: missing } = await runBillit(
			emulator,
			{
				resource: 'incomingInvoice',
				operation: 'download',
				orderId: locator(orderId),
				file: 'ubl',
				binaryPropertyName: 'data',
				options: {},
			},
			{ continueOnFail: true },
		);
		expect(missing[0].json.error).toMatch(/P-30 has no UBL file/);
	});

	it('exports without a marker (watermark): nothing is patched, a marked invoice is not listed again, an unmarked one is', async () => {
		const first = await createPurchase('P-60');
		const second = await createPurchase('P-61');
		const staticData = {};
		const list = {
			resource: 'incomingInvoice',
			operation: 'getMany',
			returnAll: true,
			notExportedOnly: true,
			exportMarker: 'watermark',
			filters: {},
			options: {},
		};
		const listed = async () =>
			jsonOf((await runBillit(emulator, list, { staticData })).output).map((order) => order.OrderID);

		expect(await listed()).toEqual([first, second]);
		const { output } = await runBillit(
			emulator,
			{ resource: 'incomingInvoice', operation: 'markExported', orderId: locator(first), exportMarker: 'watermark' },
			{ staticData },
		);
		expect(output[0].json).toMatchObject({ OrderID: first, recorded: true, watermark: { OrderID: first } });
		expect(await listed()).toEqual([second]);
		expect(received(emulator, { method: 'PATCH' })).toEqual([]);
	});
});

describe('Invoice create whose outcome is unknown', () => {
	it('checks by invoice number and does not create a duplicate when the answer was lost', async () => {
		emulator.admin.addFault({ kind: 'dropAfter', method: 'POST', path: '/v1/orders', count: 1 });
		const orderId = await createPurchase('P-LOST');
		const creates = received(emulator, { method: 'POST', path: '/v1/orders' });
		expect(creates).toHaveLength(1);
		const lookups = received(emulator, { method: 'GET', path: '/v1/orders' });
		expect(lookups[0].params.get('$filter')).toContain("OrderNumber eq 'P-LOST'");
		const numbered = [...orders().values()].filter((order) => order.OrderNumber === 'P-LOST');
		expect(numbered.map((order) => order.OrderID)).toEqual([orderId]);
	});

	it('retries when the lookup finds nothing because the request never arrived', async () => {
		emulator.admin.addFault({ kind: 'dropBefore', method: 'POST', path: '/v1/orders', count: 1 });
		const orderId = await createPurchase('P-NEVER');
		expect(
			[...orders().values()]
				.filter((order) => order.OrderNumber === 'P-NEVER')
				.map((o) => o.OrderID),
		).toEqual([orderId]);
		expect(
			received(emulator, { method: 'POST', path: '/v1/orders' }).length,
		).toBeGreaterThanOrEqual(1);
	});
});
