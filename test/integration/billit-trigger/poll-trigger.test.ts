import type { IDataObject } from 'n8n-workflow';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../../emulator';
import { BillitPollTrigger } from '../../../nodes/BillitPollTrigger/BillitPollTrigger.node';
import { COMPANY, credentialsFor, received, startBillitEmulator } from '../billit-node/harness';
import { fakeTrigger, type FakeTrigger } from '../../support/fake-n8n/trigger';

const node = new BillitPollTrigger();
let emulator: Emulator;

beforeAll(async () => {
	emulator = await startBillitEmulator();
});
afterAll(async () => {
	await emulator.stop();
});
beforeEach(() => {
	emulator.admin.reset();
	emulator.admin.setSwitches({ lastModifiedTies: true, pageSize: 30, rateLimitPerSecond: 0 });
});

function pollTrigger(event: string, extra: IDataObject = {}): FakeTrigger {
	return fakeTrigger({
		parameters: { authentication: 'apiKey', event, maxDocuments: 40, filters: {}, ...extra },
		credentials: credentialsFor(emulator),
	});
}

async function poll(trigger: FakeTrigger): Promise<number[]> {
	const result = await node.poll.call(trigger.context);
	return (result?.[0] ?? []).map((item) => item.json.OrderID as number);
}

function expectEachOnce(emitted: number[], expected: number[]) {
	const counts = new Map<number, number>();
	for (const id of emitted) counts.set(id, (counts.get(id) ?? 0) + 1);
	expect([...counts.values()].every((count) => count === 1)).toBe(true);
	expect(expected.every((id) => counts.get(id) === 1)).toBe(true);
}

describe.each(['changedInvoice', 'newInvoice'])('Billit Poll Trigger (%s)', (event) => {
	it('emits 250 invoices arriving across polls with equal timestamps exactly once', async () => {
		// The emulator repeats its last stamp, which is older than "now": start before it and take
		// the demo documents first, so that only the 250 arrive afterwards.
		const trigger = pollTrigger(event, { startFrom: 'date', startDate: '2000-01-01T00:00:00Z' });
		while ((await poll(trigger)).length > 0);
		const created: number[] = [];
		const emitted: number[] = [];
		for (let batch = 0; batch < 5; batch++) {
			created.push(...emulator.admin.seed({ partyId: COMPANY, invoices: 50 }).OrderIDs);
			const ids = await poll(trigger);
			expect(ids.length).toBeLessThanOrEqual(40);
			emitted.push(...ids);
		}
		for (let ids = await poll(trigger); ids.length > 0; ids = await poll(trigger)) emitted.push(...ids);
		const stamps = new Set(created.map((id) => emulator.store.companyData(COMPANY).orders.get(id)!.LastModified));
		expect(stamps.size).toBe(1);
		expectEachOnce(emitted, created);
		expect(emitted).toHaveLength(250);
	});

	it('starts at the newest document when started "now" and emits what changes over several polls', async () => {
		emulator.admin.setSwitches({ lastModifiedTies: false, pageSize: 3 });
		emulator.admin.seed({ partyId: COMPANY, invoices: 4 });
		const trigger = pollTrigger(event, { maxDocuments: 10 });
		expect(await poll(trigger)).toEqual([]);
		const emitted: number[] = [];
		const created: number[] = [];
		for (let round = 0; round < 3; round++) {
			created.push(...emulator.admin.seed({ partyId: COMPANY, invoices: 4 }).OrderIDs);
			emitted.push(...(await poll(trigger)));
		}
		expectEachOnce(emitted, created);
		expect(emitted).toHaveLength(12);
		expect(await poll(trigger)).toEqual([]);
	});

	it('returns a sample in manual mode without moving the watermark', async () => {
		const trigger = pollTrigger(event, { startFrom: 'date', startDate: '2000-01-01T00:00:00Z' });
		while ((await poll(trigger)).length > 0);
		const before = JSON.stringify(trigger.staticData);
		const created = emulator.admin.seed({ partyId: COMPANY, invoices: 3 }).OrderIDs;
		trigger.setMode('manual');
		expect(await poll(trigger)).toHaveLength(1);
		expect(JSON.stringify(trigger.staticData)).toBe(before);
		trigger.setMode('trigger');
		expect((await poll(trigger)).sort()).toEqual([...created].sort());
	});
});

