import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { walkKeyset, type KeysetCursor } from '../../../lib/billit/keyset';
import { parseId } from './parse';
import { requestAllForItem, requestForItem } from './request';
import { simplifyOrder, splitOrderLines } from './simplify';

/** Reads an order-ID resource locator. */
export function orderIdParameter(
	this: IExecuteFunctions,
	itemIndex: number,
	name = 'orderId',
): number {
	const value = this.getNodeParameter(name, itemIndex, undefined, { extractValue: true });
	return parseId(value, 'Invoice ID');
}

export async function fetchOrder(
	this: IExecuteFunctions,
	itemIndex: number,
	orderId: number,
): Promise<IDataObject> {
	return (await requestForItem.call(this, itemIndex, {
		method: 'GET',
		path: `/v1/orders/${orderId}`,
	})) as IDataObject;
}

export type OrderSort = 'lastModifiedAsc' | 'orderDateDesc' | 'orderDateAsc';

const ORDER_BY: Record<Exclude<OrderSort, 'lastModifiedAsc'>, string> = {
	orderDateDesc: 'OrderDate desc',
	orderDateAsc: 'OrderDate asc',
};

interface OrderPage {
	Items?: IDataObject[];
	NextPageLink?: string | null;
}

function limitFor(this: IExecuteFunctions, itemIndex: number): number | undefined {
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	return returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
}

async function listByNextPageLink(
	this: IExecuteFunctions,
	itemIndex: number,
	filter: string | undefined,
	orderBy: string,
	limit: number | undefined,
): Promise<IDataObject[]> {
	return await requestAllForItem.call(
		this,
		itemIndex,
		{
			method: 'GET',
			path: '/v1/orders',
			qs: { ...(filter ? { $filter: filter } : {}), $orderby: orderBy },
		},
		limit,
	);
}

async function listByKeyset(
	this: IExecuteFunctions,
	itemIndex: number,
	filter: string | undefined,
	limit: number | undefined,
	after: KeysetCursor | undefined,
): Promise<IDataObject[]> {
	const { rows } = await walkKeyset(
		async (request) => {
			const page = (await requestForItem.call(this, itemIndex, {
				method: 'GET',
				path: '/v1/orders',
				qs: {
					...(request.filter ? { $filter: request.filter } : {}),
					$orderby: request.orderBy,
					$top: request.top,
				},
			})) as OrderPage;
			const rows = page.Items ?? [];
			return { rows, hasMore: rows.length >= request.top || !!page.NextPageLink };
		},
		{ filter, pageSize: 120, limit, after },
	);
	return rows;
}

/**
 * Lists orders. The default sort pages by keyset (LastModified, then OrderID) so that invoices
 * edited while the list is read are neither lost nor repeated; other sorts follow NextPageLink.
 * `keep` filters what OData cannot express; the limit then applies after it. `after` starts the
 * keyset walk after that key (an export watermark).
 */
export async function listOrders(
	this: IExecuteFunctions,
	itemIndex: number,
	filter: string | undefined,
	sort: OrderSort,
	keep?: (order: IDataObject) => boolean,
	after?: KeysetCursor,
): Promise<IDataObject[]> {
	const limit = limitFor.call(this, itemIndex);
	const fetchLimit = keep ? undefined : limit;
	const orders =
		sort === 'lastModifiedAsc'
			? await listByKeyset.call(this, itemIndex, filter, fetchLimit, after)
			: await listByNextPageLink.call(this, itemIndex, filter, ORDER_BY[sort], fetchLimit);
	if (!keep) return orders;
	return orders.filter(keep).slice(0, limit);
}

/** Order output as chosen in the options: raw, simplified, or one item per line. */
export function shapeOrders(
	orders: IDataObject[],
	options: { simplify?: boolean; splitLines?: boolean },
): INodeExecutionData[] {
	if (options.splitLines)
		return orders.flatMap((order) => splitOrderLines(order)).map((json) => ({ json }));
	return orders.map((order) => ({ json: options.simplify ? simplifyOrder(order) : order }));
}
