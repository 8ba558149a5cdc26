/**
 * A real redis-server (Debian's, see scripts/install-test-deps.sh) standing in for n8n's queue-mode
 * Redis, an inspector connection to read what the code under test stored, and the stores a test
 * made, closed after each test.
 */
import Redis from 'ioredis';
import { afterAll, afterEach, beforeAll } from 'vitest';

import { startRedis, type RedisServer } from '../../queue/redis';

interface Closable {
	close(): Promise<void>;
}

export interface RedisScene {
	server: RedisServer;
	inspector: Redis;
	/** Registers a store for closing after the test; returns it. */
	track<T extends Closable>(store: T): T;
}

export function useRedisScene(): RedisScene {
	const stores: Closable[] = [];
	const scene = {
		track: <T extends Closable>(store: T): T => {
			stores.push(store);
			return store;
		},
	} as RedisScene;

	beforeAll(async () => {
		scene.server = await startRedis();
		scene.inspector = new Redis({ host: scene.server.host, port: scene.server.port, lazyConnect: true });
		await scene.inspector.connect();
	});

	afterEach(async () => {
		await Promise.all(stores.splice(0).map(async (created) => await created.close()));
	});

	afterAll(async () => {
		scene.inspector?.disconnect();
		await scene.server?.stop();
	});

	return scene;
}
