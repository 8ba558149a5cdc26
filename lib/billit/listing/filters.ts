/**
 * OData v3 `$filter` builder for Billit lists (orders, parties, products, documents). Shared by the
 * Billit node's Get Many operations and the poll trigger. Pure functions: no n8n, no HTTP.
 */

export type ODataLiteral = string | number | boolean | Date;
export type ODataComparison = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

const PROPERTY_PATH = /^[A-Za-z_][A-Za-z0-9_]*(?:\/[A-Za-z_][A-Za-z0-9_]*)*$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const ZONELESS_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?$/;
/** A date as Billit writes it in a list answer: the characters a date, time and zone are made of. */
const RETURNED_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ][0-9:.]+)?(?:Z|[+-]\d{2}:?\d{2})?$/;

function assertPropertyPath(property: string): void {
	if (!PROPERTY_PATH.test(property)) {
		throw new Error(`"${property}" is not a valid OData property path`);
	}
}

/**
 * A date typed by a user (or a `Date`) in the form Billit's OData pages show: `yyyy-mm-dd`, or
 * `yyyy-mm-ddThh:mm:ss` without zone. A date with a zone is converted to UTC first.
 */
export function documentedDate(value: string | Date): string {
	if (typeof value === 'string') {
		const trimmed = value.trim();
		if (DATE_ONLY.test(trimmed)) return trimmed;
		if (ZONELESS_DATE_TIME.test(trimmed)) return trimmed.length === 16 ? `${trimmed}:00` : trimmed;
	}
	const parsed = value instanceof Date ? value : new Date(value.trim());
	if (Number.isNaN(parsed.getTime())) throw new Error(`"${String(value)}" is not a date`);
	return parsed.toISOString().slice(0, 19);
}

/** A date typed by a user as an OData v3 literal: `DateTime'2026-01-01T00:00:00'`. */
export function odataDate(value: string | Date): string {
	return `DateTime'${documentedDate(value)}'`;
}

/**
 * A date Billit returned (a keyset cursor's `LastModified`), as a literal with the exact text Billit
 * sent: precision and zone untouched, so the comparison is with Billit's own value.
 */
export function odataReturnedDate(value: string): string {
	if (!RETURNED_DATE.test(value)) throw new Error(`"${value}" is not a date Billit returned`);
	return `DateTime'${value}'`;
}

/** Formats a value as an OData literal: strings quoted with `'` doubled, dates as `DateTime'…'`. */
export function odataLiteral(value: ODataLiteral): string {
	if (value instanceof Date) return odataDate(value);
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new Error(`${value} cannot be used in a filter`);
		return String(value);
	}
	return `'${value.replace(/'/g, "''")}'`;
}

export function compare(property: string, operator: ODataComparison, value: ODataLiteral): string {
	assertPropertyPath(property);
	return `${property} ${operator} ${odataLiteral(value)}`;
}

/** A date comparison with a date typed by a user; strings are taken as dates, not quoted text. */
export function compareDate(
	property: string,
	operator: ODataComparison,
	value: string | Date,
): string {
	assertPropertyPath(property);
	return `${property} ${operator} ${odataDate(value)}`;
}

/** A date comparison with a date Billit returned, sent back exactly as it came. */
export function compareReturnedDate(property: string, operator: ODataComparison, value: string): string {
	assertPropertyPath(property);
	return `${property} ${operator} ${odataReturnedDate(value)}`;
}

function combine(joiner: 'and' | 'or', clauses: Array<string | undefined>): string | undefined {
	const present = clauses.filter((clause): clause is string => !!clause && clause.trim() !== '');
	if (present.length === 0) return undefined;
	if (present.length === 1) return present[0];
	return present.map((clause) => `(${clause})`).join(` ${joiner} `);
}

/** Joins clauses with `and`, dropping empty ones; undefined when nothing is left. */
export function and(...clauses: Array<string | undefined>): string | undefined {
	return combine('and', clauses);
}

/** Joins clauses with `or`, dropping empty ones; undefined when nothing is left. */
export function or(...clauses: Array<string | undefined>): string | undefined {
	return combine('or', clauses);
}

export interface OrderFilterFields {
	orderType?: string;
	orderDirection?: string;
	orderDateFrom?: string | Date;
	orderDateTo?: string | Date;
	modifiedSince?: string | Date;
	paid?: boolean;
	isSent?: boolean;
	exportedToConnector?: boolean;
	customerName?: string;
	counterPartyId?: number;
	/** A raw OData expression, added with `and` to the fields above. */
	raw?: string;
}

/** The `$filter` for orders (invoices, credit notes, offers) from UI fields. */
export function buildOrderFilter(fields: OrderFilterFields): string | undefined {
	const clause = <T>(value: T | undefined, build: (present: T) => string) =>
		value === undefined || value === '' ? undefined : build(value);
	return and(
		clause(fields.orderType, (v) => compare('OrderType', 'eq', v)),
		clause(fields.orderDirection, (v) => compare('OrderDirection', 'eq', v)),
		clause(fields.orderDateFrom, (v) => compareDate('OrderDate', 'ge', v)),
		clause(fields.orderDateTo, (v) => compareDate('OrderDate', 'le', v)),
		clause(fields.modifiedSince, (v) => compareDate('LastModified', 'gt', v)),
		clause(fields.paid, (v) => compare('Paid', 'eq', v)),
		clause(fields.isSent, (v) => compare('IsSent', 'eq', v)),
		clause(fields.exportedToConnector, (v) => compare('ExportedToConnector', 'eq', v)),
		clause(fields.customerName, (v) => compare('CounterParty/DisplayName', 'eq', v)),
		clause(fields.counterPartyId, (v) => compare('CounterParty/PartyID', 'eq', v)),
		clause(fields.raw?.trim(), (v) => v),
	);
}

export interface PartyFilterFields {
	partyType?: string;
	vatNumber?: string;
	raw?: string;
}

/** The `$filter` for parties (customers and suppliers). */
export function buildPartyFilter(fields: PartyFilterFields): string | undefined {
	return and(
		fields.partyType ? compare('PartyType', 'eq', fields.partyType) : undefined,
		fields.vatNumber ? compare('VATNumber', 'eq', fields.vatNumber) : undefined,
		fields.raw?.trim() || undefined,
	);
}
