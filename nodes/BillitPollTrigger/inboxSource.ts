/**
 * New Peppol inbox items. The inbox is a queue: Billit shows the first items until they are
 * confirmed or refused, so an item is emitted once while it waits, and forgotten once it left the
 * listing. The remembered set is therefore never larger than the listing.
 */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { billitRequest } from '../../lib/billit/request/request';
import { SeenSet } from '../../lib/billit/state/seen-set';
import type { PeppolInboxItem } from '../../lib/billit/types';
import type { PollSettings } from './settings';
import type { PollState } from './state';

const MAX_REMEMBERED_ITEMS = 1000;

async function listInbox(this: IPollFunctions): Promise<PeppolInboxItem[]> {
	const answer = (await billitRequest.call(this, {
		method: 'GET',
		path: '/v1/peppol/inbox',
	})) as { InboxItems?: PeppolInboxItem[] } | null;
	return answer?.InboxItems ?? [];
}

export async function pollInbox(
	this: IPollFunctions,
	settings: PollSettings,
	state: PollState,
): Promise<IDataObject[]> {
	const items = await listInbox.call(this);
	const seen = SeenSet.in(state as Record<string, unknown>, 'inboxSeen', { maxEntries: MAX_REMEMBERED_ITEMS });
	const listed = items.map((item) => String(item.InboxItemID));
	seen.retainOnly(listed);
	const now = Date.now();
	const fresh = items.filter((item) => !seen.has(String(item.InboxItemID), now)).slice(0, settings.maxDocuments);
	for (const item of fresh) seen.add(String(item.InboxItemID), now);
	return fresh as IDataObject[];
}

export async function sampleInbox(this: IPollFunctions): Promise<IDataObject[]> {
	return (await listInbox.call(this)).slice(0, 1) as IDataObject[];
}
