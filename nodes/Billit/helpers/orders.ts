import {
	isResourceLocatorValue,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { compare } from '../../../lib/billit/listing/filters';
import { walkKeyset, type KeysetCursor } from '../../../lib/billit/listing/keyset';
import { INVOICE_NUMBER_MODE } from '../descriptions/locators';
import { NOT_THE_INVOICE_NUMBER } from '../../shared/billit/helpers/orderIdHint';
import { parseId } from '../../shared/billit/helpers/parse';
import { requestAllForItem, requestForItem } from '../../shared/billit/helpers/request';
import { simplifyOrder, splitOrderLines } from './simplify';

/** The OrderID of the one order with this invoice number (OrderNumber). */
async function orderIdByNumber(this: IExecuteFunctions, itemIndex: number, orderNumber: string): Promise<number> {
	const number = orderNumber.trim();
	if (number === '') throw new Error('Enter the invoice number to look up');
	const page = (await requestForItem.call(this, itemIndex, {
		method: 'GET',
		path: '/v1/orders',
		qs: { $filter: compare('OrderNumber', 'eq', number), $top: 10 },
	})) as OrderPage;
	const found = page.Items ?? [];
	if (found.length === 0) throw new Error(`Billit has no invoice with the number "${number}" in this company`);
	if (found.length > 1) {
		const which = found.map((order) => `${String(order.OrderType)} ${String(order.OrderDirection)} ${String(order.OrderID)}`);
		throw new Error(
			`${found.length} documents have the number "${number}" (${which.join(', ')}): pick one From List or By ID`,
		);
	}
	return parseId(found[0].OrderID, 'OrderID');
}

/** Reads an order resource locator: from the list, by OrderID, or by invoice number. */
export async function orderIdParameter(
	this: IExecuteFunctions,
	itemIndex: number,
	name = 'orderId',
): Promise<number> {
	const locator = this.getNodeParameter(name, itemIndex, undefined);
	if (isResourceLocatorValue(locator) && locator.mode === INVOICE_NUMBER_MODE) {
		return await orderIdByNumber.call(this, itemIndex, String(locator.value ?? ''));
	}
	const value = this.getNodeParameter(name, itemIndex, undefined, { extractValue: true });
	try {
		return parseId(value, 'Invoice ID');
	} catch {
		throw new NodeOperationError(this.getNode(), `"${String(value)}" is not an invoice ID. ${NOT_THE_INVOICE_NUMBER}`, {
			itemIndex,
		});
	}
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
