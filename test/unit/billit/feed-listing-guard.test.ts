import type { IDataObject } from 'n8n-workflow';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { FEED_LISTING_INTERVAL_MS, FeedListingGuard, type FeedListing, type FeedListingsFactory } from '../../../lib/billit/listing/feed-listing-guard';
import type { QueueRedisSettings } from '../../../lib/billit/queue-redis/queue-redis-settings';

const QUEUE_ENV = { EXECUTIONS_MODE: 'queue', QUEUE_BULL_REDIS_HOST: 'redis.internal', QUEUE_BULL_REDIS_PASSWORD: 'redis-secret-password' };
const COMPANY = 'https://api.billit.be#1001';

function recordingLogger() {
	return { info: vi.fn<(message: string) => void>(), warn: vi.fn<(message: string) => void>() };
}

/** A feed listing whose node static data is counted: queue mode must never touch it. */
function listing(feedName: string, companyKey = COMPANY) {
	const state: IDataObject = {};
	const nodeState = vi.fn(() => state);
	const request: FeedListing = { companyKey, feedName, nodeState };
	return { request, state, nodeState };
}

/** A store answering claims like Redis' SET NX PX, on the test's (fake) clock, or failing while `down`. */
function inMemoryStore(created: QueueRedisSettings[] = []) {
	const expiries = new Map<string, number>();
	const state = { down: false, calls: 0 };
	const factory: FeedListingsFactory = (settings) => {
		created.push(settings);
		return {
			address: `${settings.host}:${settings.port}`,
			claim: async (companyKey, feedName, intervalMs) => {
				state.calls += 1;
				if (state.down) throw new Error(`WRONGPASS invalid username-password pair (tried ${settings.password ?? ''})`);
				const key = `${companyKey}|${feedName}`;
				const left = (expiries.get(key) ?? 0) - Date.now();
				if (left > 0) return left;
				expiries.set(key, Date.now() + intervalMs);
				return undefined;
			},
			close: async () => undefined,
		};
	};
	return { factory, state };
}

beforeEach(() => {
	vi.useFakeTimers({ now: new Date('2026-03-02T10:00:00Z') });
});

afterEach(() => {
	vi.useRealTimers();
});

describe('FeedListingGuard in one n8n process', () => {
	it("keeps the last listing in the node's static data, refuses a repeat within a minute and allows one after", async () => {
		const created: QueueRedisSettings[] = [];
		const guard = new FeedListingGuard({}, inMemoryStore(created).factory);
		const logger = recordingLogger();
		const feed = listing('export');

		expect(await guard.claim(feed.request, logger)).toEqual({ granted: true });
		expect(feed.state).toEqual({ feedListedAt: { export: Date.now() } });
		await vi.advanceTimersByTimeAsync(20_000);
		expect(await guard.claim(feed.request, logger)).toEqual({ granted: false, listedMsAgo: 20_000, retryInMs: 40_000 });
		await vi.advanceTimersByTimeAsync(40_000);
		expect(await guard.claim(feed.request, logger)).toEqual({ granted: true });
		expect(created).toEqual([]);
		expect(logger.info).not.toHaveBeenCalled();
	});

	it('keeps feeds apart', async () => {
		const guard = new FeedListingGuard({});
		const state: IDataObject = {};
		const logger = recordingLogger();
		expect(await guard.claim({ companyKey: COMPANY, feedName: 'export', nodeState: () => state }, logger)).toEqual({ granted: true });
		expect(await guard.claim({ companyKey: COMPANY, feedName: 'archive', nodeState: () => state }, logger)).toEqual({ granted: true });
		expect(Object.keys(state.feedListedAt as IDataObject)).toEqual(['export', 'archive']);
	});
});

describe('FeedListingGuard in queue mode', () => {
	it("holds one listing a minute across processes through the shared store, never touching static data", async () => {
		const created: QueueRedisSettings[] = [];
		const store = inMemoryStore(created);
		const logger = recordingLogger();
		// Two workers: two guards, each execution with its own (empty) static data.
		const [workerA, workerB] = [new FeedListingGuard(QUEUE_ENV, store.factory), new FeedListingGuard(QUEUE_ENV, store.factory)];
		const first = listing('export');
		const second = listing('export');

		expect(await workerA.claim(first.request, logger)).toEqual({ granted: true });
		await vi.advanceTimersByTimeAsync(15_000);
		expect(await workerB.claim(second.request, logger)).toEqual({ granted: false, listedMsAgo: 15_000, retryInMs: 45_000 });
		expect(await workerB.claim(listing('export', 'https://api.billit.be#1002').request, logger)).toEqual({ granted: true });
		await vi.advanceTimersByTimeAsync(45_000);
		expect(await workerB.claim(second.request, logger)).toEqual({ granted: true });

		expect(first.nodeState).not.toHaveBeenCalled();
		expect(second.nodeState).not.toHaveBeenCalled();
		expect(created.map((settings) => settings.host)).toEqual(['redis.internal', 'redis.internal']);
		expect(logger.info).toHaveBeenCalledWith(
			'Billit accountant feeds: one listing a minute per feed is held for all n8n processes through Redis at redis.internal:6379',
		);
		expect(logger.warn).not.toHaveBeenCalled();
	});

	it("falls back to the process's own memory while Redis fails, says so once, and never logs the password", async () => {
		const store = inMemoryStore();
		store.state.down = true;
		const guard = new FeedListingGuard(QUEUE_ENV, store.factory);
		const logger = recordingLogger();
		const first = listing('export');

		expect(await guard.claim(first.request, logger)).toEqual({ granted: true });
		await vi.advanceTimersByTimeAsync(10_000);
		// A later execution on the same worker: fresh static data, same process memory.
		expect(await guard.claim(listing('export').request, logger)).toEqual({ granted: false, listedMsAgo: 10_000, retryInMs: 50_000 });
		expect(await guard.claim(listing('export', 'https://api.billit.be#1002').request, logger)).toEqual({ granted: true });

		expect(store.state.calls).toBe(3);
		expect(first.nodeState).not.toHaveBeenCalled();
		expect(logger.warn).toHaveBeenCalledTimes(1);
		const [message] = logger.warn.mock.calls[0];
		expect(message).toContain('Redis at redis.internal:6379 cannot be used (WRONGPASS invalid username-password pair');
		expect(message).toContain('each n8n process holds one listing a minute per feed on its own');
		expect(message).not.toContain('redis-secret-password');

		// Redis back: the shared store decides again.
		store.state.down = false;
		await vi.advanceTimersByTimeAsync(FEED_LISTING_INTERVAL_MS);
		expect(await guard.claim(listing('export').request, logger)).toEqual({ granted: true });
		expect(await guard.claim(listing('export').request, logger)).toEqual({ granted: false, listedMsAgo: 0, retryInMs: FEED_LISTING_INTERVAL_MS });
	});
});
