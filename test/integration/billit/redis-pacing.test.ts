import { describe, expect, it } from 'vitest';

import { CompanyPacing } from '../../../lib/billit/pacing/company-pacing';
import { PACING_WINDOW_MS, pacingIntervalMs } from '../../../lib/billit/pacing/pacer';
import type { QueueRedisSettings } from '../../../lib/billit/queue-redis/queue-redis-settings';
import { RedisPacingStore, RedisUnavailableError } from '../../../lib/billit/pacing/redis-pacing-store';
import { busiestWindow } from '../../busiest-window';
import { freePort } from '../../support/n8n/free-port';
import { startRedis } from '../../queue/redis';
import { useRedisScene } from './redis-scene';

// A real redis-server (Debian's, see scripts/install-test-deps.sh) stands in for n8n's queue-mode
// Redis; two stores stand in for two workers.
const scene = useRedisScene();
let companyNumber = 0;

function settings(overrides: Partial<QueueRedisSettings> = {}): QueueRedisSettings {
	return { host: scene.server.host, port: scene.server.port, db: 0, prefix: 'bull', ...overrides };
}

function store(overrides: Partial<QueueRedisSettings> = {}): RedisPacingStore {
	const created = new RedisPacingStore(settings(overrides), PACING_WINDOW_MS);
	scene.track(created);
	return created;
}

/** A company no other test touched. */
function company(): string {
	companyNumber += 1;
	return `https://api.billit.be#${process.pid}-${companyNumber}`;
}

async function limitOf(key: string): Promise<number> {
	return Number(await scene.inspector.hget(`bull:n8n-nodes-billit:pacing:{${key}}:state`, 'limit'));
}

/**
 * Reservations taking turns between the stores, each start read back exactly as Redis stored it
 * (on Redis' clock): the test's own clock, late on a busy machine, plays no part.
 */
async function reserveInTurn(workers: RedisPacingStore[], key: string, total: number, max: number): Promise<number[]> {
	const starts: number[] = [];
	for (let index = 0; index < total; index++) {
		await workers[index % workers.length].reserve(key, max);
		starts.push(Number(await scene.inspector.lindex(`bull:n8n-nodes-billit:pacing:{${key}}:starts`, -1)));
	}
	return starts;
}

/** Reservations from several stores at once: Lua keeps each one atomic, so every start is distinct in turn. */
async function reserveConcurrently(workers: RedisPacingStore[], key: string, perWorker: number, max: number): Promise<number[]> {
	const waits: number[] = [];
	await Promise.all(
		workers.map(async (worker) => {
			for (let index = 0; index < perWorker; index++) waits.push(await worker.reserve(key, max));
		}),
	);
	return waits;
}

