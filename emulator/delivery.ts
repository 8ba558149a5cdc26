import type { AuthContext } from './auth';
import { badRequest } from './http';
import { touchOrder } from './order-model';
import { participantIdOf } from './peppol-registry';
import { textPdf } from './pdf';
import type { Json, Order, OrderMessage, Store } from './store';
import { orderToUbl } from './ubl';

export type FlowState = 'Sent' | 'Delivered' | 'Accepted' | 'Refused';

/**
 * What a successful send does to an order: PDF, UBL (Peppol), a message, delivery details.
 * `ownUbl` is the document a sender supplied itself (sendOrder with XML); else the order's UBL is built.
 */
export function markSent(store: Store, auth: AuthContext, order: Order, transportType: string, ownUbl?: Buffer): OrderMessage {
	if (!order.OrderPDF) order.OrderPDF = store.addFile(auth.companyId, `${safeName(order.OrderNumber)}.pdf`, 'application/pdf', orderPdf(order, auth.company));
	let fileId = (order.OrderPDF as Json).FileID as string;
	const counterParty = (order.CounterParty ?? {}) as Json;
	let destination = String(counterParty.Email ?? '');
	if (transportType === 'Peppol') {
		const ubl = store.addFile(auth.companyId, `${safeName(order.OrderNumber)}.xml`, 'application/xml', ownUbl ?? orderToUbl(order, auth.company));
		fileId = ubl.FileID;
		destination = participantIdOf(counterParty) ?? destination;
		if (store.switches.ublAttachmentOnPeppolSend) order.Attachments.push(ubl);
	}
	const message: OrderMessage = {
		MessageID: store.nextId('message'),
		OrderID: order.OrderID,
		Description: `Sent via ${transportType}`,
		FileID: fileId,
		CreationDate: store.clock.nowIso(),
		TransportType: transportType,
		Success: true,
		Trials: 1,
		Destination: destination,
		MessageDirection: 'Outgoing',
		EInvoiceFlowState: 'Sent',
	};
	order.Messages.push(message);
	order.IsSent = true;
	order.OrderStatus = 'Sent';
	order.CurrentDocumentDeliveryDetails = {
		IsDocumentDelivered: false,
		DocumentDeliveryStatus: 'Pending',
		DocumentDeliveryInfo: 'Sent',
	};
	touchOrder(store, auth.companyId, order);
	store.emit({ entity: 'Message', type: 'I', companyId: auth.companyId, order, message });
	return message;
}

/** Test command: moves the last outgoing message to Delivered, Accepted or Refused. */
export function advanceDelivery(store: Store, companyId: number, order: Order, state: unknown, info?: string): Json {
	if (state !== 'Delivered' && state !== 'Accepted' && state !== 'Refused') {
		throw badRequest('InvalidState', 'status must be Delivered, Accepted or Refused');
	}
	const message = [...order.Messages].reverse().find((candidate) => candidate.MessageDirection === 'Outgoing');
	if (!message) throw badRequest('OrderNotSent', `Order ${order.OrderID} has not been sent`);
	const current = message.EInvoiceFlowState as FlowState;
	if (current === 'Accepted' || current === 'Refused' || (current === 'Delivered' && state === 'Delivered')) {
		throw badRequest('InvalidTransition', `The delivery is already ${current}`);
	}
	const now = store.clock.nowIso();
	message.EInvoiceFlowState = state;
	message.Description = info ?? `Document ${state.toLowerCase()}`;
	const details = { ...((order.CurrentDocumentDeliveryDetails ?? {}) as Json) };
	details.IsDocumentDelivered = true;
	details.DocumentDeliveryStatus = state === 'Refused' ? 'Error' : 'Delivered';
	details.DocumentDeliveryDate = details.DocumentDeliveryDate ?? now;
	details.DocumentDeliveryInfo = state;
	if (state === 'Refused') {
		details.DocumentRefusedDate = now;
		details.DocumentRefusedInfo = info ?? 'Refused by the receiver';
	}
	order.CurrentDocumentDeliveryDetails = details;
	touchOrder(store, companyId, order);
	store.emit({ entity: 'Message', type: 'U', companyId, order, message });
	return details;
}

function orderPdf(order: Order, company: Json): Buffer {
	const party = (order.CounterParty ?? {}) as Json;
	return textPdf([
		String(company.Name),
		`${order.OrderType} ${String(order.OrderNumber)}`,
		`Date: ${String(order.OrderDate)}   Due: ${String(order.ExpiryDate ?? '')}`,
		`To: ${String(party.Name ?? party.DisplayName ?? '')}`,
		...order.OrderLines.map((line) => `${String(line.Quantity)} x ${String(line.Description ?? '')}: ${String(line.TotalExcl)}`),
		`Total excl. VAT ${String(order.TotalExcl)} ${String(order.Currency)}, VAT ${String(order.TotalVAT)}, total ${String(order.TotalIncl)}`,
	]);
}

export const safeName = (text: unknown) => String(text).replace(/[^A-Za-z0-9._-]+/g, '_');
