/**
 * What the poll trigger keeps in the node's workflow static data between polls. n8n saves it after
 * the poll emitted, before the workflow ran: the trigger is at least once, never exactly once.
 */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import type { KeysetCursor } from '../../lib/billit/listing/keyset';
import type { SeenRecord } from '../../lib/billit/state/seen-set';

export type PollEvent =
	| 'newInvoice'
	| 'changedInvoice'
	| 'deletedInvoice'
	| 'newIncomingInvoice'
	| 'newPeppolInboxItem';

export interface PollState {
	/** The event the state belongs to; another event starts afresh. */
	event?: PollEvent;
	/** Changed and deleted invoices: whether the first poll fixed where to start. */
	started?: boolean;
	/** Changed and deleted invoices: the last key emitted; none while nothing was seen yet. */
	cursor?: KeysetCursor;
	/** OrderIDs emitted whose LastModified equals the cursor's (late equal timestamps). */
	tiedIds?: SeenRecord;
	/** New (incoming) invoices: the highest OrderID emitted. */
	afterOrderId?: number;
	/** New (incoming) invoices with a chosen start date: only those created since. */
	createdFrom?: string;
	/** Peppol inbox items emitted and still waiting in the inbox. */
	inboxSeen?: SeenRecord;
}

/** The node's poll state for the event, reset when the event was changed. */
export function pollState(this: IPollFunctions, event: PollEvent): PollState {
	const staticData = this.getWorkflowStaticData('node') as IDataObject & PollState;
	if (staticData.event !== event) {
		for (const key of Object.keys(staticData)) delete staticData[key];
		staticData.event = event;
	}
	return staticData;
}
