import { request } from 'node:http';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { DEMO } from '../../../emulator';
import { call, errorCode, invoiceBody, startEmulatorTarget, type Target } from './target';

let target: Target;
const admin = () => {
	if (!target.emulator) throw new Error('emulator only');
	return target.emulator.admin;
};
const customer = { Name: 'Control Customer', Email: 'control@example.com' };
const orderCount = () => admin().store.companyData(DEMO.partyIds[0]).orders.size;

beforeAll(async () => {
	target = await startEmulatorTarget();
});
afterAll(async () => {
	await target.emulator?.stop();
});
beforeEach(() => {
	admin().reset();
});

/** A request whose connection may be dropped: resolves with the status or the socket error code. */
function rawPost(path: string, body: unknown, headers: Record<string, string> = {}): Promise<number | string> {
	return new Promise((resolve) => {
		const url = new URL(path, target.baseUrl);
		const req = request(url, { method: 'POST', headers: { ApiKey: target.apiKey, PartyID: target.partyId, 'Content-Type': 'application/json', ...headers } }, (res) => {
			res.resume();
			res.on('end', () => resolve(res.statusCode ?? 0));
		});
		req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
		req.end(JSON.stringify(body));
	});
}

describe('idempotency keys', () => {
	const post = (key: string, name = 'Idempotency-Key') => call(target, 'POST', '/v1/orders', { body: invoiceBody('idem', customer), headers: { [name]: key } });

	it('answers a reused key with 409 "Idempotent token already exists" by default, under either header name', async () => {
		expect((await post('k2')).status).toBe(200);
		const second = await post('k2', 'Idempotent-Key');
		expect(second.status).toBe(409);
		expect(errorCode(second)).toBe('Idempotent token already exists');
		expect(orderCount()).toBe(1);
	});

	it('stores a key only when the write succeeded', async () => {
		const refused = await call(target, 'POST', '/v1/orders', { body: { OrderType: 'Invoice' }, headers: { 'Idempotency-Key': 'k4' } });
		expect(refused.status).toBe(400);
		expect((await post('k4')).status).toBe(200);
	});

	it('replays the first answer in replay mode without a second change', async () => {
		admin().setSwitches({ idempotency: 'replay' });
		const first = await post('k1');
		const second = await post('k1');
		expect(second.status).toBe(200);
		expect(second.json).toBe(first.json);
		expect(orderCount()).toBe(1);
		expect(admin().requests({ method: 'POST' }).map((entry) => entry.idempotentReplay ?? false)).toEqual([false, true]);
	});

	it('ignores the header in ignore mode', async () => {
		admin().setSwitches({ idempotency: 'ignore' });
		const first = await post('k3');
		const second = await post('k3');
		expect(second.json).not.toBe(first.json);
		expect(orderCount()).toBe(2);
	});

	it('keeps keys apart per company', async () => {
		await post('shared');
		const other = await call(target, 'POST', '/v1/orders', { body: invoiceBody('idem', customer), headers: { 'Idempotent-Key': 'shared', ContextPartyID: String(DEMO.partyIds[1]) } });
		expect(other.status).toBe(200);
		expect(admin().store.companyData(DEMO.partyIds[1]).orders.size).toBe(1);
	});
});

describe('rate limiting', () => {
	it('answers 429 with Retry-After and Billit error body beyond the per-company limit', async () => {
		admin().setSwitches({ rateLimitPerSecond: 3 });
		const answers = await Promise.all(Array.from({ length: 10 }, () => call(target, 'GET', '/v1/orders?$top=1', { raw: true })));
		const limited = answers.filter((answer) => answer.status === 429);
		expect(limited.length).toBeGreaterThanOrEqual(4);
		expect(limited[0].headers.get('retry-after')).toBe('1');
		expect(errorCode(limited[0])).toBe('TooManyRequests');
		// Another company has its own budget.
		const other = await call(target, 'GET', '/v1/orders?$top=1', { raw: true, headers: { ContextPartyID: String(DEMO.partyIds[2]) } });
		expect([200, 429]).toContain(other.status);
	});

	it('can be switched off', async () => {
		admin().setSwitches({ rateLimitPerSecond: 0 });
		const answers = await Promise.all(Array.from({ length: 60 }, () => call(target, 'GET', '/v1/orders?$top=1', { raw: true })));
		expect(new Set(answers.map((answer) => answer.status))).toEqual(new Set([200]));
	});
});

