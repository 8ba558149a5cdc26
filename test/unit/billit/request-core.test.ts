import { randomUUID } from 'node:crypto';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { BillitApiError, BillitRequestError } from '../../../lib/billit/request/errors';
import { CompanyPacer } from '../../../lib/billit/pacing/pacer';
import {
	executeBillitRequest,
	type BillitCoreDependencies,
	type BillitCoreRequest,
} from '../../../lib/billit/request/request-core';
import { driveFakeTime, useFakeTime } from './helpers/fake-time';
import { createHttpSend } from './helpers/http-send';
import { sequence, startTestServer, type Answer, type Responder, type TestServer } from './helpers/test-server';

// Generated per run: what must never surface in an error.
const API_KEY = `live-${randomUUID()}`;
const servers: TestServer[] = [];

async function server(responder: Responder): Promise<TestServer> {
	const started = await startTestServer(responder);
	servers.push(started);
	return started;
}

function run(request: BillitCoreRequest, dependencies: Partial<BillitCoreDependencies> = {}) {
	const http = createHttpSend();
	const work = executeBillitRequest(request, { send: http.send, random: () => 0.5, ...dependencies });
	return driveFakeTime(work, http.inFlight);
}

async function failureOf(promise: Promise<unknown>): Promise<Error> {
	const error = await promise.then(
		() => undefined,
		(caught: unknown) => caught,
	);
	if (!(error instanceof Error)) throw new Error('expected the request to fail');
	return error;
}

const ok: Answer = { status: 200, body: { done: true } };
const unavailable: Answer = { status: 503, body: 'Service Unavailable' };

beforeEach(() => useFakeTime());
afterEach(async () => {
	vi.useRealTimers();
	await Promise.all(servers.splice(0).map(async (started) => await started.close()));
});

