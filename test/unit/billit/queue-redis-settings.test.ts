import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { queueRedisLookup } from '../../../lib/billit/queue-redis/queue-redis-settings';

const folder = mkdtempSync(join(tmpdir(), 'queue-redis-settings-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('queueRedisLookup', () => {
	it('shares nothing outside queue mode', () => {
		expect(queueRedisLookup({})).toEqual({ shared: false, reason: 'not in queue mode' });
		expect(queueRedisLookup({ EXECUTIONS_MODE: 'regular', QUEUE_BULL_REDIS_HOST: 'redis' }).shared).toBe(false);
	});

	it("uses n8n's defaults in queue mode", () => {
		expect(queueRedisLookup({ EXECUTIONS_MODE: 'queue' })).toEqual({
			shared: true,
			settings: { host: 'localhost', port: 6379, db: 0, username: undefined, password: undefined, tls: undefined, prefix: 'bull' },
		});
	});

	it("reads every connection variable n8n reads, quotes stripped as n8n does", () => {
		const lookup = queueRedisLookup({
			EXECUTIONS_MODE: '"queue"',
			QUEUE_BULL_REDIS_HOST: 'redis.internal',
			QUEUE_BULL_REDIS_PORT: '6380',
			QUEUE_BULL_REDIS_DB: '3',
			QUEUE_BULL_REDIS_USERNAME: 'n8n',
			QUEUE_BULL_REDIS_PASSWORD: 'pa55-word',
			QUEUE_BULL_REDIS_TLS: 'true',
			QUEUE_BULL_REDIS_TLS_SERVERNAME: 'redis.example',
			QUEUE_BULL_REDIS_TLS_VALIDATE_CERTIFICATE: 'false',
			QUEUE_BULL_PREFIX: 'tenant-a',
		});
		expect(lookup).toEqual({
			shared: true,
			settings: {
				host: 'redis.internal',
				port: 6380,
				db: 3,
				username: 'n8n',
				password: 'pa55-word',
				tls: { servername: 'redis.example', rejectUnauthorized: false },
				prefix: 'tenant-a',
			},
		});
	});

	it('reads a variable from its _FILE twin when the variable itself is not set', () => {
		const passwordFile = join(folder, 'redis-password');
		writeFileSync(passwordFile, 'from-a-file\n');
		const lookup = queueRedisLookup({ EXECUTIONS_MODE: 'queue', QUEUE_BULL_REDIS_PASSWORD_FILE: passwordFile });
		expect(lookup.shared && lookup.settings.password).toBe('from-a-file');
		const direct = queueRedisLookup({ EXECUTIONS_MODE: 'queue', QUEUE_BULL_REDIS_PASSWORD: 'direct', QUEUE_BULL_REDIS_PASSWORD_FILE: passwordFile });
		expect(direct.shared && direct.settings.password).toBe('direct');
	});

	it('keeps the default port when the variable is not a number, and TLS off unless asked for', () => {
		const lookup = queueRedisLookup({ EXECUTIONS_MODE: 'queue', QUEUE_BULL_REDIS_PORT: 'six', QUEUE_BULL_REDIS_TLS: 'no' });
		expect(lookup.shared && lookup.settings.port).toBe(6379);
		expect(lookup.shared && lookup.settings.tls).toBeUndefined();
	});

	it('leaves Redis cluster setups to per-process pacing', () => {
		expect(queueRedisLookup({ EXECUTIONS_MODE: 'queue', QUEUE_BULL_REDIS_CLUSTER_NODES: 'a:6379,b:6379' })).toEqual({
			shared: false,
			reason: 'Redis cluster mode is not supported for shared pacing',
		});
	});
});