describe('Billit Poll Trigger: start date and other events', () => {
	it("sends the cursor back as Billit's own LastModified text in a DateTime literal", async () => {
		emulator.admin.setSwitches({ lastModifiedTies: false, pageSize: 3 });
		const created = emulator.admin.seed({ partyId: COMPANY, invoices: 7 }).OrderIDs;
		const trigger = pollTrigger('changedInvoice', { startFrom: 'date', startDate: '2000-01-01T00:00:00', maxDocuments: 100 });
		emulator.admin.clearRequests();
		const ids = await poll(trigger);
		expectEachOnce(ids, created);
		const filters = received(emulator, { method: 'GET', path: '/v1/orders' }).map((entry) => entry.params.get('$filter') ?? '');
		expect(filters.length).toBeGreaterThanOrEqual(3);
		expect(filters[0]).toContain("LastModified gt DateTime'2000-01-01T00:00:00'");
		const stamps = new Set(created.map((id) => emulator.store.companyData(COMPANY).orders.get(id)!.LastModified));
		const cursors = filters.slice(1).map((filter) => /LastModified gt DateTime'([^']+)'/.exec(filter)?.[1]);
		expect(cursors.every((cursor) => cursor !== undefined && stamps.has(cursor))).toBe(true);
	});

	it('backfills from a chosen date in bounded batches', async () => {
		emulator.admin.setSwitches({ lastModifiedTies: false });
		const created = emulator.admin.seed({ partyId: COMPANY, invoices: 90 }).OrderIDs;
		const trigger = pollTrigger('changedInvoice', { startFrom: 'date', startDate: '2000-01-01T00:00:00Z' });
		const batches: number[][] = [];
		for (let ids = await poll(trigger); ids.length > 0; ids = await poll(trigger)) batches.push(ids);
		expect(batches.every((batch) => batch.length <= 40)).toBe(true);
		expectEachOnce(batches.flat(), created);
	});

	it('emits deleted invoices once', async () => {
		const [a, b] = emulator.admin.seed({ partyId: COMPANY, invoices: 2 }).OrderIDs;
		const trigger = pollTrigger('deletedInvoice');
		await poll(trigger);
		const orders = emulator.store.companyData(COMPANY);
		for (const id of [a, b]) {
			const response = await fetch(`${emulator.url}/v1/orders/${id}`, {
				method: 'DELETE',
				headers: { ApiKey: credentialsFor(emulator).billitApi.apiKey, PartyID: String(COMPANY) },
			});
			expect(response.status).toBe(200);
		}
		expect(orders.deletedOrders.size).toBe(2);
		expect((await poll(trigger)).sort()).toEqual([a, b].sort());
		expect(await poll(trigger)).toEqual([]);
	});

	it('emits each waiting Peppol inbox item once and forgets confirmed ones', async () => {
		emulator.admin.seedInbox({ partyId: COMPANY, count: 3 });
		const trigger = pollTrigger('newPeppolInboxItem');
		const first = await node.poll.call(trigger.context);
		const items = (first?.[0] ?? []).map((item) => item.json.InboxItemID as number);
		expect(items).toHaveLength(3);
		expect(await node.poll.call(trigger.context)).toBeNull();
		emulator.store.companyData(COMPANY).inbox.splice(0, 1);
		expect(Object.keys(trigger.staticData.inboxSeen as object)).toHaveLength(3);
		expect(await node.poll.call(trigger.context)).toBeNull();
		expect(Object.keys(trigger.staticData.inboxSeen as object)).toHaveLength(2);
	});
});
