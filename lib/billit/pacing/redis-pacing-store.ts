/**
 * One Billit company's request budget kept in Redis, so every n8n process of a queue-mode setup
 * (main and workers) paces against the same window. The same reservation rule (sliding window, and
 * evenly spaced starts once it is full) and AIMD limit as `CompanyPacer`, run as Lua scripts so
 * each step is atomic across processes. Time comes from Redis (`TIME`), not from the callers, so
 * workers with skewed clocks still agree. Unlike `CompanyPacer`, starts stay as reserved: a worker
 * waking late does not report back (that would cost a round trip per request).
 */
import { QueueRedisClient } from '../queue-redis/queue-redis-client';
import type { QueueRedisSettings } from '../queue-redis/queue-redis-settings';

export { RedisUnavailableError } from '../queue-redis/queue-redis-client';

export interface SharedPacingStore {
	/** Reserves the company's next allowed start and returns how long to wait for it, in ms. */
	reserve(key: string, maxPerWindow: number): Promise<number>;
	/** A 429: halves the company's limit, down to one. */
	throttled(key: string, maxPerWindow: number): Promise<void>;
	/** A success: after `limit` of them in a row, the limit grows by one, up to the maximum. */
	succeeded(key: string, maxPerWindow: number): Promise<void>;
	close(): Promise<void>;
}

// KEYS[1]: reserved starts (a list, ascending). KEYS[2]: state hash (limit, max, streak).
// The limit follows a changed maximum down, as CompanyPacer.configure does.
const CURRENT_LIMIT = `
local max = tonumber(ARGV[1])
local limit = tonumber(redis.call('HGET', KEYS[2], 'limit')) or max
if tonumber(redis.call('HGET', KEYS[2], 'max')) ~= max then
	limit = math.min(limit, max)
	redis.call('HSET', KEYS[2], 'max', max, 'limit', limit)
end
redis.call('PEXPIRE', KEYS[2], ARGV[3])
`;

// ARGV: maxPerWindow, windowMs, stateTtlMs. Returns the wait in ms.
const RESERVE = `${CURRENT_LIMIT}
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local window = tonumber(ARGV[2])
local count = redis.call('LLEN', KEYS[1])
local start = now
local last = now
if count > 0 then
	last = tonumber(redis.call('LINDEX', KEYS[1], -1))
	start = math.max(start, last)
end
if count >= limit then
	local opens = tonumber(redis.call('LINDEX', KEYS[1], count - limit)) + window
	if opens > now then start = math.max(start, opens, last + math.ceil(window / limit)) end
end
redis.call('RPUSH', KEYS[1], start)
redis.call('LTRIM', KEYS[1], -max, -1)
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return start - now
`;

const THROTTLED = `${CURRENT_LIMIT}
redis.call('HSET', KEYS[2], 'limit', math.max(1, math.floor(limit / 2)), 'streak', 0)
return 0
`;

const SUCCEEDED = `${CURRENT_LIMIT}
if limit >= max then return 0 end
local streak = redis.call('HINCRBY', KEYS[2], 'streak', 1)
if streak >= limit then redis.call('HSET', KEYS[2], 'limit', limit + 1, 'streak', 0) end
return 0
`;

/** Idle companies' state expires; an hour without requests starts again at the full rate. */
const STATE_TTL_MS = 60 * 60 * 1000;

interface PacingCommands {
	billitPacingReserve(starts: string, state: string, max: number, windowMs: number, ttlMs: number): Promise<number>;
	billitPacingThrottled(starts: string, state: string, max: number, windowMs: number, ttlMs: number): Promise<number>;
	billitPacingSucceeded(starts: string, state: string, max: number, windowMs: number, ttlMs: number): Promise<number>;
}

export class RedisPacingStore implements SharedPacingStore {
	// Pacing must not queue behind a missing Redis: callers fall back to per-process pacing.
	private readonly connection: QueueRedisClient<PacingCommands>;

	constructor(
		private readonly settings: QueueRedisSettings,
		private readonly windowMs: number,
	) {
		this.connection = new QueueRedisClient(settings, 'n8n-nodes-billit-pacing');
		this.connection.redis.defineCommand('billitPacingReserve', { numberOfKeys: 2, lua: RESERVE });
		this.connection.redis.defineCommand('billitPacingThrottled', { numberOfKeys: 2, lua: THROTTLED });
		this.connection.redis.defineCommand('billitPacingSucceeded', { numberOfKeys: 2, lua: SUCCEEDED });
	}

	get address(): string {
		return this.connection.address;
	}

	private keys(key: string): [string, string] {
		// The braces keep both keys of a company in one hash slot.
		const base = `${this.settings.prefix}:n8n-nodes-billit:pacing:{${key}}`;
		return [`${base}:starts`, `${base}:state`];
	}

	async reserve(key: string, maxPerWindow: number): Promise<number> {
		const client = await this.connection.ready();
		return Number(await client.billitPacingReserve(...this.keys(key), maxPerWindow, this.windowMs, STATE_TTL_MS));
	}

	async throttled(key: string, maxPerWindow: number): Promise<void> {
		const client = await this.connection.ready();
		await client.billitPacingThrottled(...this.keys(key), maxPerWindow, this.windowMs, STATE_TTL_MS);
	}

	async succeeded(key: string, maxPerWindow: number): Promise<void> {
		const client = await this.connection.ready();
		await client.billitPacingSucceeded(...this.keys(key), maxPerWindow, this.windowMs, STATE_TTL_MS);
	}

	async close(): Promise<void> {
		await this.connection.close();
	}
}
