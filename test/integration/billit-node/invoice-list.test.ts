import { describe, expect, it } from 'vitest';
import { touchOrder } from '../../../emulator/order-model';
import { billitAuthenticate } from '../../support/fake-n8n/execute';
import { COMPANY, jsonOf, received, runBillit, useBillitEmulator } from './harness';

const emulator = useBillitEmulator({ pageSize: 2 });

function seedInvoices(count: number): number[] {
	return emulator.admin.seed({ partyId: COMPANY, invoices: count }).OrderIDs;
}

const getMany = { resource: 'invoice', operation: 'getMany', filters: {}, options: {} };

describe('Invoice: Get Many', () => {
	it('walks three capped pages with Return All in keyset order', async () => {
		const ids = seedInvoices(5);
		emulator.admin.clearRequests();
		const { output } = await runBillit(emulator, { ...getMany, returnAll: true });
		expect(output.map((item) => item.json.OrderID).sort()).toEqual([...ids].sort());
		const lists = received(emulator, { method: 'GET', path: '/v1/orders' });
		expect(lists.length).toBeGreaterThanOrEqual(3);
		expect(lists[0].params.get('$orderby')).toBe('LastModified asc,OrderID asc');
		// The cursor is Billit's own LastModified text of the page's last row, in an OData v3 literal.
		const cursor = output[1].json;
		expect(lists[1].params.get('$filter')).toBe(
			`(LastModified gt DateTime'${String(cursor.LastModified)}') or ((LastModified eq DateTime'${String(cursor.LastModified)}') and (OrderID gt ${String(cursor.OrderID)}))`,
		);
		expect(
			output.every((item) => item.pairedItem && (item.pairedItem as { item: number }).item === 0),
		).toBe(true);
	});

	it('follows NextPageLink over three pages when sorted by invoice date', async () => {
		seedInvoices(5);
		emulator.admin.clearRequests();
		const { output } = await runBillit(emulator, {
			...getMany,
			returnAll: true,
			options: { sort: 'orderDateDesc' },
		});
		expect(output).toHaveLength(5);
		const lists = received(emulator, { method: 'GET', path: '/v1/orders' });
		expect(lists).toHaveLength(3);
		expect(lists[0].params.get('$orderby')).toBe('OrderDate desc');
		const dates = jsonOf(output).map((order) => String(order.OrderDate));
		expect([...dates].sort().reverse()).toEqual(dates);
	});

	it('stops at the limit', async () => {
		seedInvoices(5);
		const { output } = await runBillit(emulator, { ...getMany, returnAll: false, limit: 3 });
		expect(output).toHaveLength(3);
	});

	it('loses and repeats nothing while invoices are edited between pages', async () => {
		const ids = seedInvoices(6);
		const orders = emulator.store.companyData(COMPANY).orders;
		let listRequests = 0;
		const { output } = await runBillit(
			emulator,
			{ ...getMany, returnAll: true },
			{
				authenticate: (type, credentials, request) => {
					billitAuthenticate(type, credentials, request);
					if (!request.url.endsWith('/v1/orders')) return;
					listRequests += 1;
					// Before the second page: edit an invoice already returned and one not returned yet.
					if (listRequests === 2) {
						for (const id of [ids[0], ids[5]]) {
							const order = orders.get(id)!;
							order.InternalInfo = 'edited during the listing';
							touchOrder(emulator.store, COMPANY, order);
						}
					}
				},
			},
		);
		const returned = output.map((item) => item.json.OrderID as number);
		expect([...returned].sort()).toEqual([...ids].sort());
		expect(new Set(returned).size).toBe(returned.length);
		const editedLater = output.find((item) => item.json.OrderID === ids[5]);
		expect(editedLater?.json.InternalInfo).toBe('edited during the listing');
	});

	it('builds the OData filter from the UI fields and a raw filter', async () => {
		seedInvoices(2);
		emulator.admin.clearRequests();
		await runBillit(emulator, {
			...getMany,
			returnAll: true,
			filters: {
				orderType: 'Invoice',
				orderDirection: 'Income',
				paid: false,
				orderDateFrom: '2020-01-01',
				raw: 'TotalIncl gt 0',
			},
		});
		const [first] = received(emulator, { method: 'GET', path: '/v1/orders' });
		expect(first.params.get('$filter')).toBe(
			"(OrderType eq 'Invoice') and (OrderDirection eq 'Income') and (OrderDate ge DateTime'2020-01-01') and (Paid eq false) and (TotalIncl gt 0)",
		);
	});

	it('splits lines into one item per line with the header fields', async () => {
		seedInvoices(2);
		const { output } = await runBillit(emulator, {
			...getMany,
			returnAll: true,
			options: { splitLines: true },
		});
		// Each seeded invoice has two lines.
		expect(output).toHaveLength(4);
		expect(output[0].json).toMatchObject({
			LineNumber: 1,
			LineDescription: 'Consultancy (hour)',
			OrderID: expect.any(Number),
		});
		expect(output[1].json).toMatchObject({
			LineNumber: 2,
			LineDescription: 'Handbook',
			OrderID: output[0].json.OrderID,
		});
		expect(output[0].json.CounterPartyName).toBeTruthy();
	});

	it('simplifies', async () => {
		seedInvoices(1);
		const { output } = await runBillit(emulator, {
			...getMany,
			returnAll: true,
			options: { simplify: true },
		});
		expect(Object.keys(output[0].json)).not.toContain('OrderLines');
		expect(output[0].json).toMatchObject({
			OrderID: expect.any(Number),
			CounterPartyName: expect.any(String),
		});
	});
});
