import { afterEach, describe, expect, it } from 'vitest';

import { BillitRequestError } from '../../../lib/billit/request/errors';
import { collectPages } from '../../../lib/billit/listing/paging';
import { executeBillitRequest } from '../../../lib/billit/request/request-core';
import { createHttpSend } from './helpers/http-send';
import { startTestServer, type TestServer } from './helpers/test-server';

let billit: TestServer | undefined;
afterEach(async () => await billit?.close());

/** Three pages of two orders each, linked by absolute NextPageLinks; the last link is empty. */
async function pagedServer(linkFor: (base: string, page: number) => string | undefined) {
	billit = await startTestServer((request) => {
		const page = Number(new URL(request.url, 'http://local').searchParams.get('page') ?? '1');
		const base = `http://${request.headers.host}`;
		return {
			status: 200,
			body: {
				Items: [{ OrderID: page * 10 + 1 }, { OrderID: page * 10 + 2 }],
				NextPageLink: linkFor(base, page) ?? '',
				Count: 6,
			},
		};
	});
	return billit;
}

function fetcher(baseUrl: string) {
	const { send } = createHttpSend();
	return async (next: string | undefined) =>
		(await executeBillitRequest({ method: 'GET', url: next ?? `${baseUrl}/v1/orders` }, { send })).body;
}

describe('collectPages', () => {
	it('follows NextPageLink until it is empty', async () => {
		const server = await pagedServer((base, page) => (page < 3 ? `${base}/v1/orders?page=${page + 1}` : undefined));
		const items = await collectPages<{ OrderID: number }>(fetcher(server.baseUrl), { baseUrl: server.baseUrl });
		expect(items.map((item) => item.OrderID)).toEqual([11, 12, 21, 22, 31, 32]);
		expect(server.requests.map((request) => request.url)).toEqual(['/v1/orders', '/v1/orders?page=2', '/v1/orders?page=3']);
	});

	it('stops early at the limit without loading further pages', async () => {
		const server = await pagedServer((base, page) => `${base}/v1/orders?page=${page + 1}`);
		const items = await collectPages(fetcher(server.baseUrl), { baseUrl: server.baseUrl, limit: 3 });
		expect(items).toHaveLength(3);
		expect(server.requests).toHaveLength(2);
	});

	it('refuses a NextPageLink to another host', async () => {
		const server = await pagedServer(() => 'https://collector.example.net/v1/orders?page=2');
		const error = await collectPages(fetcher(server.baseUrl), { baseUrl: server.baseUrl }).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(BillitRequestError);
		expect((error as BillitRequestError).reason).toBe('foreign-next-page-link');
		expect((error as Error).message).toContain('https://collector.example.net');
		expect(server.requests).toHaveLength(1);
	});

	it('stops when Billit repeats the same NextPageLink', async () => {
		const server = await pagedServer((base) => `${base}/v1/orders?page=2`);
		const error = await collectPages(fetcher(server.baseUrl), { baseUrl: server.baseUrl }).catch((caught: unknown) => caught);
		expect((error as BillitRequestError).reason).toBe('paging-loop');
		expect(server.requests).toHaveLength(2);
	});

	it('treats an absent NextPageLink as the last page and accepts plain arrays', async () => {
		const pages = [{ Items: [1, 2] }, [3, 4]];
		expect(await collectPages(async () => pages[0], { baseUrl: 'https://api.billit.be' })).toEqual([1, 2]);
		expect(await collectPages(async () => pages[1], { baseUrl: 'https://api.billit.be' })).toEqual([3, 4]);
	});
});