describe('fault injection', () => {
	it('adds latency: a delayed request is overtaken by a later one', async () => {
		admin().addFault({ kind: 'latency', latencyMs: 400, path: '/v1/orders', count: 1 });
		const finished: string[] = [];
		const delayed = call(target, 'GET', '/v1/orders', { raw: true }).then((answer) => finished.push(`orders ${answer.status}`));
		await new Promise((resolve) => setImmediate(resolve));
		const quick = call(target, 'GET', '/v1/parties', { raw: true }).then((answer) => finished.push(`parties ${answer.status}`));
		await Promise.all([delayed, quick]);
		expect(finished).toEqual(['parties 200', 'orders 200']);
		expect(admin().requests({ path: '/v1/orders' })[0].faults).toEqual(['latency']);
	});

	it('answers an injected status for the next N matching requests only', async () => {
		admin().addFault({ kind: 'status', status: 503, count: 2, method: 'GET', path: '/v1/orders' });
		const statuses = [];
		for (let i = 0; i < 3; i++) statuses.push((await call(target, 'GET', '/v1/orders', { raw: true })).status);
		expect(statuses).toEqual([503, 503, 200]);
		expect((await call(target, 'GET', '/v1/parties', { raw: true })).status).toBe(200);
		expect(admin().faults.list()).toEqual([]);
	});

	it('drops the connection before the change is committed', async () => {
		admin().addFault({ kind: 'dropBefore', method: 'POST' });
		const outcome = await rawPost('/v1/orders', invoiceBody('drop', customer));
		expect(typeof outcome).toBe('string');
		expect(orderCount()).toBe(0);
	});

	it('drops the connection after the change is committed; a retry with the same key is told it was applied', async () => {
		admin().addFault({ kind: 'dropAfter', method: 'POST' });
		const outcome = await rawPost('/v1/orders', invoiceBody('drop', customer), { 'Idempotent-Key': 'after-drop' });
		expect(typeof outcome).toBe('string');
		expect(orderCount()).toBe(1);
		const retry = await call(target, 'POST', '/v1/orders', { body: invoiceBody('drop', customer), headers: { 'Idempotent-Key': 'after-drop' } });
		expect(retry.status).toBe(409);
		expect(orderCount()).toBe(1);
	});

	it('applies an error rate to a share of all requests, repeatably for a seed', async () => {
		admin().addFault({ kind: 'status', status: 500, share: 0.5 });
		const statuses: number[] = [];
		for (let i = 0; i < 40; i++) statuses.push((await call(target, 'GET', '/v1/orders?$top=1', { raw: true })).status);
		const failures = statuses.filter((status) => status === 500).length;
		expect(failures).toBeGreaterThan(8);
		expect(failures).toBeLessThan(32);
		admin().reset();
		admin().addFault({ kind: 'status', status: 500, share: 0.5 });
		const again: number[] = [];
		for (let i = 0; i < 40; i++) again.push((await call(target, 'GET', '/v1/orders?$top=1', { raw: true })).status);
		expect(again).toEqual(statuses);
	});

	it('manages rules through the admin API', async () => {
		const added = await fetch(`${target.baseUrl}/_emulator/faults`, { method: 'POST', body: JSON.stringify({ kind: 'status', status: 502, share: 1 }) });
		const rule = (await added.json()) as { id: number };
		expect((await call(target, 'GET', '/v1/orders', { raw: true })).status).toBe(502);
		expect((await fetch(`${target.baseUrl}/_emulator/faults/${rule.id}`, { method: 'DELETE' })).status).toBe(200);
		expect((await call(target, 'GET', '/v1/orders', { raw: true })).status).toBe(200);
		const invalid = await fetch(`${target.baseUrl}/_emulator/faults`, { method: 'POST', body: JSON.stringify({ kind: 'explode' }) });
		expect(invalid.status).toBe(400);
	});
});

describe('request log', () => {
	it('records requests with credentials redacted to a hash', async () => {
		await call(target, 'GET', '/v1/orders?$top=2');
		const [entry] = admin().requests({ path: '/v1/orders' });
		expect(entry).toMatchObject({ method: 'GET', path: '/v1/orders', query: '?$top=2', status: 200 });
		expect(entry.headers.apikey).toMatch(/^\[redacted sha256:[0-9a-f]{12}\]$/);
		expect(JSON.stringify(admin().requests())).not.toContain(DEMO.apiKey);
		const viaApi = await fetch(`${target.baseUrl}/_emulator/requests?method=GET`);
		expect(((await viaApi.json()) as unknown[]).length).toBe(1);
	});
});

