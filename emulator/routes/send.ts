import { parseUbl, type ParsedUbl } from '../../lib/ubl/parse';
import type { AuthContext } from '../auth';
import { ApiError, badRequest, notFound, objectBody, ok } from '../http';
import { markSent } from '../delivery';
import { createOrder, orderSchema } from '../order-model';
import { normalizeParticipantId, participantReceives, partyOnPeppol } from '../peppol-registry';
import type { Route } from '../router';
import type { Json, Order, Store } from '../store';
import { validate } from '../validation';

export const TRANSPORT_TYPES = ['Peppol', 'SMTP', 'Letter', 'SDI', 'KSeF', 'Chorus', 'Factur-X', 'ZUGFeRD'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Refuses a send as Billit does; since February 2026 there is no fallback to another transport. */
export function checkRecipient(store: Store, order: Order, transportType: string): void {
	const customer = (order.CounterParty ?? {}) as Json;
	const name = String(customer.Name ?? customer.DisplayName ?? '');
	if (transportType === 'Peppol' && !partyOnPeppol(store, customer)) {
		throw badRequest('TheCustomerIsNotActiveOnPeppol', `The customer ${name} is not active on Peppol`);
	}
	if (transportType === 'SMTP' && !(typeof customer.Email === 'string' && EMAIL.test(customer.Email))) {
		throw badRequest('TheCustomer_0_DoesNotHaveAValidEmailAddress', `The customer ${name} does not have a valid email address`);
	}
	if (transportType === 'Letter' && store.switches.sandboxTransportLimits) {
		throw badRequest('TransportTypeNotAvailable', 'Letter is only available in production');
	}
}

function sendableOrder(auth: AuthContext, id: number): Order {
	const order = auth.data.orders.get(id);
	if (!order) throw notFound('Order', id);
	if (order.OrderDirection !== 'Income') throw badRequest('OrderCannotBeSent', `Order ${id} is not a sales document`);
	return order;
}

/**
 * Billit's "Send UBL to Peppol" (`POST /v1/peppol/sendxml`, `{ "XML": "<Invoice…>" }`): refused unless
 * the buyer's endpoint is on Peppol; answers the InboxItemID. The document does not show in My Billit,
 * so it becomes no order: the emulator keeps it among the company's sent documents.
 */
function sendOwnUbl(store: Store, auth: AuthContext, xml: unknown): number {
	if (typeof xml !== 'string' || xml.trim() === '') throw badRequest('InvalidUbl', 'XML must be the UBL document as a string');
	const content = Buffer.from(xml, 'utf8');
	let parsed: ParsedUbl;
	try {
		parsed = parseUbl(content);
	} catch (error) {
		throw badRequest('InvalidUbl', `The XML is not a readable UBL document: ${(error as Error).message}`);
	}
	if (parsed.kind === 'ApplicationResponse') throw badRequest('InvalidUbl', 'Only invoices and credit notes can be sent');
	const buyer = parsed.document.buyer;
	const endpoint = buyer.endpoint;
	const receiver = endpoint?.schemeId ? `${endpoint.schemeId}:${endpoint.id}` : undefined;
	if (!receiver || !participantReceives(store, normalizeParticipantId(receiver))) {
		const name = buyer.registrationName ?? buyer.name ?? '';
		throw badRequest('TheCustomerIsNotActiveOnPeppol', `The customer ${name} (${receiver ?? 'no endpoint'}) is not active on Peppol`);
	}
	const file = store.addFile(auth.companyId, `${parsed.document.id}.xml`, 'application/xml', content);
	const InboxItemID = store.nextId('inbox');
	auth.data.sentDocuments.push({ InboxItemID, DocumentID: parsed.document.id, Receiver: receiver, FileID: file.FileID, CreationDate: store.clock.nowIso() });
	return InboxItemID;
}

export const sendRoutes: Route[] = [
	{
		method: 'POST',
		pattern: '/v1/orders/commands/send',
		auth: 'company',
		handler: ({ store, req, auth }) => {
			const body = objectBody(req);
			validate(body, { OrderIds: { array: 'integer' }, TransportType: 'string', PrintType: 'string' }, store.switches.rejectUnknownFields);
			const ids = body.OrderIds as number[] | undefined;
			if (!ids || ids.length === 0) throw badRequest('RequiredFieldMissing', "The field 'OrderIds' is required");
			const transport = body.TransportType as string | undefined;
			if (!transport || !TRANSPORT_TYPES.includes(transport)) {
				throw badRequest('InvalidTransportType', `TransportType must be one of ${TRANSPORT_TYPES.join(', ')}`);
			}
			const orders = ids.map((id) => sendableOrder(auth, id));
			// All orders are checked before any is sent, so a refused batch changes nothing.
			for (const order of orders) checkRecipient(store, order, transport);
			for (const order of orders) markSent(store, auth, order, transport);
			return ok(true);
		},
	},
	{
		method: 'POST',
		pattern: '/v1/peppol/sendxml',
		auth: 'company',
		handler: ({ store, req, auth }) => {
			const body = objectBody(req);
			validate(body, { XML: 'string' }, store.switches.rejectUnknownFields);
			return ok(sendOwnUbl(store, auth, body.XML));
		},
	},
	{
		method: 'POST',
		pattern: '/v1/peppol/sendOrder',
		auth: 'company',
		handler: ({ store, req, auth }) => {
			const body = objectBody(req);
			// An Order JSON (the model's PeppolPostSendOrder body); own UBL goes to sendxml.
			validate(body, orderSchema, store.switches.rejectUnknownFields);
			if (body.OrderDirection !== undefined && body.OrderDirection !== 'Income') {
				throw badRequest('InvalidFieldValue', 'Only sales documents (OrderDirection Income) can be sent');
			}
			const input: Json = { OrderDirection: 'Income', OrderType: 'Invoice', ...body };
			const customer = (input.Customer ?? input.CounterParty) as Json | undefined;
			if (!customer || !partyOnPeppol(store, customer)) {
				throw new ApiError(400, 'TheCustomerIsNotActiveOnPeppol', `The customer ${String(customer?.Name ?? '')} is not active on Peppol`);
			}
			const order = createOrder(store, auth, input);
			markSent(store, auth, order, 'Peppol');
			return ok(order.OrderID);
		},
	},
];
