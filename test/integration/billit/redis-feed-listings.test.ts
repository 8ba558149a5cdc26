import { describe, expect, it } from 'vitest';

import { FEED_LISTING_INTERVAL_MS } from '../../../lib/billit/listing/feed-listing-guard';
import type { QueueRedisSettings } from '../../../lib/billit/queue-redis/queue-redis-settings';
import { RedisFeedListings } from '../../../lib/billit/listing/redis-feed-listings';
import { freePort } from '../../support/n8n/free-port';
import { startRedis } from '../../queue/redis';
import { useRedisScene } from './redis-scene';

// A real redis-server stands in for n8n's queue-mode Redis; two stores stand in for two workers.
const scene = useRedisScene();
let companyNumber = 0;

function store(overrides: Partial<QueueRedisSettings> = {}): RedisFeedListings {
	const created = new RedisFeedListings({ host: scene.server.host, port: scene.server.port, db: 0, prefix: 'bull', ...overrides });
	scene.track(created);
	return created;
}

/** A company no other test touched. */
function company(): string {
	companyNumber += 1;
	return `https://api.billit.be#${process.pid}-${companyNumber}`;
}

describe('RedisFeedListings against redis-server', () => {
	it("grants the first listing and refuses another worker's repeat with the time still to wait", async () => {
		const key = company();
		expect(await store().claim(key, 'export', FEED_LISTING_INTERVAL_MS)).toBeUndefined();
		const left = await store().claim(key, 'export', FEED_LISTING_INTERVAL_MS);
		expect(left).toBeGreaterThan(FEED_LISTING_INTERVAL_MS - 10_000);
		expect(left).toBeLessThanOrEqual(FEED_LISTING_INTERVAL_MS);
	});

	it('grants exactly one of many listings claimed at the same moment by two workers', async () => {
		const key = company();
		const [workerA, workerB] = [store(), store()];
		const claims = await Promise.all(
			Array.from({ length: 10 }, async (_unused, index) => await (index % 2 ? workerA : workerB).claim(key, 'export', FEED_LISTING_INTERVAL_MS)),
		);
		expect(claims.filter((left) => left === undefined)).toHaveLength(1);
	});

	it('keeps feeds and companies apart', async () => {
		const [first, second] = [company(), company()];
		const worker = store();
		expect(await worker.claim(first, 'export', FEED_LISTING_INTERVAL_MS)).toBeUndefined();
		expect(await worker.claim(first, 'archive', FEED_LISTING_INTERVAL_MS)).toBeUndefined();
		expect(await worker.claim(second, 'export', FEED_LISTING_INTERVAL_MS)).toBeUndefined();
	});

	it("keeps one key per feed under n8n's queue prefix, expiring after the interval", async () => {
		const key = company();
		await store({ prefix: 'tenant-a' }).claim(key, 'export', FEED_LISTING_INTERVAL_MS);
		const keys = await scene.inspector.keys(`tenant-a:n8n-nodes-billit:feed-listing:{${key}}:*`);
		expect(keys).toEqual([`tenant-a:n8n-nodes-billit:feed-listing:{${key}}:export`]);
		const ttl = await scene.inspector.pttl(keys[0]);
		expect(ttl).toBeGreaterThan(0);
		expect(ttl).toBeLessThanOrEqual(FEED_LISTING_INTERVAL_MS);
	});

	it('fails when nothing listens, so the guard can fall back', async () => {
		const worker = store({ port: await freePort() });
		await expect(worker.claim(company(), 'export', FEED_LISTING_INTERVAL_MS)).rejects.toThrow();
		await expect(worker.claim(company(), 'export', FEED_LISTING_INTERVAL_MS)).rejects.toThrow();
	});

	it('rejects a wrong password without putting it in the error', async () => {
		const guarded = await startRedis({ password: 'the-right-password' });
		try {
			const worker = store({ port: guarded.port, password: 'a-wrong-password' });
			const failure = await worker.claim(company(), 'export', FEED_LISTING_INTERVAL_MS).catch((error: unknown) => error as Error);
			expect(failure).toBeInstanceOf(Error);
			expect((failure as Error).message).not.toContain('a-wrong-password');
		} finally {
			await guarded.stop();
		}
	});
});
