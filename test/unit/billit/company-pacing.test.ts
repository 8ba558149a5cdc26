import { describe, expect, it, vi } from 'vitest';

import { systemClock } from '../../../lib/billit/request/clock';
import { CompanyPacing, type PacingStoreFactory } from '../../../lib/billit/pacing/company-pacing';
import { CompanyPacer } from '../../../lib/billit/pacing/pacer';
import type { QueueRedisSettings } from '../../../lib/billit/queue-redis/queue-redis-settings';
import { SharedCompanyPacer } from '../../../lib/billit/pacing/shared-pacer';

const QUEUE_ENV = { EXECUTIONS_MODE: 'queue', QUEUE_BULL_REDIS_HOST: 'redis.internal', QUEUE_BULL_REDIS_PASSWORD: 'redis-secret-password' };
const KEY_A = 'https://api.billit.be#1001';
const KEY_B = 'https://api.billit.be#1002';

function recordingLogger() {
	return { info: vi.fn<(message: string) => void>(), warn: vi.fn<(message: string) => void>() };
}

function localPacers() {
	const pacers = new Map<string, CompanyPacer>();
	return (key: string, requestsPerSecond?: number) => {
		const pacer = pacers.get(key) ?? new CompanyPacer(requestsPerSecond);
		pacers.set(key, pacer);
		return pacer;
	};
}

/** A store whose every command fails the way ioredis does when the password is wrong. */
function failingStoreFactory(created: QueueRedisSettings[]): PacingStoreFactory {
	return (settings) => {
		created.push(settings);
		const fail = async (): Promise<never> => {
			throw new Error(`WRONGPASS invalid username-password pair (tried ${settings.password ?? ''})`);
		};
		return { address: `${settings.host}:${settings.port}`, reserve: fail, throttled: fail, succeeded: fail, close: async () => undefined };
	};
}

describe('CompanyPacing', () => {
	it("uses the process's own pacer outside queue mode and never creates a store", () => {
		const created: QueueRedisSettings[] = [];
		const local = localPacers();
		const pacing = new CompanyPacing({}, failingStoreFactory(created), local);
		const logger = recordingLogger();
		expect(pacing.pacerFor(KEY_A, undefined, logger)).toBe(local(KEY_A));
		expect(created).toEqual([]);
		expect(logger.info).not.toHaveBeenCalled();
	});

	it('shares one store between companies in queue mode, with one pacer per company', () => {
		const created: QueueRedisSettings[] = [];
		const pacing = new CompanyPacing(QUEUE_ENV, failingStoreFactory(created), localPacers());
		const logger = recordingLogger();
		const first = pacing.pacerFor(KEY_A, undefined, logger);
		expect(first).toBeInstanceOf(SharedCompanyPacer);
		expect(pacing.pacerFor(KEY_A, undefined, logger)).toBe(first);
		expect(pacing.pacerFor(KEY_B, undefined, logger)).not.toBe(first);
		expect(created.map((settings) => settings.host)).toEqual(['redis.internal']);
		expect(logger.info.mock.calls).toEqual([
			["Billit request pacing: each request budget is shared by all n8n processes through Redis at redis.internal:6379"],
		]);
	});

	it('falls back to per-process pacing when Redis fails, says so once, and never logs the password', async () => {
		const local = localPacers();
		const pacing = new CompanyPacing(QUEUE_ENV, failingStoreFactory([]), local);
		const logger = recordingLogger();
		for (const key of [KEY_A, KEY_B, KEY_A]) {
			const pacer = pacing.pacerFor(key, 4, logger);
			await pacer.acquire(systemClock);
			await pacer.onThrottled();
		}
		expect(local(KEY_A).currentLimit).toBe(1);
		expect(local(KEY_B).currentLimit).toBe(2);
		expect(logger.warn).toHaveBeenCalledTimes(1);
		const [message] = logger.warn.mock.calls[0];
		expect(message).toContain('Redis at redis.internal:6379 cannot be used (WRONGPASS invalid username-password pair');
		expect(message).toContain('each n8n process paces its own requests');
		expect(message).not.toContain('redis-secret-password');
	});
});
