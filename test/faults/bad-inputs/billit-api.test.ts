/**
 * Billit answers that must stop a node cleanly: an API key of another environment, a NextPageLink
 * to another host, and a 429 storm longer than the retry budget (fake clock, no real waiting).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../../emulator';
import type { Clock } from '../../../lib/billit/request/clock';
import { executeBillitRequest, type SendFunction } from '../../../lib/billit/request/request-core';
import { runNode } from '../../support/fake-n8n/execute';
import { Billit } from '../../../nodes/Billit/Billit.node';
import {
	credentialsFor,
	invoiceCreateParameters,
	received,
	resetEmulator,
	runBillit,
	startBillitEmulator,
	storedOrders,
} from '../support/billit';

let emulator: Emulator;

beforeAll(async () => {
	emulator = await startBillitEmulator();
});
afterAll(async () => {
	await emulator.stop();
});
beforeEach(() => {
	resetEmulator(emulator, { rateLimitPerSecond: 0, pageSize: 2 });
});

describe('Billit node against the wrong Billit', () => {
	it('an API key of another environment: 401 ApiKeyNotValid, nothing created', async () => {
		const before = storedOrders(emulator).length;
		const credentials = credentialsFor(emulator);
		const attempt = runNode(new Billit(), {
			parameters: { authentication: 'apiKey', ...invoiceCreateParameters({ OrderNumber: 'ENV-1' }) },
			credentials: { ...credentials, billitApi: { ...credentials.billitApi, apiKey: 'production-key-used-on-sandbox' } },
		});
		await expect(attempt).rejects.toThrow(
			/Billit rejected the credentials \(ApiKeyNotValid\): .*the environment .* is the one the credential belongs to/,
		);
		await expect(attempt).rejects.not.toThrow(/production-key-used-on-sandbox/);
		expect(storedOrders(emulator)).toHaveLength(before);
	});

	it('a NextPageLink to another host is not followed', async () => {
		emulator.admin.seed({ parties: 5 });
		const attempt = runBillit(
			emulator,
			{ resource: 'party', operation: 'getMany', returnAll: true, filters: {}, simplify: false },
			{
				// The node reads answers as text; move the link's origin to another host.
				alterResponse: (_request, response) => {
					if (typeof response.body === 'string') {
						response.body = response.body.replace(
							/"NextPageLink":"http:\/\/127\.0\.0\.1:\d+/,
							'"NextPageLink":"https://billit.attacker.test',
						);
					}
				},
			},
		);
		await expect(attempt).rejects.toThrow(
			/NextPageLink to https:\/\/billit\.attacker\.test, which is not the configured Billit host/,
		);
		expect(received(emulator, { method: 'GET', path: '/v1/parties' })).toHaveLength(1);
	});
});

/** Virtual time: sleeping advances it at once. */
function fakeClock(): Clock & { sleptMs: number } {
	const clock = {
		sleptMs: 0,
		now: () => Date.parse('2026-05-02T10:00:00Z') + clock.sleptMs,
		sleep: async (ms: number) => {
			clock.sleptMs += ms;
		},
	};
	return clock;
}

function alwaysAnswer(statusCode: number, retryAfter?: string): SendFunction & { calls: number } {
	const send = Object.assign(
		async () => {
			send.calls++;
			return {
				statusCode,
				headers: retryAfter ? { 'retry-after': retryAfter } : {},
				body: JSON.stringify({ errors: [{ Code: 'TooManyRequests', Description: 'Slow down' }] }),
			};
		},
		{ calls: 0 },
	);
	return send;
}

describe('429 storms longer than the retry budget', () => {
	const request = { method: 'GET' as const, url: 'https://api.billit.test/v1/orders' };

	it('Retry-After 1 s forever: gives up after the attempt limit with Billit\'s code', async () => {
		const clock = fakeClock();
		const send = alwaysAnswer(429, '1');
		await expect(executeBillitRequest(request, { send, clock })).rejects.toThrow(/429.*TooManyRequests.*after 5 attempts/s);
		expect(send.calls).toBe(5);
		expect(clock.sleptMs).toBe(4_000);
	});

	it('Retry-After longer than the budget: fails at once, saying so', async () => {
		const clock = fakeClock();
		const send = alwaysAnswer(429, '3600');
		await expect(executeBillitRequest(request, { send, clock })).rejects.toThrow(
			/Billit asked to retry after 3600 s, longer than the retry budget of 60 s/,
		);
		expect(send.calls).toBe(1);
		expect(clock.sleptMs).toBe(0);
	});

	it('Retry-After 20 s each time: stops when the budget is spent', async () => {
		const clock = fakeClock();
		const send = alwaysAnswer(429, '20');
		await expect(executeBillitRequest(request, { send, clock })).rejects.toThrow(
			/the 0 s left of the 60 s retry budget/,
		);
		expect(clock.sleptMs).toBeLessThanOrEqual(60_000);
	});

	it('503 without Retry-After: backoff stays inside the budget', async () => {
		const clock = fakeClock();
		const send = alwaysAnswer(503);
		await expect(
			executeBillitRequest(request, { send, clock, random: () => 1, retry: { budgetMs: 2_000 } }),
		).rejects.toThrow(/503/);
		expect(clock.sleptMs).toBeLessThanOrEqual(2_000);
	});
});
