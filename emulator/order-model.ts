import type { AuthContext } from './auth';
import { badRequest, isRecord } from './http';
import { partySchema, upsertParty } from './party-model';
import type { FileRef, Json, Order, OrderMessage, Store } from './store';
import { requireFields, validate, type Schema } from './validation';

export const ORDER_TYPES = ['Invoice', 'CreditNote', 'Offer', 'DeliveryNote', 'OrderForm'] as const;

const lineSchema: Schema = {
	Quantity: 'number',
	UnitPriceExcl: 'number',
	UnitPriceIncl: 'number',
	Description: 'string',
	DescriptionExtended: 'string',
	VATPercentage: 'number',
	ReductionPercentage: 'number',
	ProductID: 'integer',
	Unit: 'string',
	Reference: 'string',
	AccountCode: 'number',
	TotalExcl: 'number',
	TotalVAT: 'number',
	TotalIncl: 'number',
};

const fileUploadSchema: Schema = { FileName: 'string', MimeType: 'string', FileContent: 'string' };

/** Fields a PATCH on an order may change, with their types (Billit's page `patchable-properties`). */
export const patchableOrderSchema: Schema = {
	Paid: 'boolean',
	PaidDate: 'date',
	IsSent: 'boolean',
	Invoiced: 'boolean',
	ApprovalStatus: 'string',
	PaymentMethod: 'string',
	AccountCode: 'number',
	AnalyticCostBearer: 'string',
	AnalyticCostCenter: 'string',
	InternalInfo: 'string',
	AccountantVerificationNeeded: 'boolean',
	ExportedToConnector: 'boolean',
};

export const orderSchema: Schema = {
	...patchableOrderSchema,
	OrderType: { oneOf: ORDER_TYPES },
	OrderDirection: { oneOf: ['Income', 'Cost'] },
	OrderNumber: 'string',
	OrderDate: 'date',
	ExpiryDate: 'date',
	DeliveryDate: 'date',
	Reference: 'string',
	AboutInvoiceNumber: 'string',
	Customer: { object: partySchema },
	Supplier: { object: partySchema },
	CounterParty: { object: partySchema },
	OrderLines: { array: { object: lineSchema } },
	Currency: 'string',
	PaymentReference: 'string',
	ExternalProviderID: 'string',
	ExternalProvider: 'string',
	OrderStatus: 'string',
	Comments: 'string',
	CustomFields: 'map',
	Tags: { array: 'string' },
	Attachments: { array: { object: fileUploadSchema } },
	OrderPDF: { object: fileUploadSchema },
	TotalExcl: 'number',
	TotalVAT: 'number',
	TotalIncl: 'number',
};

const computedOrderFields = [
	'OrderID',
	'CompanyID',
	'ToPay',
	'VatGroups',
	'Overdue',
	'DaysOverdue',
	'Messages',
	'CurrentDocumentDeliveryDetails',
	'Created',
	'LastModified',
];
export const orderProperties = new Set([...Object.keys(orderSchema), ...computedOrderFields]);

export const round2 = (value: number) => Math.round((value + Number.EPSILON) * 100) / 100;

/** Line totals and VAT groups as Billit computes them: VAT rounded per rate group. */
export function computeTotals(lines: Json[]): { lines: Json[]; groups: Json[]; excl: number; vat: number } {
	const groups = new Map<number, { excl: number }>();
	const computed = lines.map((line, index) => {
		requireFields(line, ['Quantity'], `OrderLines[${index}]`);
		const vatPercent = (line.VATPercentage as number | undefined) ?? 0;
		if (vatPercent < 0 || vatPercent > 100) {
			throw badRequest('InvalidFieldValue', `OrderLines[${index}].VATPercentage must be between 0 and 100`);
		}
		const unitExcl =
			(line.UnitPriceExcl as number | undefined) ??
			(line.UnitPriceIncl !== undefined ? (line.UnitPriceIncl as number) / (1 + vatPercent / 100) : undefined);
		if (unitExcl === undefined) {
			throw badRequest('RequiredFieldMissing', `OrderLines[${index}]: UnitPriceExcl or UnitPriceIncl is required`);
		}
		const reduction = ((line.ReductionPercentage as number | undefined) ?? 0) / 100;
		const totalExcl = round2((line.Quantity as number) * unitExcl * (1 - reduction));
		const totalVat = round2((totalExcl * vatPercent) / 100);
		const group = groups.get(vatPercent) ?? { excl: 0 };
		group.excl += totalExcl;
		groups.set(vatPercent, group);
		return {
			...line,
			VATPercentage: vatPercent,
			UnitPriceExcl: round2(unitExcl * 10000) / 10000,
			UnitPriceIncl: round2(unitExcl * (1 + vatPercent / 100) * 10000) / 10000,
			TotalExcl: totalExcl,
			TotalVAT: totalVat,
			TotalIncl: round2(totalExcl + totalVat),
		};
	});
	const vatGroups = [...groups.entries()]
		.sort(([a], [b]) => a - b)
		.map(([percent, group]) => {
			const excl = round2(group.excl);
			const vat = round2((excl * percent) / 100);
			return { VATPercentage: percent, TotalExcl: excl, TotalVAT: vat, TotalIncl: round2(excl + vat) };
		});
	return {
		lines: computed,
		groups: vatGroups,
		excl: round2(vatGroups.reduce((sum, group) => sum + group.TotalExcl, 0)),
		vat: round2(vatGroups.reduce((sum, group) => sum + group.TotalVAT, 0)),
	};
}

