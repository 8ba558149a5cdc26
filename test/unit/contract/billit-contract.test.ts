import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { describe, expect, it } from 'vitest';

import { billitContract, checkRequest, checkValue, type TypeExpr } from '../../../emulator/contract';

const root = resolve(__dirname, '../../..');

function sourceFiles(folder: string): string[] {
	return readdirSync(join(root, folder), { withFileTypes: true, recursive: true })
		.filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
		.map((entry) => join(entry.parentPath, entry.name));
}

/** Every `/v1/...` path the product writes in its source, with `${…}` parts as parameters. */
function productPaths(): string[] {
	const paths = new Set<string>();
	for (const file of [...sourceFiles('nodes'), ...sourceFiles('lib'), ...sourceFiles('credentials')]) {
		for (const [, path] of readFileSync(file, 'utf8').matchAll(/['`](\/v1\/[^'`\s]*)['`]/g)) {
			if (path === '/v1/...') continue;
			paths.add(path.replace(/\$\{[^}]*\}/g, '{id}'));
		}
	}
	return [...paths].sort();
}

function matchesContract(path: string): boolean {
	const segments = path.split('/').filter(Boolean);
	return billitContract.endpoints.some((endpoint) => {
		const pattern = endpoint.path.split('/').filter(Boolean);
		return pattern.length === segments.length && pattern.every((part, index) => part.startsWith('{') || segments[index] === '{id}' || part.toLowerCase() === segments[index].toLowerCase());
	});
}

const request = (method: string, path: string, body?: unknown, query = '') => ({
	method,
	path,
	query: new URLSearchParams(query),
	body: Buffer.from(body === undefined ? '' : JSON.stringify(body)),
});

describe('The written Billit contract', () => {
	it('covers every Billit path the product calls', () => {
		const paths = productPaths();
		expect(paths.length).toBeGreaterThan(20);
		expect(paths.filter((path) => !matchesContract(path))).toEqual([]);
	});

	it('names only types it defines', () => {
		const named = new Set<string>();
		const walk = (type: TypeExpr | undefined): void => {
			if (type === undefined) return;
			if (typeof type === 'string') named.add(type);
			else if (Array.isArray(type)) walk(type[0]);
			else if ('map' in type) walk(type.map);
			else if ('optional' in type) walk(type.optional);
		};
		for (const fields of Object.values(billitContract.types)) Object.values(fields).forEach(walk);
		for (const endpoint of billitContract.endpoints) [endpoint.body, endpoint.response, ...Object.values(endpoint.params ?? {}), ...Object.values(endpoint.query ?? {})].forEach(walk);
		const primitives = ['string', 'integer', 'number', 'boolean', 'date', 'any'];
		expect([...named].filter((name) => !primitives.includes(name) && !(name in billitContract.types))).toEqual([]);
	});

	it('accepts a request as the model has it and names each departure', () => {
		const order = { OrderType: 'Invoice', OrderDate: '2026-01-31', Customer: { Name: 'A', Addresses: [{ City: 'Gent' }] }, OrderLines: [{ Quantity: 1, VATPercentage: 21 }], CustomFields: { 'Invoice.OrderReference.SalesOrderID': 'SO-1' } };
		expect(checkRequest(billitContract, request('POST', '/v1/orders', order))?.violations).toEqual([]);
		const bad = { ...order, Colour: 'blue', OrderLines: [{ Quantity: '1' }], Customer: { PartyType: 'Friend', Name: null } };
		expect(checkRequest(billitContract, request('POST', '/v1/orders', bad))?.violations).toEqual([
			'POST /v1/orders body.Customer.PartyType is "Friend", not one of the model\'s literals',
			'POST /v1/orders body.Customer.Name is null (Billit rejects explicit nulls: omit the field)',
			'POST /v1/orders body.OrderLines[0].Quantity must be a number, not "1"',
			'POST /v1/orders body.Colour is not a field of Order',
		]);
	});

	it('checks path parameters, query parameters and bodies where none belongs', () => {
		expect(checkRequest(billitContract, request('GET', '/v1/orders/abc'))?.violations).toEqual(["GET /v1/orders/{orderID}: path parameter orderID must be an integer, not 'abc'"]);
		expect(checkRequest(billitContract, request('GET', '/v1/orders', undefined, '$top=ten&$format=json'))?.violations).toEqual([
			"GET /v1/orders: query parameter $top must be an integer, not 'ten'",
			'GET /v1/orders: unknown query parameter $format',
		]);
		expect(checkRequest(billitContract, request('DELETE', '/v1/orders/5', { Reason: 'x' }))?.violations).toEqual(['DELETE /v1/orders/{orderID} takes no body']);
		expect(checkRequest(billitContract, request('POST', '/v1/accountant/feeds/f/1/confirm'))?.violations).toEqual([]);
		expect(checkRequest(billitContract, request('GET', '/v1/orders/commands/eSign/5'))).toBeUndefined();
	});

	it('lets answers carry nulls but not fields or literals outside the model', () => {
		const out: string[] = [];
		checkValue(billitContract, { Items: [{ OrderID: 1, NextThing: 2, Messages: [{ FileID: 7 }] }], NextPageLink: null, Count: 1 }, 'PageResultOrder', 'answer', 'answer', out);
		expect(out).toEqual(['answer.Items[0].NextThing is not a field of Order', 'answer.Items[0].Messages[0].FileID must be a string, not 7']);
	});
});
