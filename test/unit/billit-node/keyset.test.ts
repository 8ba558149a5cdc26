import { describe, expect, it } from 'vitest';
import {
	advanceCursor,
	KEYSET_ORDER_BY,
	keysetFilter,
	walkKeyset,
	type KeysetPageRequest,
} from '../../../lib/billit/listing/keyset';

interface Row {
	OrderID: number;
	LastModified: string;
	Version: number;
}

/** A tiny in-memory order table answering keyset requests the way Billit's OData would. */
function table(count: number) {
	const rows: Row[] = Array.from({ length: count }, (_, i) => ({
		OrderID: i + 1,
		// Pairs of orders share a timestamp so the OrderID tie-break matters.
		LastModified: new Date(Date.UTC(2026, 0, 1, 0, Math.floor(i / 2))).toISOString(),
		Version: 1,
	}));
	let clock = Date.UTC(2026, 1, 1);
	const requests: KeysetPageRequest[] = [];
	return {
		rows,
		requests,
		edit(orderId: number) {
			const row = rows.find((r) => r.OrderID === orderId)!;
			row.Version += 1;
			row.LastModified = new Date((clock += 1000)).toISOString();
		},
		async fetch(request: KeysetPageRequest): Promise<{ rows: Row[] }> {
			requests.push(request);
			const after =
				/LastModified gt DateTime'([^']+)'\) or \(\(LastModified eq DateTime'[^']+'\) and \(OrderID gt (\d+)\)/.exec(
					request.filter ?? '',
				);
			const page = rows
				.filter(
					(r) =>
						!after ||
						Date.parse(r.LastModified) > Date.parse(after[1]) ||
						(Date.parse(r.LastModified) === Date.parse(after[1]) && r.OrderID > Number(after[2])),
				)
				.sort(
					(a, b) =>
						Date.parse(a.LastModified) - Date.parse(b.LastModified) || a.OrderID - b.OrderID,
				)
				.slice(0, request.top)
				.map((r) => ({ ...r }));
			return { rows: page };
		},
	};
}

describe('keysetFilter', () => {
	it('selects rows after the cursor with the OrderID tie-break', () => {
		expect(keysetFilter(undefined)).toBeUndefined();
		expect(keysetFilter({ lastModified: '2026-01-01T00:00:00Z', orderId: 5 })).toBe(
			"(LastModified gt DateTime'2026-01-01T00:00:00Z') or ((LastModified eq DateTime'2026-01-01T00:00:00Z') and (OrderID gt 5))",
		);
	});
});

describe('advanceCursor', () => {
	it('never moves backwards and breaks ties by OrderID', () => {
		const cursor = { lastModified: '2026-01-02T00:00:00Z', orderId: 3 };
		expect(advanceCursor(cursor, [{ LastModified: '2026-01-01T00:00:00Z', OrderID: 9 }])).toEqual(
			cursor,
		);
		expect(
			advanceCursor(cursor, [
				{ LastModified: '2026-01-02T00:00:00.000Z', OrderID: 4 },
				{ LastModified: '2026-01-02T00:00:00Z', OrderID: 2 },
			]),
		).toEqual({ lastModified: '2026-01-02T00:00:00.000Z', orderId: 4 });
	});

	it('throws on rows without keys', () => {
		expect(() => advanceCursor(undefined, [{ OrderID: 1 }])).toThrow(/LastModified and OrderID/);
	});
});

describe('walkKeyset', () => {
	it('walks all pages in key order, keeping the caller filter on every page', async () => {
		const t = table(7);
		const { rows, cursor } = await walkKeyset((r) => t.fetch(r), {
			pageSize: 3,
			filter: 'Paid eq false',
		});
		expect(rows.map((r) => r.OrderID)).toEqual([1, 2, 3, 4, 5, 6, 7]);
		expect(cursor).toEqual({ lastModified: t.rows[6].LastModified, orderId: 7 });
		expect(t.requests).toHaveLength(3);
		expect(t.requests.every((r) => r.orderBy === KEYSET_ORDER_BY)).toBe(true);
		expect(t.requests[0].filter).toBe('Paid eq false');
		expect(t.requests[1].filter).toMatch(/^\(Paid eq false\) and \(\(LastModified gt/);
	});

	it('loses and repeats nothing when orders are edited between pages', async () => {
		const t = table(10);
		let pages = 0;
		const { rows } = await walkKeyset(
			async (request) => {
				const page = await t.fetch(request);
				pages += 1;
				// After the first page: edit one order already seen and one not seen yet.
				if (pages === 1) {
					t.edit(2);
					t.edit(8);
				}
				return page;
			},
			{ pageSize: 4 },
		);
		const ids = rows.map((r) => r.OrderID);
		// Order 8 was edited before it was reached, so it comes last with its new key.
		expect(ids).toEqual([1, 2, 3, 4, 5, 6, 7, 9, 10, 8]);
		expect(rows.find((r) => r.OrderID === 2)?.Version).toBe(2);
		expect(rows.find((r) => r.OrderID === 8)?.Version).toBe(2);
	});

	it('stops at the limit without asking for more than it keeps', async () => {
		const t = table(10);
		const { rows, cursor } = await walkKeyset((r) => t.fetch(r), { pageSize: 4, limit: 6 });
		expect(rows.map((r) => r.OrderID)).toEqual([1, 2, 3, 4, 5, 6]);
		expect(t.requests.map((r) => r.top)).toEqual([4, 2]);
		expect(cursor?.orderId).toBe(6);
	});

	it('keeps going when the server caps the page size but says more follow', async () => {
		const t = table(5);
		const { rows } = await walkKeyset(
			async (request) => {
				const { rows: page } = await t.fetch({ ...request, top: Math.min(request.top, 2) });
				return { rows: page, hasMore: page.length === 2 };
			},
			{ pageSize: 100 },
		);
		expect(rows.map((r) => r.OrderID)).toEqual([1, 2, 3, 4, 5]);
	});

	it('continues after a saved cursor', async () => {
		const t = table(6);
		const { rows } = await walkKeyset((r) => t.fetch(r), {
			pageSize: 10,
			after: { lastModified: t.rows[3].LastModified, orderId: 4 },
		});
		expect(rows.map((r) => r.OrderID)).toEqual([5, 6]);
	});

	it('fails instead of looping when the server ignores the keyset filter', async () => {
		const t = table(4);
		await expect(
			walkKeyset(async (r) => await t.fetch({ ...r, filter: undefined }), { pageSize: 2 }),
		).rejects.toThrow(/no progress/);
	});
});