describe('RedisPacingStore against redis-server', () => {
	it('gives two workers one budget: no window of 1.05 s holds more than the limit of their starts together', async () => {
		const key = company();
		const starts = await reserveInTurn([store(), store()], key, 100, 25);
		expect(busiestWindow(starts, PACING_WINDOW_MS)).toBe(25);
		// Four full windows: 25 starts in each.
		expect(Math.max(...starts) - Math.min(...starts)).toBeGreaterThanOrEqual(3 * PACING_WINDOW_MS);
	});

	it('spaces the starts evenly once the window is full, as the process pacer does', async () => {
		const starts = await reserveInTurn([store(), store()], company(), 60, 25);
		const gaps = starts.slice(26).map((start, index) => start - starts[25 + index]);
		// 1050 ms ÷ 25: the next window's requests do not leave together.
		expect(Math.min(...gaps)).toBeGreaterThanOrEqual(pacingIntervalMs(25));
		expect(busiestWindow(starts, PACING_WINDOW_MS)).toBe(25);
	});

	it('hands out one budget to workers reserving at the same moment', async () => {
		const waits = await reserveConcurrently([store(), store()], company(), 25, 25);
		// 50 reservations against 25 per window: the second half waits for the next window.
		const sorted = waits.sort((a, b) => a - b);
		expect(sorted[24]).toBeLessThan(PACING_WINDOW_MS / 2);
		expect(sorted[25]).toBeGreaterThan(PACING_WINDOW_MS / 2);
	});

	it('keeps companies apart', async () => {
		const [first, second] = [company(), company()];
		const worker = store();
		const starts = await Promise.all([reserveInTurn([worker], first, 5, 5), reserveInTurn([worker], second, 5, 5)]);
		for (const companyStarts of starts) expect(Math.max(...companyStarts) - Math.min(...companyStarts)).toBeLessThan(PACING_WINDOW_MS / 2);
	});

	it("halves the shared limit on a 429 from any worker and recovers it by one after a limit's worth of successes", async () => {
		const key = company();
		const [workerA, workerB] = [store(), store()];
		await workerA.reserve(key, 24);
		expect(await limitOf(key)).toBe(24);
		await workerA.throttled(key, 24);
		expect(await limitOf(key)).toBe(12);
		// Worker B now gets 12 starts per window, not 24.
		const starts = await reserveInTurn([workerB], key, 24, 24);
		expect(busiestWindow(starts, PACING_WINDOW_MS)).toBe(12);
		for (let index = 0; index < 11; index++) await (index % 2 ? workerA : workerB).succeeded(key, 24);
		expect(await limitOf(key)).toBe(12);
		await workerB.succeeded(key, 24);
		expect(await limitOf(key)).toBe(13);
		await workerB.throttled(key, 24);
		await workerA.throttled(key, 24);
		await workerA.throttled(key, 24);
		await workerA.throttled(key, 24);
		await workerA.throttled(key, 24);
		expect(await limitOf(key)).toBe(1);
	});

	it('follows a lowered rate at once and never lets the limit exceed the configured rate', async () => {
		const key = company();
		const worker = store();
		await worker.reserve(key, 25);
		await worker.reserve(key, 10);
		expect(await limitOf(key)).toBe(10);
		for (let index = 0; index < 30; index++) await worker.succeeded(key, 10);
		expect(await limitOf(key)).toBe(10);
	});

	it("keeps its keys under n8n's queue prefix and lets idle companies expire", async () => {
		const key = company();
		await store({ prefix: 'tenant-a' }).reserve(key, 25);
		const keys = await scene.inspector.keys(`tenant-a:n8n-nodes-billit:pacing:{${key}}:*`);
		expect(keys.sort()).toEqual([`tenant-a:n8n-nodes-billit:pacing:{${key}}:starts`, `tenant-a:n8n-nodes-billit:pacing:{${key}}:state`]);
		for (const stored of keys) expect(await scene.inspector.pttl(stored)).toBeGreaterThan(0);
	});

	it('fails fast with RedisUnavailableError when nothing listens, and works once Redis is there', async () => {
		const port = await freePort();
		const worker = store({ port });
		const started = Date.now();
		await expect(worker.reserve(company(), 25)).rejects.toBeInstanceOf(RedisUnavailableError);
		await expect(worker.reserve(company(), 25)).rejects.toBeInstanceOf(RedisUnavailableError);
		expect(Date.now() - started).toBeLessThan(10_000);

		const late = await startRedis({ port });
		try {
			const deadline = Date.now() + 15_000;
			let reserved: number | undefined;
			while (reserved === undefined && Date.now() < deadline) {
				reserved = await worker.reserve(company(), 25).catch(async () => await new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 250)));
			}
			expect(reserved).toBe(0);
		} finally {
			await late.stop();
		}
	});

	it('rejects a wrong password without putting it in the error', async () => {
		const guarded = await startRedis({ password: 'the-right-password' });
		try {
			const worker = store({ port: guarded.port, password: 'a-wrong-password' });
			const failure = await worker.reserve(company(), 25).catch((error: unknown) => error as Error);
			expect(failure).toBeInstanceOf(Error);
			expect((failure as Error).message).not.toContain('a-wrong-password');
		} finally {
			await guarded.stop();
		}
	});
});

describe('CompanyPacing in a queue-mode process', () => {
	it("paces through n8n's Redis, read from n8n's environment variables", async () => {
		const pacing = new CompanyPacing({ EXECUTIONS_MODE: 'queue', QUEUE_BULL_REDIS_HOST: scene.server.host, QUEUE_BULL_REDIS_PORT: String(scene.server.port) });
		const messages: string[] = [];
		const logger = { info: (message: string) => messages.push(message), warn: (message: string) => messages.push(message) };
		const key = company();
		try {
			const pacer = pacing.pacerFor(key, 8, logger);
			const clock = { now: () => Date.now(), sleep: async (ms: number) => await new Promise<void>((resolve) => setTimeout(resolve, ms)) };
			await pacer.acquire(clock);
			await pacer.onThrottled();
			expect(await limitOf(key)).toBe(4);
			expect(messages).toEqual([`Billit request pacing: each request budget is shared by all n8n processes through Redis at ${scene.server.host}:${scene.server.port}`]);
		} finally {
			await pacing.close();
		}
	});
});