/** Builds and stores a new order from a create body; the party is matched or created. */
export function createOrder(store: Store, auth: AuthContext, body: unknown, extraAttachments: FileRef[] = []): Order {
	validate(body, orderSchema, store.switches.rejectUnknownFields);
	const input = body as Json;
	requireFields(input, ['OrderType', 'OrderDirection'], 'Order');
	const lines = input.OrderLines as Json[] | undefined;
	if (!lines || lines.length === 0) throw badRequest('RequiredFieldMissing', 'Order: at least one OrderLine is required');
	const direction = input.OrderDirection as 'Income' | 'Cost';
	const partyKey = direction === 'Income' ? 'Customer' : 'Supplier';
	const partyInput = input[partyKey] ?? input.CounterParty;
	if (!isRecord(partyInput)) throw badRequest('RequiredFieldMissing', `Order: the field '${partyKey}' is required`);
	const party = upsertParty(store, auth, partyInput, direction === 'Income' ? 'Customer' : 'Supplier');
	const totals = computeTotals(lines);
	const orderDate = (input.OrderDate as string | undefined) ?? store.clock.today();
	const stamp = store.stamp();
	const OrderID = store.nextId('order');
	const attachments = ((input.Attachments as Json[] | undefined) ?? []).map((file) => storeUpload(store, auth, file));
	const order: Order = {
		...input,
		OrderID,
		CompanyID: auth.companyId,
		OrderType: input.OrderType as string,
		OrderDirection: direction,
		OrderNumber: (input.OrderNumber as string | undefined) ?? nextOrderNumber(auth, input.OrderType as string, direction, orderDate),
		OrderDate: orderDate,
		ExpiryDate: (input.ExpiryDate as string | undefined) ?? addDays(orderDate, 30),
		Currency: (input.Currency as string | undefined) ?? 'EUR',
		[partyKey]: party,
		CounterParty: party,
		OrderLines: totals.lines,
		VatGroups: totals.groups,
		TotalExcl: totals.excl,
		TotalVAT: totals.vat,
		TotalIncl: round2(totals.excl + totals.vat),
		ToPay: round2(totals.excl + totals.vat),
		Paid: false,
		IsSent: false,
		Invoiced: input.OrderType === 'Invoice' || input.OrderType === 'CreditNote',
		OrderStatus: (input.OrderStatus as string | undefined) ?? (direction === 'Income' ? 'ToSend' : 'ToPay'),
		ExportedToConnector: (input.ExportedToConnector as boolean | undefined) ?? false,
		Attachments: [...attachments, ...extraAttachments],
		Messages: [],
		Created: stamp,
		LastModified: stamp,
	};
	if (input.OrderPDF) order.OrderPDF = storeUpload(store, auth, input.OrderPDF as Json);
	if (direction === 'Income') delete order.Supplier;
	else delete order.Customer;
	auth.data.orders.set(OrderID, order);
	store.emit({ entity: 'Order', type: 'I', companyId: auth.companyId, order });
	return order;
}

function storeUpload(store: Store, auth: AuthContext, file: Json): FileRef {
	requireFields(file, ['FileName', 'FileContent'], 'File');
	return store.addFile(
		auth.companyId,
		file.FileName as string,
		(file.MimeType as string | undefined) ?? 'application/octet-stream',
		Buffer.from(file.FileContent as string, 'base64'),
	);
}

function nextOrderNumber(auth: AuthContext, type: string, direction: string, date: string): string {
	const year = date.slice(0, 4);
	const count = [...auth.data.orders.values()].filter(
		(order) => order.OrderType === type && order.OrderDirection === direction && String(order.OrderDate).startsWith(year),
	).length;
	const prefix = type === 'CreditNote' ? 'CN' : type === 'Offer' ? 'OF' : '';
	return `${prefix}${year}-${String(count + 1).padStart(4, '0')}`;
}

export function addDays(date: string, days: number): string {
	const base = new Date(`${date.slice(0, 10)}T00:00:00Z`);
	base.setUTCDate(base.getUTCDate() + days);
	return base.toISOString().slice(0, 10);
}

/** The order as Billit answers it, with `Overdue` and `DaysOverdue` computed for today. */
export function presentOrder(order: Order, today: string): Json {
	const expiry = typeof order.ExpiryDate === 'string' ? order.ExpiryDate.slice(0, 10) : undefined;
	const overdueDays =
		expiry && !order.Paid && expiry < today
			? Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${expiry}T00:00:00Z`)) / 86_400_000)
			: 0;
	return {
		...order,
		Messages: order.Messages.map(publicMessage),
		Overdue: overdueDays > 0,
		DaysOverdue: overdueDays,
	};
}

/** Records a change: new `LastModified` and an `Order`/`U` event. */
export function touchOrder(store: Store, companyId: number, order: Order): void {
	order.LastModified = store.stamp();
	store.emit({ entity: 'Order', type: 'U', companyId, order });
}

/** A message as `Order.Messages[]` shows it: without the emulator's own bookkeeping fields. */
export function publicMessage(message: OrderMessage): Json {
	const copy: Json = { ...message };
	delete copy.MessageID;
	delete copy.EInvoiceFlowState;
	return copy;
}
