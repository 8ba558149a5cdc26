import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { compare } from '../../../../lib/billit/listing/filters';
import { editorRequest } from './editorRequest';

const PAGE_SIZE = 50;

interface Page {
	Items?: IDataObject[];
}

function skipFrom(paginationToken?: string): number {
	const skip = Number(paginationToken);
	return Number.isInteger(skip) && skip > 0 ? skip : 0;
}

function nextToken(items: unknown[], skip: number): string | undefined {
	return items.length >= PAGE_SIZE ? String(skip + items.length) : undefined;
}

/** Companies of the connected account (`accountInformation`), filtered by name or PartyID. */
async function searchCompanies(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const account = (await editorRequest.call(this, {
		path: '/v1/account/accountInformation',
		withoutCompany: true,
	})) as IDataObject;
	const needle = (filter ?? '').toLowerCase();
	const results = ((account.Companies as IDataObject[] | undefined) ?? [])
		.map((company) => ({
			name: `${String(company.Name ?? company.DisplayName ?? company.PartyID)}${company.APIAllowed === false ? ' (API not allowed)' : ''}`,
			value: String(company.PartyID),
		}))
		.filter(
			(entry) =>
				!needle || entry.name.toLowerCase().includes(needle) || entry.value.includes(needle),
		);
	return { results };
}

async function searchList(
	this: ILoadOptionsFunctions,
	path: string,
	toResult: (row: IDataObject) => { name: string; value: string },
	filter: string | undefined,
	paginationToken: string | undefined,
	orderBy: string,
): Promise<INodeListSearchResult> {
	const skip = skipFrom(paginationToken);
	const page = (await editorRequest.call(this, {
		path,
		qs: {
			$top: PAGE_SIZE,
			$skip: skip,
			$orderby: orderBy,
			...(filter ? { fullTextSearch: filter } : {}),
		},
	})) as Page;
	const items = page.Items ?? [];
	return { results: items.map(toResult), paginationToken: nextToken(items, skip) };
}

async function searchParties(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await searchList.call(
		this,
		'/v1/parties',
		(party) => ({
			name: `${String(party.DisplayName ?? party.Name ?? party.PartyID)}${party.VATNumber ? ` (${String(party.VATNumber)})` : ''}`,
			value: String(party.PartyID),
		}),
		filter,
		paginationToken,
		'Name asc',
	);
}

async function searchInvoices(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const skip = skipFrom(paginationToken);
	// Text that looks like an invoice number is matched exactly; other text goes to full-text search.
	const search: Record<string, string> = !filter
		? {}
		: /^[\w/.-]*\d[\w/.-]*$/.test(filter)
			? { $filter: compare('OrderNumber', 'eq', filter) }
			: { fullTextSearch: filter };
	const page = (await editorRequest.call(this, {
		path: '/v1/orders',
		qs: { $top: PAGE_SIZE, $skip: skip, $orderby: 'OrderDate desc', ...search },
	})) as Page;
	const items = page.Items ?? [];
	return {
		results: items.map((order) => {
			const party = (order.CounterParty ?? order.Customer ?? order.Supplier ?? {}) as IDataObject;
			return {
				name: [
					order.OrderType,
					order.OrderNumber ?? order.OrderID,
					party.DisplayName ?? party.Name,
					order.TotalIncl,
				]
					.filter((part) => part !== undefined && part !== null && part !== '')
					.join(' · '),
				value: String(order.OrderID),
			};
		}),
		paginationToken: nextToken(items, skip),
	};
}

export const listSearch = { searchCompanies, searchParties, searchInvoices };
