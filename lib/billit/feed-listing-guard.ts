/**
 * Billit asks to list an accountant feed at most once a minute. This guard refuses a quicker repeat
 * before Billit is asked, in every way n8n runs: in one process through the node's static data (as
 * before), in queue mode through n8n's Redis, which every process shares. Workers of n8n 2.41 start
 * each new execution with empty static data, so there it would never hold.
 */
import type { IDataObject } from 'n8n-workflow';

import { redactSecrets } from './errors';
import { queueRedisLookup, type QueueRedisSettings } from './queue-redis-settings';
import { RedisFeedListings, type SharedFeedListings } from './redis-feed-listings';

export const FEED_LISTING_INTERVAL_MS = 60_000;

export type FeedListingClaim = { granted: true } | { granted: false; listedMsAgo: number; retryInMs: number };

export interface FeedListing {
	/** The company, as the pacing keys name it: API base URL and PartyID. */
	companyKey: string;
	feedName: string;
	/** The node's static data, read only outside queue mode. */
	nodeState: () => IDataObject;
}

export interface FeedListingLogger {
	info(message: string): void;
	warn(message: string): void;
}

export type FeedListingsFactory = (settings: QueueRedisSettings) => SharedFeedListings;

/** Last listing times in ms, by feed (static data) or by company and feed (process memory). */
type ListingTimes = Record<string, number | undefined>;

const defaultFactory: FeedListingsFactory = (settings) => new RedisFeedListings(settings);

function refused(leftMs: number): FeedListingClaim {
	return { granted: false, listedMsAgo: FEED_LISTING_INTERVAL_MS - leftMs, retryInMs: leftMs };
}

function claimIn(times: ListingTimes, key: string, now: number): FeedListingClaim {
	const listedAt = times[key];
	if (listedAt !== undefined && now - listedAt < FEED_LISTING_INTERVAL_MS) {
		return refused(listedAt + FEED_LISTING_INTERVAL_MS - now);
	}
	times[key] = now;
	return { granted: true };
}

export class FeedListingGuard {
	private store: SharedFeedListings | undefined;
	private looked = false;
	private failureLogged = false;
	private secrets: string[] = [];
	// Queue mode without Redis: this process's own memory, not static data, which a worker would
	// save over the whole workflow's static data (the Billit Trigger's replay memory included).
	private readonly processTimes: ListingTimes = Object.create(null) as ListingTimes;

	constructor(
		private readonly env: Record<string, string | undefined>,
		private readonly createStore: FeedListingsFactory = defaultFactory,
	) {}

	private sharedStore(logger: FeedListingLogger): SharedFeedListings | undefined {
		if (this.looked) return this.store;
		this.looked = true;
		const lookup = queueRedisLookup(this.env);
		if (!lookup.shared) return undefined;
		this.store = this.createStore(lookup.settings);
		this.secrets = [lookup.settings.password ?? ''].filter(Boolean);
		logger.info(`Billit accountant feeds: one listing a minute per feed is held for all n8n processes through Redis at ${this.store.address}`);
		return this.store;
	}

	private logStoreFailure(store: SharedFeedListings, error: unknown, logger: FeedListingLogger): void {
		if (this.failureLogged) return;
		this.failureLogged = true;
		const reason = redactSecrets(error instanceof Error ? error.message : String(error), this.secrets);
		logger.warn(
			`Billit accountant feeds: Redis at ${store.address} cannot be used (${reason}); ` +
				'each n8n process holds one listing a minute per feed on its own while it is unavailable',
		);
	}

	async claim(listing: FeedListing, logger: FeedListingLogger): Promise<FeedListingClaim> {
		const store = this.sharedStore(logger);
		if (!store) {
			const state = listing.nodeState();
			return claimIn((state.feedListedAt ??= {}) as ListingTimes, listing.feedName, Date.now());
		}
		try {
			const left = await store.claim(listing.companyKey, listing.feedName, FEED_LISTING_INTERVAL_MS);
			return left === undefined ? { granted: true } : refused(left);
		} catch (error) {
			this.logStoreFailure(store, error, logger);
			return claimIn(this.processTimes, `${listing.companyKey}#${listing.feedName}`, Date.now());
		}
	}
}

// One per process: n8n runs every execution of a process in it.
const processGuard = new FeedListingGuard(process.env);

export async function claimFeedListing(listing: FeedListing, logger: FeedListingLogger): Promise<FeedListingClaim> {
	return await processGuard.claim(listing, logger);
}
