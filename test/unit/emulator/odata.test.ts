import { describe, expect, it } from 'vitest';

import { ApiError } from '../../../emulator/http';
import { checkProperties, matches, parseFilter, parseOrderBy, sortItems } from '../../../emulator/odata';

const orders = [
	{ OrderID: 1, OrderNumber: "O'Brien-1", TotalExcl: 100, Paid: true, OrderDate: '2026-01-10', LastModified: '2026-01-10T08:00:00.000Z', CounterParty: { DisplayName: 'Alpha NV', VATNumber: 'BE0123' } },
	{ OrderID: 2, OrderNumber: 'B-2', TotalExcl: 250.5, Paid: false, OrderDate: '2026-02-01', LastModified: '2026-02-01T12:30:00.000Z', CounterParty: { DisplayName: 'Beta BV' }, Reference: 'PO-9' },
	{ OrderID: 3, OrderNumber: 'C-3', TotalExcl: 40, Paid: false, OrderDate: '2025-12-31', LastModified: '2025-12-31T23:59:59.999Z', CounterParty: { DisplayName: 'Alpha NV' } },
];

const ids = (filter: string) => orders.filter((order) => matches(parseFilter(filter), order)).map((order) => order.OrderID);

describe('OData $filter', () => {
	it.each([
		['TotalExcl eq 100', [1]],
		['TotalExcl ne 100', [2, 3]],
		['TotalExcl gt 100', [2]],
		['TotalExcl ge 100', [1, 2]],
		['TotalExcl lt 100', [3]],
		['TotalExcl le 100', [1, 3]],
		['TotalExcl eq 250.5', [2]],
	])('compares numbers: %s', (filter, expected) => {
		expect(ids(filter)).toEqual(expected);
	});

	it('compares strings, with doubled quotes inside literals', () => {
		expect(ids("OrderNumber eq 'B-2'")).toEqual([2]);
		expect(ids("OrderNumber eq 'O''Brien-1'")).toEqual([1]);
		expect(ids("OrderNumber lt 'C'")).toEqual([2]);
	});

	it('compares booleans and null', () => {
		expect(ids('Paid eq true')).toEqual([1]);
		expect(ids('Paid eq false')).toEqual([2, 3]);
		expect(ids('Reference eq null')).toEqual([1, 3]);
		expect(ids('Reference ne null')).toEqual([2]);
	});

	it("compares DateTime'…' literals with dates and date-times as instants", () => {
		expect(ids("OrderDate gt DateTime'2026-01-01'")).toEqual([1, 2]);
		expect(ids("OrderDate lt datetime'2026-01-01'")).toEqual([3]);
		expect(ids("LastModified ge DateTime'2026-02-01T12:30:00Z'")).toEqual([2]);
		expect(ids("LastModified gt DateTime'2026-02-01T12:30:00.000Z'")).toEqual([]);
		expect(ids("LastModified lt datetime'2026-01-01T00:00:00'")).toEqual([3]);
		expect(ids("LastModified gt DateTime'2026-01-10T11:00:00+02:00'")).toEqual([2]);
	});

	it('follows sub-properties with /', () => {
		expect(ids("CounterParty/DisplayName eq 'Alpha NV'")).toEqual([1, 3]);
		expect(ids("CounterParty/VATNumber eq 'BE0123'")).toEqual([1]);
		expect(ids('CounterParty/VATNumber eq null')).toEqual([2, 3]);
	});

	it('combines with and, or, not and parentheses, and binds and tighter than or', () => {
		expect(ids("CounterParty/DisplayName eq 'Alpha NV' and Paid eq false")).toEqual([3]);
		expect(ids('TotalExcl lt 50 or TotalExcl gt 200')).toEqual([2, 3]);
		expect(ids('Paid eq true or TotalExcl gt 200 and TotalExcl lt 100')).toEqual([1]);
		expect(ids('(Paid eq true or TotalExcl gt 200) and TotalExcl lt 200')).toEqual([1]);
		expect(ids('not (Paid eq true)')).toEqual([2, 3]);
		expect(ids('not Paid eq true and OrderID ne 2')).toEqual([3]);
	});

	it('supports keyset paging conditions on ties', () => {
		const filter =
			"LastModified gt DateTime'2026-01-10T08:00:00Z' or (LastModified eq DateTime'2026-01-10T08:00:00Z' and OrderID gt 0)";
		expect(ids(filter)).toEqual([1, 2]);
	});

	it('supports OData v3 substringof, startswith, endswith and tolower', () => {
		expect(ids("substringof('-',OrderNumber)")).toEqual([1, 2, 3]);
		expect(ids("substringof('Brien',OrderNumber)")).toEqual([1]);
		expect(ids("startswith(CounterParty/DisplayName,'Beta')")).toEqual([2]);
		expect(ids("endswith(OrderNumber,'-3')")).toEqual([3]);
		expect(ids("tolower(CounterParty/DisplayName) eq 'alpha nv'")).toEqual([1, 3]);
	});

	it.each([
		["OrderNumber eq 'open", 'unterminated'],
		['TotalExcl eq', 'end of expression'],
		['TotalExcl eq 1 extra', 'after the expression'],
		['(TotalExcl eq 1', "expected ')'"],
		['TotalExcl # 1', 'unexpected character'],
		['frobnicate(OrderNumber)', 'unknown function'],
		['eq 5', 'unexpected operator'],
		["contains(OrderNumber,'-')", 'unknown function'],
		['LastModified gt 2026-01-01', "DateTime'2026-01-01'"],
		['OrderDate ge 2026-01-01T00:00:00Z', 'must be written as DateTime'],
		["LastModified gt '2026-01-01'", 'is a date'],
		["LastModified gt DateTime'2026-13-45'", 'invalid date'],
		["LastModified gt DateTime'yesterday'", 'invalid date'],
	])('rejects malformed filters with Billit error 400: %s', (filter, message) => {
		let error: unknown;
		try {
			parseFilter(filter);
		} catch (caught) {
			error = caught;
		}
		expect(error).toBeInstanceOf(ApiError);
		expect((error as ApiError).status).toBe(400);
		expect((error as ApiError).code).toBe('InvalidFilter');
		expect((error as ApiError).description).toContain(message);
	});

	it('rejects unknown properties', () => {
		const known = new Set(['OrderID', 'CounterParty']);
		expect(() => checkProperties(parseFilter('CounterParty/Name eq 1 and OrderID eq 1'), known)).not.toThrow();
		expect(() => checkProperties(parseFilter('Nope eq 1'), known)).toThrow(/Nope/);
	});
});

describe('OData $orderby', () => {
	const known = new Set(['OrderID', 'TotalExcl', 'CounterParty', 'OrderDate', 'Reference']);

	it('sorts by several keys, ascending and descending, nulls first', () => {
		const keys = parseOrderBy('CounterParty/DisplayName asc, TotalExcl desc', known);
		expect(sortItems(orders, keys).map((order) => order.OrderID)).toEqual([1, 3, 2]);
		expect(sortItems(orders, parseOrderBy('OrderDate desc', known)).map((order) => order.OrderID)).toEqual([2, 1, 3]);
		expect(sortItems(orders, parseOrderBy('Reference', known)).map((order) => order.OrderID)).toEqual([1, 3, 2]);
	});

	it('rejects unknown properties and directions', () => {
		expect(() => parseOrderBy('Nope desc', known)).toThrow(/Nope/);
		expect(() => parseOrderBy('OrderID sideways', known)).toThrow(ApiError);
	});
});
