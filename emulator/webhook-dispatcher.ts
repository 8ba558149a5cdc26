import { createHmac } from 'node:crypto';

import { presentOrder, publicMessage } from './order-model';
import type { ChangeEvent, Json, Store, Webhook } from './store';

export interface WebhookDelivery {
	DeliveryID: number;
	WebhookID: number;
	WebhookURL: string;
	EventType: string;
	UpdatedEntityID: number;
	Attempt: number;
	/** HTTP status of the receiver's answer; absent when the request failed. */
	Status?: number;
	Error?: string;
	Signature: string;
	Body: string;
	Time: string;
}

const DELIVERY_TIMEOUT_MS = 10_000;
const MAX_RECORDED = 1000;

/** `t=<unix seconds>,s=<hex HMAC-SHA256(secret, t + '.' + body)>`, Billit's documented scheme. */
export function signatureHeader(secret: string, body: string, unixSeconds: number): string {
	const signature = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
	return `t=${unixSeconds},s=${signature}`;
}

/** Sends change events to matching webhooks, after the answer, with bounded retries. */
export class WebhookDispatcher {
	private deliveries: WebhookDelivery[] = [];
	private nextId = 1;
	private timers = new Set<NodeJS.Timeout>();
	private abort = new AbortController();
	private inFlight = new Set<Promise<void>>();

	constructor(private readonly store: Store) {
		store.onChange((event) => this.onChange(event));
	}

	list(): WebhookDelivery[] {
		return this.deliveries.map((delivery) => ({ ...delivery }));
	}

	/** Resolves when no delivery is pending or running (for tests). */
	async idle(): Promise<void> {
		while (this.timers.size > 0 || this.inFlight.size > 0) {
			await Promise.all([...this.inFlight]);
			await new Promise((resolve) => setTimeout(resolve, 5));
		}
	}

	reset(): void {
		this.stop();
		this.deliveries = [];
	}

	/** Cancels pending and running deliveries; the dispatcher stays usable (for a restart). */
	stop(): void {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		this.abort.abort();
		this.abort = new AbortController();
	}

	private onChange(event: ChangeEvent): void {
		if (event.entity === 'Document') return;
		if (event.entity === 'Order' && event.type === 'D' && !this.store.switches.orderDeleteWebhooks) return;
		const data = this.store.data.get(event.companyId);
		if (!data) return;
		const hooks = [...data.webhooks.values()].filter(
			(hook) => hook.EntityType === event.entity && hook.EntityUpdateType === event.type,
		);
		if (hooks.length === 0) return;
		const payload = this.payload(event);
		const body = JSON.stringify(payload);
		for (const hook of hooks) this.schedule(hook, body, payload.UpdatedEntityID as number, `${event.entity} ${event.type}`, 1, 0);
	}

	private payload(event: Exclude<ChangeEvent, { entity: 'Document' }>): Json {
		const envelope = { UpdatedEntityType: event.entity, WebhookUpdateTypeTC: event.type };
		if (event.entity === 'Order') {
			return { UpdatedEntityID: event.order.OrderID, ...envelope, EntityDetail: presentOrder(event.order, this.store.clock.today()) };
		}
		const message = publicMessage(event.message);
		const state = event.message.EInvoiceFlowState;
		const detail =
			this.store.switches.messagePayloadShape === 'nested'
				? { OrderMessage: message, AdditionalMessageInformation: { EInvoiceFlowState: state } }
				: { ...message, MessageAdditionalInformation: { EInvoiceFlowState: state, AdditionalFlowStateInformation: message.Description } };
		return { UpdatedEntityID: event.message.MessageID, ...envelope, EntityDetail: detail };
	}

	private schedule(hook: Webhook, body: string, entityId: number, eventType: string, attempt: number, delayMs: number): void {
		const timer = setTimeout(() => {
			this.timers.delete(timer);
			const running = this.deliver(hook, body, entityId, eventType, attempt).finally(() => this.inFlight.delete(running));
			this.inFlight.add(running);
		}, delayMs);
		this.timers.add(timer);
	}

	private async deliver(hook: Webhook, body: string, entityId: number, eventType: string, attempt: number): Promise<void> {
		// The secret is read at send time, so a refreshed secret applies to retries too.
		const signature = signatureHeader(hook.Secret, body, Math.floor(this.store.clock.now() / 1000));
		const record: WebhookDelivery = {
			DeliveryID: this.nextId++,
			WebhookID: hook.WebhookID,
			WebhookURL: hook.WebhookURL,
			EventType: eventType,
			UpdatedEntityID: entityId,
			Attempt: attempt,
			Signature: signature,
			Body: body,
			Time: this.store.clock.nowIso(),
		};
		const signal = this.abort.signal;
		try {
			const response = await fetch(hook.WebhookURL, {
				method: 'POST',
				headers: { 'Content-Type': 'application/json', 'Billit-Signature': signature },
				body,
				signal: AbortSignal.any([signal, AbortSignal.timeout(DELIVERY_TIMEOUT_MS)]),
			});
			await response.arrayBuffer();
			record.Status = response.status;
		} catch (error) {
			record.Error = (error as Error).message;
		}
		this.deliveries.push(record);
		if (this.deliveries.length > MAX_RECORDED) this.deliveries.shift();
		const failed = record.Status === undefined || record.Status >= 300;
		if (failed && attempt < this.store.switches.webhookMaxAttempts && !signal.aborted) {
			const delay = this.store.switches.webhookRetryDelayMs * 2 ** (attempt - 1);
			this.schedule(hook, body, entityId, eventType, attempt + 1, delay);
		}
	}
}
