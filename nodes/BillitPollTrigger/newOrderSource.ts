/**
 * New (incoming) invoices: each OrderID once. A LastModified watermark cannot tell a new document
 * from an edited one without remembering every ID ever emitted, so new documents are paged on
 * `OrderID` alone, which Billit hands out in ascending order (assumed: identity numbers); the state
 * is one number.
 */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { and, compare, compareDate } from '../../lib/billit/listing/filters';
import { PAGE_SIZE, listPage } from './request';
import type { PollSettings } from './settings';
import type { PollState } from './state';

const NEWEST_FIRST = 'OrderID desc';
const OLDEST_FIRST = 'OrderID asc';

async function highestOrderId(this: IPollFunctions): Promise<number> {
	const { rows } = await listPage.call(this, '/v1/orders', { orderBy: NEWEST_FIRST, top: 1 });
	const id = rows[0]?.OrderID;
	return typeof id === 'number' ? id : 0;
}

export async function pollNewOrders(
	this: IPollFunctions,
	settings: PollSettings,
	state: PollState,
): Promise<IDataObject[]> {
	if (state.afterOrderId === undefined) {
		if (!settings.startDate) {
			state.afterOrderId = await highestOrderId.call(this);
			return [];
		}
		state.afterOrderId = 0;
		state.createdFrom = settings.startDate;
	}
	const emitted: IDataObject[] = [];
	for (;;) {
		const top = Math.min(PAGE_SIZE, settings.maxDocuments - emitted.length);
		if (top <= 0) break;
		const { rows, hasMore } = await listPage.call(this, '/v1/orders', {
			filter: and(
				settings.filter,
				state.createdFrom ? compareDate('Created', 'ge', state.createdFrom) : undefined,
				compare('OrderID', 'gt', state.afterOrderId),
			),
			orderBy: OLDEST_FIRST,
			top,
		});
		const fresh = rows.filter((row) => typeof row.OrderID === 'number' && row.OrderID > state.afterOrderId!);
		emitted.push(...fresh);
		for (const row of fresh) state.afterOrderId = Math.max(state.afterOrderId, row.OrderID as number);
		if (!hasMore || fresh.length === 0) break;
	}
	return emitted;
}

export async function sampleNewOrders(this: IPollFunctions, settings: PollSettings): Promise<IDataObject[]> {
	const { rows } = await listPage.call(this, '/v1/orders', { filter: settings.filter, orderBy: NEWEST_FIRST, top: 1 });
	return rows;
}
