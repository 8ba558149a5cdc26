import { advanceDelivery } from './delivery';
import type { Faults, FaultRule } from './faults';
import { badRequest, isRecord, notFound } from './http';
import { parseInboxSeed, seedInbox } from './incoming';
import type { IdempotencyStore } from './idempotency';
import type { RateLimiter } from './rate-limit';
import type { LoggedRequest, RequestLog } from './request-log';
import { DEMO, parseSeedRequest, seedBase, seedMore } from './seed';
import type { InboxItem, Json, Order, Store } from './store';
import { strictSwitches, updateSwitches, defaultSwitches, type Switches } from './switches';

export interface AdminOptions {
	seed: boolean;
	strict: boolean;
	switches: Partial<Switches>;
	redirectUris: string[];
}

/** Test controls, used by the `/_emulator` routes and directly by in-process tests. */
export class Admin {
	constructor(
		readonly store: Store,
		readonly faults: Faults,
		private readonly rateLimiter: RateLimiter,
		private readonly idempotency: IdempotencyStore,
		private readonly log: RequestLog,
		private readonly options: AdminOptions,
		private readonly resetHooks: Array<() => void> = [],
	) {}

	onReset(hook: () => void): void {
		this.resetHooks.push(hook);
	}

	/** Back to the start state: empty, or seeded with the demo data. */
	reset(seed = this.options.seed): void {
		this.store.reset();
		this.store.switches = updateSwitches(
			{ ...defaultSwitches, ...(this.options.strict ? strictSwitches : {}) },
			this.options.switches,
		);
		this.faults.clear();
		this.rateLimiter.clear();
		this.idempotency.clear();
		this.log.clear();
		for (const hook of this.resetHooks) hook();
		if (seed) seedBase(this.store, this.options.redirectUris);
	}

	seed(body: unknown): { CompanyIDs: number[]; PartyIDs: number[]; OrderIDs: number[] } {
		if (this.store.companies.size === 0) seedBase(this.store, this.options.redirectUris);
		return seedMore(this.store, parseSeedRequest(body));
	}

	switches(): Switches {
		return { ...this.store.switches };
	}

	setSwitches(patch: unknown): Switches {
		this.store.switches = updateSwitches(this.store.switches, patch);
		return this.switches();
	}

	setClockOffset(offsetMs: unknown): { offsetMs: number; now: string } {
		if (typeof offsetMs !== 'number' || !Number.isFinite(offsetMs)) throw badRequest('InvalidRequest', 'offsetMs must be a number');
		this.store.clock.offsetMs = offsetMs;
		return this.clock();
	}

	clock(): { offsetMs: number; now: string } {
		return { offsetMs: this.store.clock.offsetMs, now: this.store.clock.nowIso() };
	}

	addFault(rule: unknown): FaultRule {
		return this.faults.add(rule);
	}

	requests(filter: { method?: string; path?: string } = {}): LoggedRequest[] {
		return this.log.list(filter);
	}

	clearRequests(): void {
		this.log.clear();
	}

	/** Expires one access token, or all when none is named. */
	expireAccessTokens(body: unknown): { expired: number } {
		const token = isRecord(body) && typeof body.accessToken === 'string' ? body.accessToken : undefined;
		let expired = 0;
		for (const [key, grant] of this.store.accessTokens) {
			if (token === undefined || key === token) {
				grant.expiresAt = this.store.clock.now() - 1;
				expired++;
			}
		}
		return { expired };
	}

	revokeRefreshToken(body: unknown): { revoked: boolean } {
		if (!isRecord(body) || typeof body.refreshToken !== 'string') {
			throw badRequest('InvalidRequest', 'refreshToken is required');
		}
		return { revoked: this.store.refreshTokens.delete(body.refreshToken) };
	}

	/** Moves a sent order's delivery to Delivered, Accepted or Refused (Message U webhook). */
	advanceDelivery(orderId: number, body: unknown): Json {
		const input = isRecord(body) ? body : {};
		const { order, companyId } = this.findOrder(orderId);
		if (input.info !== undefined && typeof input.info !== 'string') throw badRequest('InvalidRequest', 'info must be a string');
		return advanceDelivery(this.store, companyId, order, input.status, input.info as string | undefined);
	}

	seedInbox(body: unknown): InboxItem[] {
		return seedInbox(this.store, parseInboxSeed(body, DEMO.partyIds[0]));
	}

	/** Every accountant feed with the number of items it holds (Billit's feed list names feeds only). */
	feeds(): Json[] {
		return [...this.store.data.entries()].flatMap(([companyId, data]) =>
			[...data.feeds.values()].map((feed) => ({ PartyID: companyId, Name: feed.Name, Created: feed.Created, PendingItems: feed.items.length })),
		);
	}

	/** Confirmed accountant feed items with the remote server and path the client reported. */
	feedConfirmations(): Json[] {
		return [...this.store.data.entries()].flatMap(([companyId, data]) =>
			[...data.feeds.values()].flatMap((feed) =>
				[...feed.confirmed.entries()].map(([FeedItemID, confirmation]) => ({ PartyID: companyId, Feed: feed.Name, FeedItemID, ...confirmation })),
			),
		);
	}

	/** Refused Peppol inbox items with their reasons. */
	inboxRefusals(): Json[] {
		return [...this.store.data.entries()].flatMap(([companyId, data]) => data.refusals.map((refusal) => ({ PartyID: companyId, ...refusal })));
	}

	/** Payments posted to an order (Billit's order read does not show them). */
	payments(orderId: number): Json[] {
		const { companyId } = this.findOrder(orderId);
		return this.store.companyData(companyId).payments.get(orderId) ?? [];
	}

	findOrder(orderId: number): { order: Order; companyId: number } {
		for (const [companyId, data] of this.store.data) {
			const order = data.orders.get(orderId);
			if (order) return { order, companyId };
		}
		throw notFound('Order', orderId);
	}

	credentials() {
		return {
			apiKey: DEMO.apiKey,
			partyIds: [...DEMO.partyIds.slice(0, 3)],
			otherUserApiKey: DEMO.otherApiKey,
			otherUserPartyId: DEMO.partyIds[3],
			oauth: { clientId: DEMO.clientId, clientSecret: DEMO.clientSecret, redirectUris: this.store.oauthClients[0]?.redirectUris ?? [] },
		};
	}
}
