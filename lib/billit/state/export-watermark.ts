/**
 * Export without a marker in Billit: a keyset watermark (LastModified, OrderID) that moves past an
 * invoice only once it and every invoice listed before it are marked exported. A failed invoice
 * keeps the watermark in front of it, so the next run lists it again (with the invoices after it,
 * whose uploads are idempotent).
 */
import { compareKeys, keyOf, type KeysetCursor, type KeysetRow } from '../listing/keyset';

export interface WatermarkState {
	/** Everything up to and including this key is exported. */
	cursor?: KeysetCursor;
	/** Keys listed by the last run and not exported yet, in keyset order. */
	pending: KeysetCursor[];
	/** Order IDs of the pending keys that are exported already. */
	done: number[];
}

/** Reads a stored state, tolerating what an older or hand-edited store holds. */
export function readWatermark(stored: unknown): WatermarkState {
	const value = (stored ?? {}) as Partial<WatermarkState>;
	return {
		cursor: value.cursor,
		pending: Array.isArray(value.pending) ? value.pending : [],
		done: Array.isArray(value.done) ? value.done : [],
	};
}

/** A new run listed these rows (all after the cursor): they are what the watermark waits for. */
export function beginRun(state: WatermarkState, rows: KeysetRow[]): WatermarkState {
	const pending = rows.map(keyOf).sort(compareKeys);
	return { cursor: state.cursor, pending, done: [] };
}

/**
 * Records that an order is exported and moves the cursor over the exported front of the pending
 * keys. `listed` is false when the order was not listed by the last run (the cursor stays).
 */
export function markDone(
	state: WatermarkState,
	orderId: number,
): { state: WatermarkState; listed: boolean } {
	if (!state.pending.some((key) => key.orderId === orderId)) return { state, listed: false };
	const done = new Set([...state.done, orderId]);
	const pending = [...state.pending];
	let cursor = state.cursor;
	while (pending.length > 0 && done.has(pending[0].orderId)) {
		const key = pending.shift()!;
		done.delete(key.orderId);
		if (!cursor || compareKeys(key, cursor) > 0) cursor = key;
	}
	return { state: { cursor, pending, done: [...done] }, listed: true };
}
