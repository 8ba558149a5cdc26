import { badRequest, type EmuRequest } from './http';
import { checkProperties, matches, parseFilter, parseOrderBy, sortItems } from './odata';
import type { Switches } from './switches';

export interface ListOptions {
	/** Top-level property names that `$filter` and `$orderby` may use. */
	properties: ReadonlySet<string>;
	/** Properties searched by `fullTextSearch`. */
	searchIn: readonly string[];
	/** Order when no `$orderby` is given. */
	defaultOrder: string;
}

const QUERY_OPTIONS = new Set(['$filter', '$orderby', '$top', '$skip', 'fulltextsearch']);

/** Applies OData options and paging; answers `{Items, NextPageLink, Count}` with an absolute link. */
export function listPage<T>(
	req: EmuRequest,
	items: readonly T[],
	options: ListOptions,
	switches: Switches,
	baseUrl: string,
): Record<string, unknown> {
	const query = req.url.searchParams;
	for (const key of query.keys()) {
		if (key.startsWith('$') && !QUERY_OPTIONS.has(key.toLowerCase())) {
			throw badRequest('InvalidQuery', `The query option '${key}' is not supported`);
		}
	}
	let result = [...items];
	const filter = query.get('$filter');
	if (filter) {
		const expr = parseFilter(filter);
		checkProperties(expr, options.properties);
		result = result.filter((item) => matches(expr, item));
	}
	const search = queryValue(query, 'fullTextSearch');
	if (search) {
		const needle = search.toLowerCase();
		result = result.filter((item) => options.searchIn.some((path) => textAt(item, path).includes(needle)));
	}
	result = sortItems(result, parseOrderBy(query.get('$orderby') || options.defaultOrder, options.properties));

	const skip = nonNegativeInt(query.get('$skip'), '$skip') ?? 0;
	const top = nonNegativeInt(query.get('$top'), '$top');
	const count = result.length;
	const wanted = top === undefined ? count - skip : Math.min(top, count - skip);
	const pageLength = Math.max(0, Math.min(wanted, switches.pageSize));
	const page = result.slice(skip, skip + pageLength);
	const body: Record<string, unknown> = { Items: page };
	if (pageLength < wanted) {
		const next = new URL(req.url.pathname + req.url.search, baseUrl);
		next.searchParams.set('$skip', String(skip + pageLength));
		if (top !== undefined) next.searchParams.set('$top', String(top - pageLength));
		body.NextPageLink = next.toString();
	} else if (switches.nextPageLink !== 'absent') {
		body.NextPageLink = switches.nextPageLink === 'empty' ? '' : null;
	}
	body.Count = count;
	return body;
}

/** Query parameter names are case-insensitive in Billit's ASP.NET API. */
function queryValue(query: URLSearchParams, name: string): string | null {
	for (const [key, value] of query) if (key.toLowerCase() === name.toLowerCase()) return value;
	return null;
}

function nonNegativeInt(value: string | null, name: string): number | undefined {
	if (value === null) return undefined;
	if (!/^\d+$/.test(value)) throw badRequest('InvalidQuery', `${name} must be a non-negative integer`);
	return Number(value);
}

function textAt(item: unknown, path: string): string {
	let value: unknown = item;
	for (const key of path.split('/')) {
		value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
	}
	return value === undefined || value === null ? '' : String(value).toLowerCase();
}
