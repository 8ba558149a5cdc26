import { describe, expect, it } from 'vitest';
import {
	and,
	buildOrderFilter,
	buildPartyFilter,
	compare,
	odataDate,
	odataLiteral,
	or,
} from '../../../lib/billit/filters';

describe('OData literals', () => {
	it('quotes strings and doubles embedded quotes', () => {
		expect(odataLiteral("O'Brien & Sons")).toBe("'O''Brien & Sons'");
	});

	it('writes booleans, numbers and dates unquoted', () => {
		expect(odataLiteral(true)).toBe('true');
		expect(odataLiteral(42)).toBe('42');
		expect(odataLiteral(new Date('2026-03-01T10:00:00Z'))).toBe('2026-03-01T10:00:00.000Z');
	});

	it('keeps date-only and ISO values and converts other parseable dates', () => {
		expect(odataDate('2026-01-31')).toBe('2026-01-31');
		expect(odataDate('2026-01-31T08:00:00+01:00')).toBe('2026-01-31T08:00:00+01:00');
		expect(odataDate('March 1, 2026 UTC')).toBe('2026-03-01T00:00:00.000Z');
		expect(() => odataDate('yesterday-ish')).toThrow(/not a date/);
	});

	it('refuses infinite numbers and property paths that could inject', () => {
		expect(() => odataLiteral(Number.NaN)).toThrow();
		expect(() => compare('Paid eq true or 1', 'eq', 1)).toThrow(/property path/);
		expect(compare('CounterParty/DisplayName', 'eq', 'X')).toBe("CounterParty/DisplayName eq 'X'");
	});
});

describe('combinators', () => {
	it('drops empty clauses and parenthesises when joining several', () => {
		expect(and(undefined, '', 'A eq 1')).toBe('A eq 1');
		expect(and()).toBeUndefined();
		expect(or('A eq 1', 'B eq 2')).toBe('(A eq 1) or (B eq 2)');
	});
});

describe('buildOrderFilter', () => {
	it('builds the filter from UI fields in a stable order', () => {
		expect(
			buildOrderFilter({
				orderType: 'Invoice',
				orderDirection: 'Income',
				orderDateFrom: '2026-01-01',
				orderDateTo: '2026-01-31',
				modifiedSince: '2026-02-01T00:00:00Z',
				paid: false,
				isSent: true,
				exportedToConnector: false,
				customerName: "D'Hondt",
				counterPartyId: 7,
			}),
		).toBe(
			"(OrderType eq 'Invoice') and (OrderDirection eq 'Income') and (OrderDate ge 2026-01-01) and " +
				'(OrderDate le 2026-01-31) and (LastModified gt 2026-02-01T00:00:00Z) and (Paid eq false) and ' +
				"(IsSent eq true) and (ExportedToConnector eq false) and (CounterParty/DisplayName eq 'D''Hondt') and " +
				'(CounterParty/PartyID eq 7)',
		);
	});

	it('adds a raw filter with and, and returns undefined when nothing is set', () => {
		expect(buildOrderFilter({ paid: true, raw: ' TotalIncl gt 100 or Overdue eq true ' })).toBe(
			'(Paid eq true) and (TotalIncl gt 100 or Overdue eq true)',
		);
		expect(buildOrderFilter({ orderType: '', raw: '  ' })).toBeUndefined();
	});
});

describe('buildPartyFilter', () => {
	it('filters by type and VAT number', () => {
		expect(buildPartyFilter({ partyType: 'Customer', vatNumber: 'BE0123456749' })).toBe(
			"(PartyType eq 'Customer') and (VATNumber eq 'BE0123456749')",
		);
	});
});
