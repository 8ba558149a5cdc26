import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { walkKeyset } from '../../../lib/billit/keyset';
import { parseId } from './parse';
import { listForItem, requestForItem } from './request';
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

/**
 * Lists orders. The default sort pages by keyset (LastModified, then OrderID) so that invoices
 * edited while the list is read are neither lost nor repeated; other sorts follow NextPageLink.
 */
export async function listOrders(
	this: IExecuteFunctions,
	itemIndex: number,
	filter: string | undefined,
	sort: OrderSort,
): Promise<IDataObject[]> {
	if (sort !== 'lastModifiedAsc') {
		return await listForItem.call(this, itemIndex, {
			method: 'GET',
			path: '/v1/orders',
			qs: { ...(filter ? { $filter: filter } : {}), $orderby: ORDER_BY[sort] },
		});
	}
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number);
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
		{ filter, pageSize: 120, limit },
	);
	return rows;
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
