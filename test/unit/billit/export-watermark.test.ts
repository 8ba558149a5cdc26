import { describe, expect, it } from 'vitest';
import {
	beginRun,
	markDone,
	readWatermark,
} from '../../../lib/billit/state/export-watermark';

const row = (OrderID: number, second: number) => ({
	OrderID,
	LastModified: `2026-03-01T10:00:${String(second).padStart(2, '0')}.000Z`,
});

describe('export watermark', () => {
	it('moves only over the exported front of what the run listed, in keyset order', () => {
		// Listed out of key order (an invoice edited during the walk keeps its first position).
		let state = beginRun(readWatermark(undefined), [row(1, 1), row(3, 5), row(2, 3)]);
		state = markDone(state, 3).state;
		expect(state.cursor).toBeUndefined();
		state = markDone(state, 1).state;
		expect(state.cursor).toEqual({
			orderId: 1,
			lastModified: row(1, 1).LastModified,
		});
		state = markDone(state, 2).state;
		expect(state.cursor).toEqual({
			orderId: 3,
			lastModified: row(3, 5).LastModified,
		});
		expect(state.pending).toEqual([]);
	});

	it('keeps the cursor for an order the run did not list, and a new run forgets the old one', () => {
		const start = beginRun(readWatermark(undefined), [row(1, 1)]);
		expect(markDone(start, 9)).toEqual({ state: start, listed: false });
		const done = markDone(start, 1).state;
		const next = beginRun(done, [row(4, 7)]);
		expect(next.cursor).toEqual(done.cursor);
		expect(markDone(next, 1).listed).toBe(false);
	});

	it('reads what an empty or foreign store holds as no watermark', () => {
		expect(readWatermark(undefined)).toEqual({
			cursor: undefined,
			pending: [],
			done: [],
		});
		expect(readWatermark({ pending: 'x' })).toEqual({
			cursor: undefined,
			pending: [],
			done: [],
		});
	});
});
