/**
 * Billit asks to list an accountant feed at most once a minute. This guard refuses a quicker repeat
 * before Billit is asked, in every way n8n runs: in one process through the node's static data (as
 * before), in queue mode through n8n's Redis, which every process shares. Workers of n8n 2.41 start
 * each new execution with empty static data, so there it would never hold.
 */
import type { IDataObject } from 'n8n-workflow';

import type { QueueRedisSettings } from '../queue-redis/queue-redis-settings';
import { QueueRedisShare, type QueueRedisLogger } from '../queue-redis/queue-redis-share';
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

export type FeedListingLogger = QueueRedisLogger;

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
	private readonly redis: QueueRedisShare<SharedFeedListings>;
	// Queue mode without Redis: this process's own memory, not static data, which a worker would
	// save over the whole workflow's static data (the Billit Trigger's replay memory included).
	private readonly processTimes: ListingTimes = Object.create(null) as ListingTimes;

	constructor(env: Record<string, string | undefined>, createStore: FeedListingsFactory = defaultFactory) {
		this.redis = new QueueRedisShare(env, createStore, {
			subject: 'Billit accountant feeds',
			shared: 'one listing a minute per feed is held for all n8n processes',
			fallback: 'each n8n process holds one listing a minute per feed on its own while it is unavailable',
		});
	}

	async claim(listing: FeedListing, logger: FeedListingLogger): Promise<FeedListingClaim> {
		const store = this.redis.open(logger);
		if (!store) {
			const state = listing.nodeState();
			return claimIn((state.feedListedAt ??= {}) as ListingTimes, listing.feedName, Date.now());
		}
		try {
			const left = await store.claim(listing.companyKey, listing.feedName, FEED_LISTING_INTERVAL_MS);
			return left === undefined ? { granted: true } : refused(left);
		} catch (error) {
			this.redis.logFailure(error, logger);
			return claimIn(this.processTimes, `${listing.companyKey}#${listing.feedName}`, Date.now());
		}
	}
}

// One per process: n8n runs every execution of a process in it.
const processGuard = new FeedListingGuard(process.env);

export async function claimFeedListing(listing: FeedListing, logger: FeedListingLogger): Promise<FeedListingClaim> {
	return await processGuard.claim(listing, logger);
}
