/**
 * Keyset paging over orders on (`LastModified`, `OrderID`). Offset paging ($skip / NextPageLink)
 * drops a document when one seen earlier is edited between pages (everything after it shifts by
 * one); asking each time for "after the last key seen" does not. Shared by Get Many and the poll
 * trigger.
 */
import { and, compare, compareReturnedDate, or } from './filters';

export interface KeysetCursor {
	/** Billit's own `LastModified` text (or a start date in the documented form), sent back verbatim. */
	lastModified: string;
	orderId: number;
}

export interface KeysetRow {
	LastModified?: string;
	OrderID?: number;
}

/** Ascending order for keyset pages: the newest change comes last. */
export const KEYSET_ORDER_BY = 'LastModified asc,OrderID asc';

/** The clause selecting rows strictly after the cursor; undefined for the first page. */
export function keysetFilter(cursor: KeysetCursor | undefined): string | undefined {
	if (!cursor) return undefined;
	return or(
		compareReturnedDate('LastModified', 'gt', cursor.lastModified),
		and(
			compareReturnedDate('LastModified', 'eq', cursor.lastModified),
			compare('OrderID', 'gt', cursor.orderId),
		),
	);
}

function instant(value: string): number {
	const time = Date.parse(value);
	if (Number.isNaN(time)) throw new Error(`"${value}" is not a LastModified date`);
	return time;
}

/** Orders two keys; negative when `a` comes first. */
export function compareKeys(a: KeysetCursor, b: KeysetCursor): number {
	return instant(a.lastModified) - instant(b.lastModified) || a.orderId - b.orderId;
}

/** The key of a row; throws when the row lacks `LastModified` or `OrderID`. */
export function keyOf(row: KeysetRow): KeysetCursor {
	if (typeof row.LastModified !== 'string' || typeof row.OrderID !== 'number') {
		throw new Error('Keyset paging needs LastModified and OrderID on every order');
	}
	return { lastModified: row.LastModified, orderId: row.OrderID };
}

/** The furthest key among the cursor and the rows, so the watermark never moves backwards. */
export function advanceCursor(
	cursor: KeysetCursor | undefined,
	rows: KeysetRow[],
): KeysetCursor | undefined {
	return rows.reduce<KeysetCursor | undefined>((furthest, row) => {
		const key = keyOf(row);
		return !furthest || compareKeys(key, furthest) > 0 ? key : furthest;
	}, cursor);
}

export interface KeysetPageRequest {
	/** `$filter`: the caller's filter and the keyset clause joined with `and`. */
	filter: string | undefined;
	orderBy: string;
	top: number;
}

export interface KeysetPage<T> {
	rows: T[];
	/**
	 * Whether the server says more rows follow (a NextPageLink). A server may cap `$top`, so a
	 * page shorter than asked is not by itself the end; absent means "a full page suggests more".
	 */
	hasMore?: boolean;
}

export interface KeysetWalkOptions {
	/** The caller's own filter, kept on every page. */
	filter?: string;
	pageSize: number;
	/** Stop after this many rows; unlimited when absent. */
	limit?: number;
	/** Start after this key (a poll trigger's watermark). */
	after?: KeysetCursor;
}

/**
 * Walks pages after the cursor until the server has no more or the limit is reached. An order edited during the walk
 * comes back with a later key; each OrderID is returned once, at its first position, with its
 * latest content.
 */
export async function walkKeyset<T extends KeysetRow>(
	fetchPage: (request: KeysetPageRequest) => Promise<KeysetPage<T>>,
	options: KeysetWalkOptions,
): Promise<{ rows: T[]; cursor: KeysetCursor | undefined }> {
	if (!Number.isInteger(options.pageSize) || options.pageSize < 1) {
		throw new Error('Keyset page size must be a positive integer');
	}
	const rows: T[] = [];
	const positions = new Map<number, number>();
	let cursor = options.after;
	for (;;) {
		const remaining = options.limit === undefined ? Infinity : options.limit - rows.length;
		if (remaining <= 0) break;
		// Never ask for more than is still wanted, so every row fetched is either kept or a repeat
		// and the cursor can move past the whole page.
		const top = Math.min(options.pageSize, remaining);
		const { rows: page, hasMore } = await fetchPage({
			filter: and(options.filter, keysetFilter(cursor)),
			orderBy: KEYSET_ORDER_BY,
			top,
		});
		const next = advanceCursor(cursor, page);
		for (const row of page) {
			const id = keyOf(row).orderId;
			const position = positions.get(id);
			if (position === undefined) {
				positions.set(id, rows.length);
				rows.push(row);
			} else {
				rows[position] = row;
			}
		}
		if (page.length === 0 || !(hasMore ?? page.length >= top)) {
			cursor = next;
			break;
		}
		if (cursor && next && compareKeys(next, cursor) <= 0) {
			throw new Error('Keyset paging made no progress: the server ignored the LastModified filter');
		}
		cursor = next;
	}
	return { rows, cursor };
}
