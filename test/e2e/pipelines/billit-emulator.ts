import { setTimeout } from 'node:timers/promises';

import { inject } from 'vitest';

import { DEMO } from '../../../emulator/seed';
import { N8nHttpError, requestJson } from '../../support/n8n/http';

/** The emulator's rate-limit window is about a second; a test read waits one out a few times at most. */
const RATE_LIMITED_ATTEMPTS = 5;
const RATE_LIMIT_WAIT_MS = 1100;

/** What the pipeline tests read of a Billit order. */
export interface EmulatedPayment {
	PaymentID: number;
	Amount: number;
	Date: string;
	Description: string;
}

export interface EmulatedOrder {
	OrderID: number;
	OrderNumber: string;
	OrderDate: string;
	IsSent: boolean;
	ExportedToConnector: boolean;
	CounterParty: { Name?: string };
}

/** A Peppol inbox item; received invoices also become cost orders (`CostOrderID`) with their UBL. */
export interface EmulatedInboxItem {
	InboxItemID: number;
	PeppolFileID: number;
	PeppolDocumentType: string;
	CreationDate: string;
	CostOrderID?: number;
}

export interface EmulatedFeedConfirmation {
	/** The company that owns the feed (not the item's company). */
	PartyID: number;
	Feed: string;
	FeedItemID: number;
	RemoteServerName?: string;
	RemotePath?: string;
}

/** A bank transaction as Billit lists it (imported from CODA or posted as JSON). */
export interface EmulatedBankTransaction {
	IBAN: string;
	TotalAmount: number;
	BankReference?: string;
	ClientReference?: string;
}

/** One request in the emulator's log (credentials redacted). */
export interface EmulatedRequest {
	method: string;
	path: string;
	status: number;
	body: string;
	headers: Record<string, string>;
}

export interface EmulatedCompany {
	PartyID: number;
	CompanyNumber: string;
}

/** Invoice ids per seeded customer (see `seedInvoicesByCustomer`). */
export interface SeededByCustomer {
	onPeppol: number[];
	emailOnly: number[];
	noContact: number[];
}

/** The demo company the example credentials act for. */
export const DEMO_COMPANY = DEMO.partyIds[0];

/**
 * The e2e run's Billit emulator, seen from a test: its admin API (`/_emulator`) to set the scene,
 * and Billit's own API with the demo API key to read back what a pipeline changed.
 */
export class BillitEmulatorClient {
	readonly url = inject('billitEmulator').url;

