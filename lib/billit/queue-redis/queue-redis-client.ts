/**
 * This package's own connection to n8n's queue-mode Redis: opened on first use, after that
 * reconnected by ioredis in the background, and never waited for: while Redis is away every call
 * fails at once with `RedisUnavailableError`, so callers fall back to what their process has.
 */
import Redis from 'ioredis';

import { queueRedisClientOptions, type QueueRedisSettings } from './queue-redis-settings';

export class RedisUnavailableError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'RedisUnavailableError';
	}
}

export class QueueRedisClient<Commands extends object = object> {
	/** The ioredis client, for defining the Lua commands a store uses. */
	readonly redis: Redis;
	private connecting: Promise<void> | undefined;

	constructor(
		private readonly settings: QueueRedisSettings,
		connectionName: string,
	) {
		this.redis = new Redis(queueRedisClientOptions(settings, connectionName));
		// ioredis reports connection errors as events; the callers see them as failed commands.
		this.redis.on('error', () => undefined);
	}

	/** `host:port`, for log lines: never the credentials. */
	get address(): string {
		return `${this.settings.host}:${this.settings.port}`;
	}

	async ready(): Promise<Redis & Commands> {
		if (this.redis.status === 'wait') {
			this.connecting = this.redis.connect().catch((error: unknown) => {
				throw new RedisUnavailableError(error instanceof Error ? error.message : String(error));
			});
		}
		const connecting = this.connecting;
		if (connecting) {
			try {
				await connecting;
			} finally {
				if (this.connecting === connecting) this.connecting = undefined;
			}
		}
		if (this.redis.status !== 'ready') throw new RedisUnavailableError(`Redis connection is ${this.redis.status}`);
		return this.redis as Redis & Commands;
	}

	async close(): Promise<void> {
		if (this.redis.status === 'ready') await this.redis.quit().catch(() => undefined);
		this.redis.disconnect();
	}
}
