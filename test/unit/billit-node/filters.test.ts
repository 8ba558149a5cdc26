import { describe, expect, it } from 'vitest';
import {
	and,
	buildOrderFilter,
	buildPartyFilter,
	compare,
	documentedDate,
	odataDate,
	odataLiteral,
	odataReturnedDate,
	or,
} from '../../../lib/billit/listing/filters';

describe('OData literals', () => {
	it('quotes strings and doubles embedded quotes', () => {
		expect(odataLiteral("O'Brien & Sons")).toBe("'O''Brien & Sons'");
	});

	it('writes booleans and numbers unquoted and dates as OData v3 DateTime literals', () => {
		expect(odataLiteral(true)).toBe('true');
		expect(odataLiteral(42)).toBe('42');
		expect(odataLiteral(new Date('2026-03-01T10:00:00Z'))).toBe("DateTime'2026-03-01T10:00:00'");
	});

	it('writes typed dates in the documented form: date only, or date and time without zone', () => {
		expect(odataDate('2026-01-31')).toBe("DateTime'2026-01-31'");
		expect(odataDate('2026-01-31T08:00')).toBe("DateTime'2026-01-31T08:00:00'");
		expect(odataDate('2026-01-31T08:00:00')).toBe("DateTime'2026-01-31T08:00:00'");
		expect(documentedDate('2026-01-31T08:00:00+01:00')).toBe('2026-01-31T07:00:00');
		expect(documentedDate('March 1, 2026 UTC')).toBe('2026-03-01T00:00:00');
		expect(() => odataDate('yesterday-ish')).toThrow(/not a date/);
	});

	it("sends a date Billit returned back exactly as it came, and nothing that is not a date", () => {
		expect(odataReturnedDate('2026-01-31T08:00:00.1234567')).toBe("DateTime'2026-01-31T08:00:00.1234567'");
		expect(odataReturnedDate('2026-01-31T08:00:00.120+01:00')).toBe("DateTime'2026-01-31T08:00:00.120+01:00'");
		expect(() => odataReturnedDate("2026-01-31' or 1 eq 1")).toThrow(/not a date/);
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
			"(OrderType eq 'Invoice') and (OrderDirection eq 'Income') and (OrderDate ge DateTime'2026-01-01') and " +
				"(OrderDate le DateTime'2026-01-31') and (LastModified gt DateTime'2026-02-01T00:00:00') and (Paid eq false) and " +
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
