import { badRequest, idParam, notFound, objectBody, ok, jsonBody, isRecord } from '../http';
import { listPage } from '../listing';
import {
	createOrder,
	orderProperties,
	patchableOrderSchema,
	presentOrder,
	round2,
	touchOrder,
} from '../order-model';
import type { Ctx, Route } from '../router';
import type { Order } from '../store';
import { requireFields, validate } from '../validation';

/** The BookingEntry model: integer account code, amount, debit or credit, three VAT amounts. */
const bookingEntrySchema = {
	BookingEntryID: 'integer',
	OrderID: 'integer',
	AccountCode: 'integer',
	Amount: 'number',
	DebetOrCredit: 'string',
	VAT1: 'number',
	VAT2: 'number',
	VAT3: 'number',
} as const;

const orderList = {
	properties: orderProperties,
	searchIn: ['OrderNumber', 'Reference', 'CounterParty/DisplayName', 'CounterParty/Name', 'CounterParty/VATNumber', 'Comments'],
	defaultOrder: 'OrderID desc',
};

const FILE_FIELDS = ['OrderPDF', 'Attachments', 'Messages'];

/** A listed order as a list that names no files would show it. */
function withoutFileFields(order: Record<string, unknown>): Record<string, unknown> {
	return Object.fromEntries(Object.entries(order).filter(([field]) => !FILE_FIELDS.includes(field)));
}

export function findOrder(ctx: Ctx): Order {
	const id = idParam(ctx.req, 'orderId', 'Order');
	const order = ctx.auth.data.orders.get(id);
	if (!order) throw notFound('Order', id);
	return order;
}

export const orderRoutes: Route[] = [
	{
		method: 'GET',
		pattern: '/v1/orders',
		auth: 'company',
		handler: (ctx) => {
			const today = ctx.store.clock.today();
			const withFiles = ctx.store.switches.listFileIds;
			const orders = [...ctx.auth.data.orders.values()].map((order) =>
				withFiles ? presentOrder(order, today) : withoutFileFields(presentOrder(order, today)),
			);
			return ok(listPage(ctx.req, orders, orderList, ctx.store.switches, ctx.baseUrl));
		},
	},
	{
		method: 'POST',
		pattern: '/v1/orders',
		auth: 'company',
		handler: (ctx) => ok(createOrder(ctx.store, ctx.auth, objectBody(ctx.req)).OrderID),
	},
	{
		method: 'GET',
		pattern: '/v1/orders/deleted',
		auth: 'company',
		handler: (ctx) =>
			ok(
				listPage(ctx.req, [...ctx.auth.data.deletedOrders.values()], { ...orderList, properties: new Set([...orderProperties, 'DeletedDate']) }, ctx.store.switches, ctx.baseUrl),
			),
	},
	{
		method: 'GET',
		pattern: '/v1/orders/:orderId',
		auth: 'company',
		handler: (ctx) => ok(presentOrder(findOrder(ctx), ctx.store.clock.today())),
	},
	{
		method: 'PATCH',
		pattern: '/v1/orders/:orderId',
		auth: 'company',
		handler: (ctx) => {
			const order = findOrder(ctx);
			const body = objectBody(ctx.req);
			for (const key of Object.keys(body)) {
				if (!(key in patchableOrderSchema)) {
					throw badRequest('FieldNotPatchable', `The field '${key}' cannot be changed with PATCH`);
				}
			}
			validate(body, patchableOrderSchema, true);
			Object.assign(order, body);
			touchOrder(ctx.store, ctx.auth.companyId, order);
			return ok(true);
		},
	},
	{
		method: 'DELETE',
		pattern: '/v1/orders/:orderId',
		auth: 'company',
		handler: (ctx) => {
			const order = findOrder(ctx);
			ctx.auth.data.orders.delete(order.OrderID);
			const stamp = ctx.store.stamp();
			order.LastModified = stamp;
			ctx.auth.data.deletedOrders.set(order.OrderID, {
				OrderID: order.OrderID,
				OrderNumber: order.OrderNumber,
				OrderType: order.OrderType,
				OrderDirection: order.OrderDirection,
				DeletedDate: stamp,
				LastModified: stamp,
			});
			ctx.store.emit({ entity: 'Order', type: 'D', companyId: ctx.auth.companyId, order });
			return ok(true);
		},
	},
	{
		method: 'POST',
		pattern: '/v1/orders/:orderId/payments',
		auth: 'company',
		handler: (ctx) => {
			const order = findOrder(ctx);
			const body = objectBody(ctx.req);
			validate(body, { Amount: 'number', Description: 'string', Date: 'date' }, ctx.store.switches.rejectUnknownFields);
			requireFields(body, ['Amount'], 'Payment');
			if ((body.Amount as number) <= 0) throw badRequest('InvalidFieldValue', 'Amount must be positive');
			const payment = { PaymentID: ctx.store.nextId('payment'), Date: ctx.store.clock.today(), ...body };
			const payments = ctx.auth.data.payments.get(order.OrderID) ?? [];
			payments.push(payment);
			ctx.auth.data.payments.set(order.OrderID, payments);
			const paid = payments.reduce((sum, entry) => sum + (entry.Amount as number), 0);
			order.ToPay = round2((order.TotalIncl as number) - paid);
			if ((order.ToPay as number) <= 0) {
				order.Paid = true;
				order.PaidDate = payment.Date;
				order.OrderStatus = 'Paid';
			}
			touchOrder(ctx.store, ctx.auth.companyId, order);
			return ok(payment.PaymentID);
		},
	},
	{
		method: 'PUT',
		pattern: '/v1/orders/:orderId/bookingEntries',
		auth: 'company',
		handler: (ctx) => {
			const order = findOrder(ctx);
			const body = jsonBody(ctx.req);
			if (!Array.isArray(body) || !body.every(isRecord)) {
				throw badRequest('InvalidRequest', 'The body must be an array of booking entries');
			}
			body.forEach((entry) => validate(entry, bookingEntrySchema, ctx.store.switches.rejectUnknownFields));
			ctx.auth.data.bookingEntries.set(order.OrderID, body);
			touchOrder(ctx.store, ctx.auth.companyId, order);
			return ok(true);
		},
	},
	{
		method: 'POST',
		pattern: '/v1/orders/commands/eSign/:orderId',
		auth: 'company',
		handler: (ctx) => {
			const order = findOrder(ctx);
			order.ESigned = true;
			touchOrder(ctx.store, ctx.auth.companyId, order);
			return ok(true);
		},
	},
];
