/**
 * Billit webhook envelopes: `{ UpdatedEntityID, UpdatedEntityType, WebhookUpdateTypeTC, EntityDetail }`.
 * Message deliveries come in two documented shapes (nested `OrderMessage` with
 * `AdditionalMessageInformation`, or flat with `MessageAdditionalInformation`); both decode to the
 * same fields here.
 */
import type { OrderMessage } from '../types';

export type WebhookEntityType = 'Order' | 'Message';
export type WebhookUpdateType = 'I' | 'U' | 'D';

/** The trigger's event names, one per Billit (entity, update type) pair. */
export const WEBHOOK_EVENTS = {
	orderCreated: { entityType: 'Order', updateType: 'I' },
	orderUpdated: { entityType: 'Order', updateType: 'U' },
	orderDeleted: { entityType: 'Order', updateType: 'D' },
	messageCreated: { entityType: 'Message', updateType: 'I' },
	messageUpdated: { entityType: 'Message', updateType: 'U' },
} as const satisfies Record<string, { entityType: WebhookEntityType; updateType: WebhookUpdateType }>;

export type WebhookEventName = keyof typeof WEBHOOK_EVENTS;

export function isWebhookEventName(value: unknown): value is WebhookEventName {
	return typeof value === 'string' && Object.prototype.hasOwnProperty.call(WEBHOOK_EVENTS, value);
}

export function eventNameOf(entityType: unknown, updateType: unknown): WebhookEventName | undefined {
	return (Object.keys(WEBHOOK_EVENTS) as WebhookEventName[]).find(
		(name) =>
			WEBHOOK_EVENTS[name].entityType === entityType && WEBHOOK_EVENTS[name].updateType === updateType,
	);
}

export type MessageShape = 'nested' | 'flat';

export interface DecodedWebhookEvent {
	/** Undefined for an (entity, update type) pair this package does not know. */
	event: WebhookEventName | undefined;
	entityType: string | undefined;
	updateType: string | undefined;
	/** `UpdatedEntityID`: an OrderID for Order events, a message id for Message events. */
	entityId: number | undefined;
	orderId: number | undefined;
	/** Delivery state of a Message event: Sent, Delivered, Accepted, Refused, … */
	flowState?: string;
	flowStateInformation?: string;
	message?: OrderMessage;
	messageShape?: MessageShape;
}

type Json = Record<string, unknown>;

function record(value: unknown): Json | undefined {
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : undefined;
}

function integer(value: unknown): number | undefined {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	return typeof number === 'number' && Number.isSafeInteger(number) ? number : undefined;
}

function text(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}

const MESSAGE_FIELDS = [
	'OrderID',
	'Description',
	'FileID',
	'CreationDate',
	'TransportType',
	'Success',
	'Trials',
	'Destination',
	'MessageDirection',
] as const;

function messageFields(source: Json): OrderMessage {
	const message: Json = {};
	for (const field of MESSAGE_FIELDS) if (source[field] !== undefined) message[field] = source[field];
	return message as OrderMessage;
}

function decodeMessage(detail: Json): Pick<
	DecodedWebhookEvent,
	'orderId' | 'flowState' | 'flowStateInformation' | 'message' | 'messageShape'
> {
	const nested = record(detail.OrderMessage);
	const source = nested ?? detail;
	const info = record(nested ? detail.AdditionalMessageInformation : detail.MessageAdditionalInformation) ??
		record(detail.AdditionalMessageInformation) ??
		record(detail.MessageAdditionalInformation);
	return {
		orderId: integer(source.OrderID),
		flowState: text(info?.EInvoiceFlowState),
		flowStateInformation: text(info?.AdditionalFlowStateInformation),
		message: messageFields(source),
		messageShape: nested ? 'nested' : 'flat',
	};
}

/** Decodes a parsed delivery body; never throws, unknown parts stay undefined. */
export function decodeWebhookEnvelope(body: unknown): DecodedWebhookEvent {
	const envelope = record(body) ?? {};
	const entityType = text(envelope.UpdatedEntityType);
	const updateType = text(envelope.WebhookUpdateTypeTC);
	const entityId = integer(envelope.UpdatedEntityID);
	const detail = record(envelope.EntityDetail) ?? {};
	const base = { event: eventNameOf(entityType, updateType), entityType, updateType, entityId };
	if (entityType === 'Message') return { ...base, ...decodeMessage(detail) };
	return { ...base, orderId: integer(detail.OrderID) ?? (entityType === 'Order' ? entityId : undefined) };
}