describe('retries on 429 and 5xx', () => {
	it('waits the 2 s of Retry-After in seconds, then succeeds', async () => {
		const billit = await server(sequence({ status: 429, headers: { 'Retry-After': '2' } }, ok));
		const response = await run({ method: 'GET', url: `${billit.baseUrl}/v1/orders` });
		expect(response.body).toEqual({ done: true });
		expect(billit.requests.map((request) => request.at - billit.requests[0].at)).toEqual([0, 2000]);
	});

	it('waits until the HTTP date of Retry-After, then succeeds', async () => {
		const billit = await server((_request, index) =>
			index === 0
				? { status: 429, headers: { 'Retry-After': new Date(Date.now() + 2000).toUTCString() } }
				: ok,
		);
		await run({ method: 'GET', url: `${billit.baseUrl}/v1/orders` });
		expect(billit.requests[1].at - billit.requests[0].at).toBe(2000);
	});

	it('fails at once when Retry-After exceeds the retry budget', async () => {
		const billit = await server(sequence({ status: 429, headers: { 'Retry-After': '3600' } }, ok));
		const error = await failureOf(run({ method: 'GET', url: `${billit.baseUrl}/v1/orders` }));
		expect(error).toBeInstanceOf(BillitRequestError);
		expect(error.message).toContain('Billit asked to retry after 3600 s, longer than the retry budget of 60 s');
		expect(billit.requests).toHaveLength(1);
		expect(Date.now() - billit.requests[0].at).toBe(0);
	});

	it('retries a create through three 503s with one idempotency key under both header names and returns the bare integer', async () => {
		const billit = await server(sequence(unavailable, unavailable, unavailable, { status: 200, body: '4711' }));
		const response = await run({ method: 'POST', url: `${billit.baseUrl}/v1/orders`, body: { OrderNumber: 'A1' } });
		expect(response.body).toBe(4711);
		expect(billit.requests).toHaveLength(4);
		const keys = new Set(billit.requests.map((request) => request.headers['idempotent-key']));
		expect(keys.size).toBe(1);
		expect([...keys][0]).toMatch(/^[0-9a-f]{32}$/);
		expect(billit.requests.every((request) => request.headers['idempotency-key'] === request.headers['idempotent-key'])).toBe(true);
	});

	describe('a 409 "Idempotent token already exists"', () => {
		const conflict = { status: 409, body: JSON.stringify({ errors: [{ Code: 'Idempotent token already exists' }] }) };

		it('resolves the earlier create through onAlreadyApplied', async () => {
			const billit = await server(sequence(conflict));
			const contexts: unknown[] = [];
			const response = await run({
				method: 'POST',
				url: `${billit.baseUrl}/v1/orders`,
				body: {},
				idempotencyKey: 'k1',
				onAlreadyApplied: async (context) => {
					contexts.push(context);
					return 4711;
				},
			});
			expect(response).toMatchObject({ body: 4711, alreadyApplied: true });
			expect(contexts).toEqual([expect.objectContaining({ idempotencyKey: 'k1', method: 'POST' })]);
		});

		it('fails a create without a resolver with a message saying it was applied before', async () => {
			const billit = await server(sequence(conflict));
			const error = await failureOf(run({ method: 'POST', url: `${billit.baseUrl}/v1/orders`, body: {}, idempotencyKey: 'k2' }));
			expect(error).toBeInstanceOf(BillitRequestError);
			expect(error.message).toContain('already applied');
			expect(billit.requests).toHaveLength(1);
		});

		it('counts as done for a PATCH', async () => {
			const billit = await server(sequence(conflict));
			const response = await run({ method: 'PATCH', url: `${billit.baseUrl}/v1/orders/1`, body: { Paid: true } });
			expect(response.alreadyApplied).toBe(true);
		});

		it('is an ordinary error when it is another conflict', async () => {
			const billit = await server(sequence({ status: 409, body: JSON.stringify({ errors: [{ Code: 'OrderNumberExists' }] }) }));
			const error = await failureOf(run({ method: 'POST', url: `${billit.baseUrl}/v1/orders`, body: {} }));
			expect(error).toBeInstanceOf(BillitApiError);
		});
	});

	it('keeps a caller-given idempotency key and sends none on reads', async () => {
		const billit = await server(sequence(ok));
		await run({ method: 'PATCH', url: `${billit.baseUrl}/v1/orders/1`, body: {}, idempotencyKey: 'export-1' });
		await run({ method: 'GET', url: `${billit.baseUrl}/v1/orders/1` });
		expect(billit.requests.map((request) => request.headers['idempotent-key'])).toEqual(['export-1', undefined]);
	});

	it('gives up after the configured number of attempts', async () => {
		const billit = await server(sequence(unavailable));
		const error = await failureOf(run({ method: 'GET', url: `${billit.baseUrl}/v1/orders` }));
		expect(error).toBeInstanceOf(BillitApiError);
		expect(error.message).toContain('(after 5 attempts)');
		expect(billit.requests).toHaveLength(5);
	});

	it('spreads retries with exponential backoff inside the wait budget', async () => {
		const billit = await server(sequence(unavailable));
		await failureOf(
			run(
				{ method: 'GET', url: `${billit.baseUrl}/v1/orders` },
				{ retry: { maxAttempts: 10, budgetMs: 5000, baseDelayMs: 1000, maxDelayMs: 60_000 } },
			),
		);
		const gaps = billit.requests.slice(1).map((request, index) => request.at - billit.requests[index].at);
		// random() = 0.5: half of 1 s, 2 s, 4 s ..., the last one cut to what is left of the 5 s budget.
		expect(gaps).toEqual([500, 1000, 2000, 1500]);
	});

	const internalError: Answer = { status: 500, body: { errors: [{ Code: 'InternalError', Description: 'Boom' }] } };

	it.each(['GET', 'PUT', 'PATCH', 'DELETE'] as const)('retries a 500 on %s, which is idempotent', async (method) => {
		const billit = await server(sequence(internalError, ok));
		const response = await run({ method, url: `${billit.baseUrl}/v1/orders/1`, body: method === 'PUT' || method === 'PATCH' ? {} : undefined });
		expect(response.body).toEqual({ done: true });
		expect(billit.requests).toHaveLength(2);
	});

	it('gives up on a 500 that repeats after the attempts, with Billit\'s reason', async () => {
		const billit = await server(sequence(internalError));
		const error = await failureOf(run({ method: 'GET', url: `${billit.baseUrl}/v1/orders` }));
		expect(error.message).toBe('Billit rejected the request (500 InternalError): Boom (after 5 attempts)');
		expect(billit.requests).toHaveLength(5);
	});

	it('does not retry a 500 on a POST, which could create twice', async () => {
		const billit = await server(sequence(internalError, ok));
		const error = await failureOf(run({ method: 'POST', url: `${billit.baseUrl}/v1/orders`, body: { OrderNumber: 'A1' } }));
		expect(error.message).toBe('Billit rejected the request (500 InternalError): Boom');
		expect(billit.requests).toHaveLength(1);
	});
});

