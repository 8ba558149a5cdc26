/**
 * Where n8n's queue-mode Redis is, read from the same environment variables n8n 2.x reads
 * (`@n8n/config` ScalingModeConfig), with the same defaults and the same `<NAME>_FILE` variants.
 */
import { readFileSync } from 'node:fs';

import type { RedisOptions } from 'ioredis';

export interface QueueRedisSettings {
	host: string;
	port: number;
	db: number;
	username?: string;
	password?: string;
	tls?: { servername?: string; rejectUnauthorized: boolean };
	/** n8n's `QUEUE_BULL_PREFIX`: every key this package writes starts with it. */
	prefix: string;
}

export type QueueRedisLookup =
	| { shared: true; settings: QueueRedisSettings }
	| { shared: false; reason: string };

type Environment = Record<string, string | undefined>;

function readVariable(env: Environment, name: string): string | undefined {
	const value = env[name];
	if (value !== undefined) return value.trim().replace(/^(['"])(.*)\1$/, '$2');
	const file = env[`${name}_FILE`];
	return file ? readFileSync(file, 'utf8').trim() : undefined;
}

function readNumber(env: Environment, name: string, fallback: number): number {
	const value = readVariable(env, name);
	if (value === undefined || value === '') return fallback;
	const parsed = Number(value);
	return Number.isFinite(parsed) ? parsed : fallback;
}

function readBoolean(env: Environment, name: string, fallback: boolean): boolean {
	const value = readVariable(env, name)?.toLowerCase();
	if (value === 'true' || value === '1') return true;
	if (value === 'false' || value === '0') return false;
	return fallback;
}

export function queueRedisLookup(env: Environment): QueueRedisLookup {
	if (readVariable(env, 'EXECUTIONS_MODE') !== 'queue') return { shared: false, reason: 'not in queue mode' };
	if (readVariable(env, 'QUEUE_BULL_REDIS_CLUSTER_NODES')) {
		return { shared: false, reason: 'Redis cluster mode is not supported for shared pacing' };
	}
	const tls = readBoolean(env, 'QUEUE_BULL_REDIS_TLS', false);
	return {
		shared: true,
		settings: {
			host: readVariable(env, 'QUEUE_BULL_REDIS_HOST') || 'localhost',
			port: readNumber(env, 'QUEUE_BULL_REDIS_PORT', 6379),
			db: readNumber(env, 'QUEUE_BULL_REDIS_DB', 0),
			username: readVariable(env, 'QUEUE_BULL_REDIS_USERNAME') || undefined,
			password: readVariable(env, 'QUEUE_BULL_REDIS_PASSWORD') || undefined,
			tls: tls
				? {
						servername: readVariable(env, 'QUEUE_BULL_REDIS_TLS_SERVERNAME') || undefined,
						rejectUnauthorized: readBoolean(env, 'QUEUE_BULL_REDIS_TLS_VALIDATE_CERTIFICATE', true),
					}
				: undefined,
			prefix: readVariable(env, 'QUEUE_BULL_PREFIX') || 'bull',
		},
	};
}

const CONNECT_TIMEOUT_MS = 3000;
const COMMAND_TIMEOUT_MS = 2000;
const MAX_RECONNECT_DELAY_MS = 30_000;

/**
 * ioredis options for this package's own connection to n8n's Redis: connected on first use, and
 * commands fail at once while Redis is away (never queued), so callers can fall back at once.
 */
export function queueRedisClientOptions(settings: QueueRedisSettings, connectionName: string): RedisOptions {
	return {
		host: settings.host,
		port: settings.port,
		db: settings.db,
		username: settings.username,
		password: settings.password,
		tls: settings.tls,
		connectionName,
		lazyConnect: true,
		enableOfflineQueue: false,
		maxRetriesPerRequest: 0,
		connectTimeout: CONNECT_TIMEOUT_MS,
		commandTimeout: COMMAND_TIMEOUT_MS,
		retryStrategy: (attempt) => Math.min(attempt * 1000, MAX_RECONNECT_DELAY_MS),
	};
}