describe('switches and robustness', () => {
	it('serves files as raw bytes when switched', async () => {
		const id = (await call(target, 'POST', '/v1/orders', { body: invoiceBody('raw', customer) })).json as number;
		await call(target, 'POST', '/v1/orders/commands/send', { body: { OrderIds: [id], TransportType: 'SMTP' } });
		const order = (await call(target, 'GET', `/v1/orders/${id}`)).json as { OrderPDF: { FileID: number } };
		admin().setSwitches({ fileDownload: 'raw' });
		const file = await call(target, 'GET', `/v1/files/${order.OrderPDF.FileID}`);
		expect(file.headers.get('content-type')).toBe('application/pdf');
		expect(file.text.startsWith('%PDF-')).toBe(true);
	});

	it.each([
		['null', null],
		['empty', ''],
		['absent', undefined],
	] as const)('marks the last page with NextPageLink %s', async (mode, expected) => {
		admin().setSwitches({ nextPageLink: mode });
		const page = (await call(target, 'GET', '/v1/orders')).json as Record<string, unknown>;
		expect('NextPageLink' in page).toBe(expected !== undefined);
		expect(page.NextPageLink).toBe(expected);
	});

	it('builds NextPageLink on the host the client addressed', async () => {
		admin().setSwitches({ pageSize: 1 });
		admin().seed({ invoices: 2 });
		const body = await new Promise<string>((resolve, reject) => {
			const req = request(new URL('/v1/orders?$orderby=OrderID asc', target.baseUrl), { headers: { ApiKey: target.apiKey, PartyID: target.partyId, Host: 'billit.emulator.test:8443' } }, (res) => {
				let text = '';
				res.on('data', (chunk: Buffer) => (text += chunk.toString()));
				res.on('end', () => resolve(text));
			});
			req.on('error', reject);
			req.end();
		});
		const link = new URL((JSON.parse(body) as { NextPageLink: string }).NextPageLink);
		expect(link.host).toBe('billit.emulator.test:8443');
		expect(link.searchParams.get('$skip')).toBe('1');
		expect(link.searchParams.get('$orderby')).toBe('OrderID asc');
	});

	it('answers in the legacy error shape when switched', async () => {
		admin().setSwitches({ errorShape: 'legacy' });
		const answer = await call(target, 'GET', '/v1/orders/12345');
		expect(answer.json).toEqual({ ErrorMessage: expect.any(String), DefaultText: expect.any(String), ErrorEnum: 'NotFound' });
	});

	it('keeps LastModified strictly increasing, or equal when ties are switched on', async () => {
		const ids: number[] = [];
		for (let i = 0; i < 3; i++) ids.push((await call(target, 'POST', '/v1/orders', { body: invoiceBody(`lm${i}`, customer) })).json as number);
		const stamps = async () => {
			const list = (await call(target, 'GET', `/v1/orders?$orderby=OrderID asc`)).json as { Items: Array<{ LastModified: string }> };
			return list.Items.map((item) => Date.parse(item.LastModified));
		};
		const distinct = await stamps();
		expect(distinct[1]).toBeGreaterThan(distinct[0]);
		expect(distinct[2]).toBeGreaterThan(distinct[1]);
		admin().setSwitches({ lastModifiedTies: true });
		for (const id of ids) await call(target, 'PATCH', `/v1/orders/${id}`, { body: { InternalInfo: 'tie' } });
		expect(new Set(await stamps()).size).toBe(1);
	});

	it('answers unknown fields, wrong methods and unknown paths with error bodies', async () => {
		// The emulator's own answers to input outside the contract, with the contract check off.
		const unknownField = await call(target, 'POST', '/v1/orders', { body: { ...invoiceBody('u', customer), Colour: 'blue' }, headers: { 'X-Emulator-Contract': 'off' } });
		expect(unknownField.status).toBe(400);
		expect(unknownField.json).toEqual({ errors: [{ Code: 'UnknownField', Description: expect.stringContaining('Colour') }] });
		const nullField = await call(target, 'POST', '/v1/orders', { body: { ...invoiceBody('u', customer), Reference: null }, headers: { 'X-Emulator-Contract': 'off' } });
		expect(errorCode(nullField)).toBe('InvalidFieldValue');
		expect((await call(target, 'PUT', '/v1/orders')).status).toBe(405);
		expect((await call(target, 'GET', '/v1/nothing-here')).status).toBe(404);
		const badFilter = await call(target, 'GET', `/v1/orders?$filter=${encodeURIComponent("OrderNumber eq 'x")}`);
		expect(errorCode(badFilter)).toBe('InvalidFilter');
	});

	it("answers a bare or malformed $filter date with Billit's 400 and a DateTime'…' literal with 200 (docs: odata)", async () => {
		const list = (filter: string) => call(target, 'GET', `/v1/orders?$filter=${encodeURIComponent(filter)}`);
		for (const filter of ['LastModified gt 2026-01-01', "LastModified gt '2026-01-01'", "LastModified gt DateTime'01/01/2026'"]) {
			const refused = await list(filter);
			expect(refused.status, filter).toBe(400);
			expect(refused.json).toEqual({ errors: [{ Code: 'InvalidFilter', Description: expect.any(String) }] });
		}
		expect((await list("LastModified gt DateTime'2026-01-01T00:00:00'")).status).toBe(200);
		expect((await list("OrderDate ge datetime'2022-01-01' and OrderDate le datetime'2022-12-31'")).status).toBe(200);
	});

	it('answers 500 with an error body when a handler fails, and stays up', async () => {
		// A corrupt stored order makes the list handler throw.
		admin().store.companyData(DEMO.partyIds[0]).orders.set(1, null as never);
		const failed = await call(target, 'GET', '/v1/orders');
		expect(failed.status).toBe(500);
		expect(errorCode(failed)).toBe('InternalServerError');
		expect((await call(target, 'GET', '/v1/parties')).status).toBe(200);
	});

	it('refuses unknown switches and wrong switch types', async () => {
		expect(() => admin().setSwitches({ nope: true })).toThrow(/Unknown switch/);
		const answer = await fetch(`${target.baseUrl}/_emulator/switches`, { method: 'PATCH', body: JSON.stringify({ pageSize: 'ten' }) });
		expect(answer.status).toBe(400);
	});
});
