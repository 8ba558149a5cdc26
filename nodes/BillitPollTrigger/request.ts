import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { billitRequest } from '../../lib/billit/request/request';

export interface ListAnswer {
	rows: IDataObject[];
	hasMore: boolean;
}

/** One page of a Billit list in the node's company. */
export async function listPage(
	this: IPollFunctions,
	path: string,
	query: { filter?: string; orderBy: string; top: number },
): Promise<ListAnswer> {
	const page = (await billitRequest.call(this, {
		method: 'GET',
		path,
		qs: {
			...(query.filter ? { $filter: query.filter } : {}),
			$orderby: query.orderBy,
			$top: query.top,
		},
	})) as { Items?: IDataObject[]; NextPageLink?: string | null } | IDataObject[] | null;
	const rows = Array.isArray(page) ? page : (page?.Items ?? []);
	const next = Array.isArray(page) ? undefined : page?.NextPageLink;
	return { rows, hasMore: rows.length >= query.top || (typeof next === 'string' && next !== '') };
}

/** Billit's page size: a larger `$top` may be capped by the server. */
export const PAGE_SIZE = 120;
