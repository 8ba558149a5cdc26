import type { INodeExecutionData, Logger } from 'n8n-workflow';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { Billit } from '../../../nodes/Billit/Billit.node';
import { fakeExecute, type Parameters } from '../../support/fake-n8n/execute';
import { startRedis, type RedisServer } from '../../queue/redis';
import { credentialsFor, received, useBillitEmulator } from './harness';

// This file's process plays an n8n queue-mode worker: each run below is a new execution with empty
// static data, as n8n 2.41 gives a worker. Only the shared Redis can refuse the second listing.
let redis: RedisServer;
const emulator = useBillitEmulator();
const logged: string[] = [];

beforeAll(async () => {
	redis = await startRedis();
	vi.stubEnv('EXECUTIONS_MODE', 'queue');
	vi.stubEnv('QUEUE_BULL_REDIS_HOST', redis.host);
	vi.stubEnv('QUEUE_BULL_REDIS_PORT', String(redis.port));
});

afterAll(async () => {
	vi.unstubAllEnvs();
	await redis?.stop();
});

/** One execution of the Billit node, with n8n's logger (queue mode logs where requests are paced). */
async function execution(parameters: Parameters, continueOnFail = false) {
	const fake = fakeExecute({ parameters: { authentication: 'apiKey', ...parameters }, credentials: credentialsFor(emulator), continueOnFail });
	const record = (message: string) => logged.push(message);
	fake.context.logger = { info: record, warn: record, error: record, debug: record } as unknown as Logger;
	const output = (await new Billit().execute.call(fake.context)) as INodeExecutionData[][];
	return { output: output[0], staticData: fake.staticData };
}

describe('Accountant Feed in n8n queue mode', () => {
	it("refuses a second execution's listing within a minute through n8n's Redis, leaving static data alone", async () => {
		await execution({ resource: 'accountantFeed', operation: 'createFeed', feedName: 'export' });
		const listing = { resource: 'accountantFeed', operation: 'getItems', feedName: 'export' };

		const first = await execution(listing);
		const second = await execution(listing, true);

		expect(first.output.every((item) => item.json.error === undefined)).toBe(true);
		expect(second.output).toHaveLength(1);
		expect(second.output[0].json.error).toMatch(/^Feed "export" was listed \d+ s ago; Billit allows one listing a minute, try again in \d+ s$/);
		expect(received(emulator, { method: 'GET', path: '/v1/accountant/feeds/export' })).toHaveLength(1);
		expect(first.staticData).toEqual({});
		expect(second.staticData).toEqual({});
		expect(logged.filter((message) => message.startsWith('Billit accountant feeds:'))).toEqual([
			`Billit accountant feeds: one listing a minute per feed is held for all n8n processes through Redis at ${redis.host}:${redis.port}`,
		]);
	});
});
