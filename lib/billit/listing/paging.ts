/**
 * Follows Billit's `NextPageLink` paging: `{ Items, NextPageLink, Count }` pages until the link is
 * empty or absent, or `limit` items were collected. A link to another origin than the configured
 * base URL is refused: following it would send the credentials to a foreign host.
 */
import { BillitRequestError } from '../request/errors';

export interface BillitPage<T> {
	Items?: T[];
	NextPageLink?: string | null;
	Count?: number;
}

export interface CollectPagesOptions {
	/** The configured API base URL; every NextPageLink must share its origin. */
	baseUrl: string;
	/** Stop once this many items were collected. */
	limit?: number;
}

/** `fetchPage(undefined)` loads the first page, `fetchPage(url)` a NextPageLink (absolute URL). */
export type FetchPage = (nextPageUrl: string | undefined) => Promise<unknown>;

export function resolveNextPageLink(link: string, baseUrl: string): string {
	const base = new URL(baseUrl);
	const next = new URL(link, `${base.origin}/`);
	if (next.origin !== base.origin) {
		throw new BillitRequestError(
			'foreign-next-page-link',
			`Billit returned a NextPageLink to ${next.origin}, which is not the configured Billit host ${base.origin}; it was not followed`,
		);
	}
	return next.toString();
}

function pageItems<T>(page: unknown): { items: T[]; next?: string } {
	if (Array.isArray(page)) return { items: page as T[] };
	if (typeof page !== 'object' || page === null) return { items: [] };
	const { Items, NextPageLink } = page as BillitPage<T>;
	const next = typeof NextPageLink === 'string' && NextPageLink.trim() !== '' ? NextPageLink.trim() : undefined;
	return { items: Array.isArray(Items) ? Items : [], next };
}

/** Pages in a row with no items but a new NextPageLink each: Billit never answers so, a broken server could forever. */
export const MAX_EMPTY_PAGES_IN_A_ROW = 10;

export async function collectPages<T>(fetchPage: FetchPage, options: CollectPagesOptions): Promise<T[]> {
	const collected: T[] = [];
	const visited = new Set<string>();
	let nextUrl: string | undefined;
	let emptyPages = 0;
	for (;;) {
		const { items, next } = pageItems<T>(await fetchPage(nextUrl));
		emptyPages = items.length === 0 ? emptyPages + 1 : 0;
		if (next && emptyPages >= MAX_EMPTY_PAGES_IN_A_ROW) {
			throw new BillitRequestError(
				'paging-loop',
				`Billit returned ${emptyPages} pages in a row without items, each with a new NextPageLink; paging stopped to avoid an endless loop`,
			);
		}
		for (const item of items) {
			if (options.limit !== undefined && collected.length >= options.limit) return collected;
			collected.push(item);
		}
		if (!next || (options.limit !== undefined && collected.length >= options.limit)) return collected;
		nextUrl = resolveNextPageLink(next, options.baseUrl);
		if (visited.has(nextUrl)) {
			throw new BillitRequestError(
				'paging-loop',
				`Billit returned the same NextPageLink twice (${nextUrl}); paging stopped to avoid an endless loop`,
			);
		}
		visited.add(nextUrl);
	}
}
