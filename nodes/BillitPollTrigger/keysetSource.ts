/**
 * Changed and deleted invoices: keyset on (LastModified, OrderID) after the stored cursor, plus a
 * bounded set of OrderIDs already emitted at the cursor's timestamp. The set catches a document
 * that shows up later with exactly that timestamp and a lower OrderID (committed late), which the
 * strict keyset comparison alone would skip, without emitting the others twice.
 */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { and, compare, compareReturnedDate } from '../../lib/billit/listing/filters';
import { KEYSET_ORDER_BY, keyOf, walkKeyset, type KeysetCursor } from '../../lib/billit/listing/keyset';
import { SeenSet } from '../../lib/billit/state/seen-set';
import { PAGE_SIZE, listPage } from './request';
import type { PollSettings } from './settings';
import type { PollState } from './state';

const MAX_TIED_IDS = 5000;

function sameInstant(a: string | undefined, b: string): boolean {
	return a !== undefined && Date.parse(a) === Date.parse(b);
}

function pathFor(settings: PollSettings): string {
	return settings.event === 'deletedInvoice' ? '/v1/orders/deleted' : '/v1/orders';
}

function filterFor(settings: PollSettings): string | undefined {
	return settings.event === 'deletedInvoice' ? undefined : settings.filter;
}

/** Documents at exactly the cursor's timestamp with a lower OrderID that were not emitted yet. */
async function lateTies(
	this: IPollFunctions,
	settings: PollSettings,
	cursor: KeysetCursor,
	tied: SeenSet,
): Promise<IDataObject[]> {
	// A full set cannot tell emitted from new any more: skip rather than repeat.
	if (cursor.orderId <= 0 || tied.size >= MAX_TIED_IDS) return [];
	const { rows } = await listPage.call(this, pathFor(settings), {
		filter: and(
			filterFor(settings),
			compareReturnedDate('LastModified', 'eq', cursor.lastModified),
			compare('OrderID', 'lt', cursor.orderId),
		),
		orderBy: KEYSET_ORDER_BY,
		top: Math.min(settings.maxDocuments, MAX_TIED_IDS),
	});
	const now = Date.now();
	return rows.filter((row) => !tied.has(String(row.OrderID), now));
}

/**
 * "Now" is the newest document's own key (Billit's clock and zone, not this machine's); the
 * documents sharing its timestamp count as seen.
 */
async function startAtNewest(this: IPollFunctions, settings: PollSettings, state: PollState): Promise<IDataObject[]> {
	const [newest] = await sampleKeyset.call(this, settings);
	if (!newest) return [];
	const cursor = keyOf(newest);
	const tied = SeenSet.in(state as Record<string, unknown>, 'tiedIds', { maxEntries: MAX_TIED_IDS });
	const now = Date.now();
	for (const row of [newest, ...(await lateTies.call(this, settings, cursor, tied))]) tied.add(String(row.OrderID), now);
	state.cursor = cursor;
	return [];
}

export async function pollKeyset(
	this: IPollFunctions,
	settings: PollSettings,
	state: PollState,
): Promise<IDataObject[]> {
	if (!state.started) {
		state.started = true;
		if (!state.cursor) {
			state.tiedIds = {};
			if (!settings.startDate) return await startAtNewest.call(this, settings, state);
			state.cursor = { lastModified: settings.startDate, orderId: 0 };
		}
	}
	const cursor = state.cursor;
	const tied = SeenSet.in(state as Record<string, unknown>, 'tiedIds', { maxEntries: MAX_TIED_IDS });
	const late = cursor ? await lateTies.call(this, settings, cursor, tied) : [];
	const { rows, cursor: walked } = await walkKeyset(
		async (request) =>
			await listPage.call(this, pathFor(settings), {
				filter: request.filter,
				orderBy: request.orderBy,
				top: request.top,
			}),
		{
			filter: filterFor(settings),
			pageSize: Math.min(settings.maxDocuments, PAGE_SIZE),
			limit: Math.max(settings.maxDocuments - late.length, 0),
			after: cursor,
		},
	);
	const emitted = [...late, ...rows];
	// Late ties sit below the cursor, so only the walk moves it.
	const next = walked ?? cursor;
	if (!next) return emitted;
	if (!cursor || !sameInstant(cursor.lastModified, next.lastModified)) tied.clear();
	const now = Date.now();
	for (const row of emitted) {
		if (sameInstant(row.LastModified as string | undefined, next.lastModified)) tied.add(String(row.OrderID), now);
	}
	state.cursor = next;
	return emitted;
}

/** The most recently changed (or deleted) document, for the editor's "fetch test event". */
export async function sampleKeyset(this: IPollFunctions, settings: PollSettings): Promise<IDataObject[]> {
	const { rows } = await listPage.call(this, pathFor(settings), {
		filter: filterFor(settings),
		orderBy: 'LastModified desc,OrderID desc',
		top: 1,
	});
	return rows;
}