describe('Billit error answers', () => {
	it('fails at once on a 400 naming the Billit code', async () => {
		const billit = await server(
			sequence({
				status: 400,
				body: { errors: [{ Code: 'TheCustomerIsNotActiveOnPeppol', Description: 'The customer is not active on Peppol' }] },
			}),
		);
		const error = await failureOf(run({ method: 'POST', url: `${billit.baseUrl}/v1/orders/commands/send`, body: {} }));
		expect(error).toBeInstanceOf(BillitApiError);
		expect((error as BillitApiError).httpCode).toBe(400);
		expect((error as BillitApiError).codes).toEqual(['TheCustomerIsNotActiveOnPeppol']);
		expect(error.message).toBe(
			'Billit rejected the request (400 TheCustomerIsNotActiveOnPeppol): The customer is not active on Peppol',
		);
		expect(billit.requests).toHaveLength(1);
	});

	it('reads the legacy error shape', async () => {
		const billit = await server(
			sequence({ status: 400, body: { ErrorEnum: 'InvalidVatNumber', ErrorMessage: 'The VAT number is not valid', DefaultText: 'Invalid' } }),
		);
		const error = await failureOf(run({ method: 'GET', url: `${billit.baseUrl}/v1/parties` }));
		expect(error.message).toBe('Billit rejected the request (400 InvalidVatNumber): The VAT number is not valid');
	});

	it('explains a 401 in terms of credentials and environment', async () => {
		const billit = await server(sequence({ status: 401, body: { errors: [{ Code: 'ApiKeyNotValid', Description: 'Invalid' }] } }));
		const error = await failureOf(run({ method: 'GET', url: `${billit.baseUrl}/v1/account/accountInformation` }));
		expect(error.message).toMatch(/^Billit rejected the credentials \(ApiKeyNotValid\): check the API key .*environment/);
	});

	it('keeps secrets out of error messages and bodies', async () => {
		const billit = await server((request) => ({
			status: 400,
			body: { errors: [{ Code: 'Invalid', Description: `Key ${String(request.headers.apikey)} is not allowed here` }] },
		}));
		const error = await failureOf(
			run({ method: 'GET', url: `${billit.baseUrl}/v1/orders`, headers: { ApiKey: API_KEY } }, { secrets: [API_KEY] }),
		);
		expect(error.message).toBe('Billit rejected the request (400 Invalid): Key [redacted] is not allowed here');
		expect(JSON.stringify((error as BillitApiError).responseBody)).not.toContain(API_KEY);
	});
});

describe('request bodies', () => {
	it('omits null and undefined fields at every depth', async () => {
		const billit = await server(sequence(ok));
		await run({
			method: 'POST',
			url: `${billit.baseUrl}/v1/orders`,
			body: {
				OrderNumber: 'A1',
				Reference: null,
				Customer: { Name: 'Acme', Email: undefined, Addresses: [{ City: 'Gent', Box: null }, null] },
				OrderLines: [{ Quantity: 0, Description: '', VATPercentage: null }],
			},
		});
		expect(JSON.parse(billit.requests[0].body)).toEqual({
			OrderNumber: 'A1',
			Customer: { Name: 'Acme', Addresses: [{ City: 'Gent' }] },
			OrderLines: [{ Quantity: 0, Description: '' }],
		});
	});
});

