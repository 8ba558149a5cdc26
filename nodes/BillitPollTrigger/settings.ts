import type { IPollFunctions } from 'n8n-workflow';
import { and, buildOrderFilter, compare, documentedDate, or, type OrderFilterFields } from '../../lib/billit/listing/filters';
import type { PollEvent } from './state';

export interface PollSettings {
	event: PollEvent;
	/** Where the first poll starts: a date in the form Billit documents, or undefined for "now". */
	startDate?: string;
	maxDocuments: number;
	/** OData filter from the Filters collection, with the event's fixed clauses. */
	filter?: string;
}

const INCOMING: OrderFilterFields = { orderDirection: 'Cost' };

export function readPollSettings(this: IPollFunctions): PollSettings {
	const event = this.getNodeParameter('event') as PollEvent;
	const startFrom = this.getNodeParameter('startFrom', 'now') as string;
	const startDate = startFrom === 'date' ? String(this.getNodeParameter('startDate', '')) : '';
	const filters = this.getNodeParameter('filters', {}) as OrderFilterFields;
	const fixed = event === 'newIncomingInvoice' ? INCOMING : {};
	return {
		event,
		startDate: startDate.trim() === '' ? undefined : documentedDate(startDate),
		maxDocuments: this.getNodeParameter('maxDocuments', 100) as number,
		filter: and(
			buildOrderFilter({
				...filters,
				counterPartyId: filters.counterPartyId ? filters.counterPartyId : undefined,
				...fixed,
			}),
			// Purchase invoices and credit notes; offers and order forms are not incoming invoices.
			event === 'newIncomingInvoice'
				? or(compare('OrderType', 'eq', 'Invoice'), compare('OrderType', 'eq', 'CreditNote'))
				: undefined,
		),
	};
}
