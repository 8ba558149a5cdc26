import { describe, expect, it } from 'vitest';

import type { EmuRequest } from '../../../emulator/http';
import { listPage } from '../../../emulator/listing';
import { defaultSwitches } from '../../../emulator/switches';

const items = Array.from({ length: 7 }, (_, index) => ({ OrderID: index + 1, Name: `Item ${index + 1}` }));
const options = { properties: new Set(['OrderID', 'Name']), searchIn: ['Name'], defaultOrder: 'OrderID asc' };
const switches = { ...defaultSwitches, pageSize: 3 };

function page(query: string) {
	const req: EmuRequest = { method: 'GET', url: new URL(`http://billit.test/v1/orders${query}`), path: '/v1/orders', headers: {}, rawBody: Buffer.alloc(0), params: {} };
	return listPage(req, items, options, switches, 'http://billit.test') as { Items: Array<{ OrderID: number }>; NextPageLink?: string | null; Count: number };
}

/** Follows NextPageLink like a client and returns the ids of every page. */
function walk(query: string): number[][] {
	const pages: number[][] = [];
	let next: string | null | undefined = `http://billit.test/v1/orders${query}`;
	while (next) {
		const url = new URL(next);
		const answer = page(url.search);
		pages.push(answer.Items.map((item) => item.OrderID));
		next = answer.NextPageLink;
	}
	return pages;
}

describe('list paging', () => {
	it('pages by the page size with absolute links that keep the other options', () => {
		expect(walk('')).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
		const first = page('?$orderby=OrderID%20desc');
		expect(first.Count).toBe(7);
		const link = new URL(first.NextPageLink as string);
		expect(link.origin).toBe('http://billit.test');
		expect(link.searchParams.get('$orderby')).toBe('OrderID desc');
		expect(link.searchParams.get('$skip')).toBe('3');
	});

	it('honours $top across pages and $skip at the start', () => {
		expect(walk('?$top=5')).toEqual([[1, 2, 3], [4, 5]]);
		expect(walk('?$skip=2&$top=4')).toEqual([[3, 4, 5], [6]]);
		expect(walk('?$top=2')).toEqual([[1, 2]]);
		expect(walk('?$skip=10')).toEqual([[]]);
	});

	it('filters and searches before counting', () => {
		const answer = page(`?$filter=${encodeURIComponent('OrderID gt 4')}&fullTextSearch=item`);
		expect(answer.Items.map((item) => item.OrderID)).toEqual([5, 6, 7]);
		expect(answer.Count).toBe(3);
		expect(page('?fulltextsearch=Item%207').Items.map((item) => item.OrderID)).toEqual([7]);
	});

	it('refuses unsupported options and malformed numbers', () => {
		expect(() => page('?$expand=Lines')).toThrow(/not supported/);
		expect(() => page('?$top=-1')).toThrow(/non-negative/);
	});
});