	private async admin<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
		return (await requestJson<T>(this.url, { method, path: `/_emulator${path}`, body })).body;
	}

	/**
	 * A call to the public API as a client would make it. The e2e files share the emulator's rate limit
	 * with the n8n runs, so a 429 is waited out (its Retry-After, a few times) as the nodes do.
	 */
	private async billit<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
		const headers = { ApiKey: DEMO.apiKey, PartyID: String(DEMO_COMPANY) };
		for (let attempt = 1; ; attempt++) {
			try {
				return (await requestJson<T>(this.url, { method, path, body, headers })).body;
			} catch (error) {
				if (!(error instanceof N8nHttpError) || error.status !== 429 || attempt >= RATE_LIMITED_ATTEMPTS) throw error;
				await setTimeout(RATE_LIMIT_WAIT_MS);
			}
		}
	}

	/** Demo companies and users only: no invoices, no faults, default switches. */
	async reset(): Promise<void> {
		await this.admin('POST', '/reset', { seed: true });
	}

	async setSwitches(patch: Record<string, unknown>): Promise<void> {
		await this.admin('PATCH', '/switches', patch);
	}

	/** An emulator fault rule, such as an error status for the next request to a path (see the emulator README). */
	async addFault(rule: { kind: 'status'; status: number; method?: string; path?: string; count?: number }): Promise<void> {
		await this.admin('POST', '/faults', rule);
	}

	/** Sales invoices of a company (the demo one by default); customers rotate over Peppol, e-mail only and no contact. */
	async seedInvoices(count: number, partyId: number = DEMO_COMPANY): Promise<number[]> {
		return (await this.admin<{ OrderIDs: number[] }>('POST', '/seed', { partyId, invoices: count })).OrderIDs;
	}

	/**
	 * Sales invoices of the demo company, their ids split by the customer the seed rotates over:
	 * one on Peppol, one reachable by e-mail only, one without any contact (cannot be sent).
	 */
	async seedInvoicesByCustomer(count: number): Promise<SeededByCustomer> {
		const ids = await this.seedInvoices(count);
		const [onPeppol, emailOnly, noContact] = [0, 1, 2].map((offset) => ids.filter((_id, index) => index % 3 === offset));
		return { onPeppol, emailOnly, noContact };
	}

	/** Creates an accountant feed as the demo accountant would, once, in Billit. */
	async createFeed(name: string): Promise<void> {
		await this.billit('POST', '/v1/accountant/feeds', { Name: name });
	}

	async pendingFeedItems(name: string): Promise<number> {
		const feeds = await this.admin<Array<{ Name: string; PendingItems: number }>>('GET', '/feeds');
		const feed = feeds.find((candidate) => candidate.Name === name);
		if (!feed) throw new Error(`no accountant feed ${name}`);
		return feed.PendingItems;
	}

	/** Confirmed accountant feed items with the server name and remote path the client reported. */
	async feedConfirmations(): Promise<EmulatedFeedConfirmation[]> {
		return await this.admin<EmulatedFeedConfirmation[]>('GET', '/feeds/confirmations');
	}

	/** Sends invoices as a user would in Billit (Peppol sends keep a UBL file with the invoice). */
	async send(orderIds: number[], transportType: 'Peppol' | 'SMTP'): Promise<void> {
		await this.billit('POST', '/v1/orders/commands/send', { OrderIds: orderIds, TransportType: transportType });
	}

	/** Billit's delivery feedback arriving for a sent invoice: its last outgoing message moves on (a Message U webhook). */
	async advanceDelivery(orderId: number, status: 'Delivered' | 'Accepted' | 'Refused', info?: string): Promise<void> {
		await this.admin('POST', `/orders/${orderId}/delivery`, { status, info });
	}

	/** Invoices received over Peppol by the demo company, each in the inbox and as a cost order. */
	async receiveInvoices(count: number): Promise<EmulatedInboxItem[]> {
		return await this.admin<EmulatedInboxItem[]>('POST', '/inbox', { partyId: DEMO_COMPANY, kind: 'invoice', count });
	}

	/** The inbox as Billit shows it: at most the first 10 unconfirmed items. */
	async visibleInbox(): Promise<EmulatedInboxItem[]> {
		return (await this.billit<{ InboxItems: EmulatedInboxItem[] }>('GET', '/v1/peppol/inbox')).InboxItems;
	}

	/** Names of the files posted to Billit's "to process" upload, in request order. */
	async filesUploadedForProcessing(): Promise<string[]> {
		const requests = await this.admin<Array<{ body: string; status: number }>>('GET', '/requests?method=POST&path=/v1/toProcess');
		return requests
			.filter((request) => request.status === 200)
			.map((request) => {
				// The log keeps only the start of a body; the file's name comes before its content.
				const name = /"FileName":"([^"]+)"/.exec(request.body)?.[1];
				if (!name) throw new Error(`an upload for processing without a FileName: ${request.body.slice(0, 200)}`);
				return name;
			});
	}

	/** The demo company's bank transactions (first page, enough for a test), oldest first. */
	async bankTransactions(): Promise<EmulatedBankTransaction[]> {
		return (await this.billit<{ Items: EmulatedBankTransaction[] }>('GET', '/v1/financialTransactions')).Items;
	}

	/** Billit API requests the emulator received, optionally of one method. */
	async requests(method?: string): Promise<EmulatedRequest[]> {
		return await this.admin<EmulatedRequest[]>('GET', `/requests${method ? `?method=${method}` : ''}`);
	}

	/** Forgets the requests received so far, so that `orderReads` counts from here. */
	async clearRequests(): Promise<void> {
		await this.admin('DELETE', '/requests');
	}

	/**
	 * How often each of these orders was read (`GET /v1/orders/{id}` answered 200) since the log was
	 * cleared: an answer, not an attempt, so a retried 429 does not count twice.
	 */
	async orderReads(orderIds: number[]): Promise<Record<number, number>> {
		const reads: Record<number, number> = Object.fromEntries(orderIds.map((id) => [id, 0]));
		for (const entry of await this.requests('GET')) {
			const id = Number(/^\/v1\/orders\/(\d+)$/.exec(entry.path)?.[1]);
			if (entry.status === 200 && id in reads) reads[id]++;
		}
		return reads;
	}

	/** Payments posted to an order: Billit's order read does not return them, the emulator's admin API does. */
	async payments(orderId: number): Promise<EmulatedPayment[]> {
		return await this.admin<EmulatedPayment[]>('GET', `/orders/${orderId}/payments`);
	}

	async order(orderId: number): Promise<EmulatedOrder> {
		return await this.billit<EmulatedOrder>('GET', `/v1/orders/${orderId}`);
	}

	/**
	 * Several orders in the order of their ids; `Order` names the further fields a test reads. One
	 * at a time: the e2e files share the emulator's rate limit with the n8n runs of other files.
	 */
	async orders<Order extends EmulatedOrder = EmulatedOrder>(orderIds: number[]): Promise<Order[]> {
		const orders: Order[] = [];
		for (const id of orderIds) orders.push((await this.order(id)) as Order);
		return orders;
	}

	async company(partyId: number = DEMO_COMPANY): Promise<EmulatedCompany> {
		const account = await this.billit<{ Companies: Array<{ PartyID: number; VATNumber: string }> }>('GET', '/v1/account/accountInformation');
		const company = account.Companies.find((candidate) => candidate.PartyID === partyId);
		if (!company) throw new Error(`the demo account has no company ${partyId}`);
		// Billit's AccountInformation has no company number: a Belgian one is the VAT number's digits.
		return { PartyID: company.PartyID, CompanyNumber: company.VATNumber.replace(/^BE/, '') };
	}
}