describe('creates whose outcome is unknown', () => {
	const dropped: Answer = { drop: true };

	it('are not repeated without an idempotency key or existence check', async () => {
		const billit = await server(sequence(dropped, ok));
		const error = await failureOf(
			run({ method: 'POST', url: `${billit.baseUrl}/v1/orders`, body: { OrderNumber: 'A1' }, idempotencyKey: false }),
		);
		expect(error).toBeInstanceOf(BillitRequestError);
		expect((error as BillitRequestError).reason).toBe('unknown-outcome');
		expect(error.message).toMatch(/may or may not have processed it/);
		expect(billit.requests).toHaveLength(1);
	});

	it('are repeated when they carry an Idempotent-Key', async () => {
		const billit = await server(sequence(dropped, { status: 200, body: '12' }));
		const response = await run({ method: 'POST', url: `${billit.baseUrl}/v1/orders`, body: { OrderNumber: 'A1' } });
		expect(response.body).toBe(12);
		expect(billit.requests).toHaveLength(2);
		expect(billit.requests[1].headers['idempotent-key']).toBe(billit.requests[0].headers['idempotent-key']);
	});

	it('end with the existing document when the check finds it', async () => {
		const billit = await server(sequence(dropped, ok));
		const onUnknownOutcome = vi.fn(async () => ({ exists: true as const, result: 99 }));
		const response = await run({ method: 'POST', url: `${billit.baseUrl}/v1/orders`, body: {}, onUnknownOutcome });
		expect(response.body).toBe(99);
		expect(billit.requests).toHaveLength(1);
		expect(onUnknownOutcome).toHaveBeenCalledWith(
			expect.objectContaining({ method: 'POST', attempt: 1, cause: expect.stringMatching(/ECONNRESET/) }),
		);
	});

	it('are retried when the check finds nothing, also after a gateway timeout', async () => {
		const billit = await server(sequence({ status: 504 }, { status: 200, body: '7' }));
		const onUnknownOutcome = vi.fn(async () => ({ exists: false as const }));
		const response = await run({ method: 'POST', url: `${billit.baseUrl}/v1/orders`, body: {}, onUnknownOutcome });
		expect(response.body).toBe(7);
		expect(onUnknownOutcome).toHaveBeenCalledWith(expect.objectContaining({ cause: 'HTTP 504' }));
		expect(billit.requests).toHaveLength(2);
	});

	it('reads are simply retried after a dropped connection', async () => {
		const billit = await server(sequence(dropped, ok));
		const response = await run({ method: 'GET', url: `${billit.baseUrl}/v1/orders/1` });
		expect(response.body).toEqual({ done: true });
	});

	it('retries a refused connection and then reports the network code', async () => {
		const closed = await startTestServer(sequence(ok));
		await closed.close();
		const error = await failureOf(run({ method: 'POST', url: `${closed.baseUrl}/v1/orders`, body: {}, idempotencyKey: false }));
		expect(error.message).toMatch(/^Could not reach Billit for POST .*\/v1\/orders \(ECONNREFUSED\) after 5 attempts$/);
	});
});

describe('pacing per company', () => {
	function maxInAnySecond(times: number[]): number {
		const sorted = [...times].sort((a, b) => a - b);
		let max = 0;
		for (let start = 0; start < sorted.length; start++) {
			let end = start;
			while (end < sorted.length && sorted[end] < sorted[start] + 1000) end++;
			max = Math.max(max, end - start);
		}
		return max;
	}

	it('keeps four concurrent callers within the rate while two companies pace independently', async () => {
		const billit = await server(sequence(ok));
		const http = createHttpSend();
		const companyA = new CompanyPacer(5);
		const companyB = new CompanyPacer(5);
		const caller = async (pacer: CompanyPacer, company: string, requests: number) => {
			for (let index = 0; index < requests; index++) {
				await executeBillitRequest(
					{ method: 'GET', url: `${billit.baseUrl}/v1/orders?company=${company}` },
					{ send: http.send, pacer },
				);
			}
		};
		const work = Promise.all([
			caller(companyA, 'A', 6),
			caller(companyA, 'A', 6),
			caller(companyA, 'A', 6),
			caller(companyA, 'A', 6),
			caller(companyB, 'B', 5),
		]);
		const start = Date.now();
		await driveFakeTime(work, http.inFlight);
		const times = (company: string) =>
			billit.requests.filter((request) => request.url.endsWith(`company=${company}`)).map((request) => request.at - start);
		expect(times('A')).toHaveLength(24);
		expect(maxInAnySecond(times('A'))).toBe(5);
		// Five at once, then one every 210 ms (a window of 1 s plus the 50 ms margin ÷ 5): 1050 + 18 × 210.
		expect(Math.max(...times('A'))).toBe(4830);
		expect(times('B')).toEqual([0, 0, 0, 0, 0]);
	});

	it('halves the rate after a 429 and recovers it step by step', async () => {
		const billit = await server(sequence({ status: 429, headers: { 'Retry-After': '1' } }, ok));
		const pacer = new CompanyPacer(8);
		await run({ method: 'GET', url: `${billit.baseUrl}/v1/orders` }, { pacer });
		expect(pacer.currentLimit).toBe(4);
		const http = createHttpSend();
		for (let index = 0; index < 3; index++) {
			await driveFakeTime(executeBillitRequest({ method: 'GET', url: `${billit.baseUrl}/v1/orders` }, { send: http.send, pacer }), http.inFlight);
		}
		expect(pacer.currentLimit).toBe(5);
	});
});
