/**
 * Webhook registrations at Billit for one trigger node: which events point at this node's URL, with
 * the secrets that sign their deliveries (kept in the node's workflow static data, because Billit
 * shows a secret only when a webhook is created or refreshed; sealed there, because n8n stores and
 * exports static data in clear).
 */
import { NodeOperationError, type IDataObject, type IHookFunctions } from 'n8n-workflow';
import { billitRequest } from '../../lib/billit/request/request';
import type { Webhook } from '../../lib/billit/types';
import {
	WEBHOOK_EVENTS,
	eventNameOf,
	isWebhookEventName,
	type WebhookEventName,
} from '../../lib/billit/webhooks/webhook-events';
import { openSecret, sealSecret } from '../../lib/billit/webhooks/webhook-secret-seal';
import { sealingKeyMaterial, type TriggerContext } from './sealingKey';

export interface Registration {
	webhookId: number;
	url: string;
	/** The signing secret, sealed with the credential (see lib/billit/webhooks/webhook-secret-seal). */
	sealedSecret?: string;
	/** The signing secret in clear, as versions before sealing stored it; sealed on the next activation. */
	secret?: string;
}

/** A webhook as Billit just created or refreshed it, secret in clear: never stored like this. */
interface IssuedWebhook {
	webhookId: number;
	url: string;
	secret: string;
}

export type Registrations = Partial<Record<WebhookEventName, Registration>>;

const DOCUMENTED_LIMIT = 4;

const EVENT_LABELS: Record<WebhookEventName, string> = {
	orderCreated: 'Invoice Created (Order I)',
	orderUpdated: 'Invoice Updated (Order U)',
	orderDeleted: 'Invoice Deleted (Order D)',
	messageCreated: 'Delivery Message Created (Message I)',
	messageUpdated: 'Delivery Message Updated (Message U)',
};

function sealed({ webhookId, url, secret }: IssuedWebhook, keyMaterial: string): Registration {
	return { webhookId, url, sealedSecret: sealSecret(secret, keyMaterial) };
}

/** The secrets of the stored registrations that open with the credential's key material. */
export async function storedSecrets(this: TriggerContext): Promise<string[]> {
	const registrations = Object.values(storedRegistrations.call(this)) as Registration[];
	const keyMaterial = registrations.some((registration) => registration.sealedSecret)
		? await sealingKeyMaterial.call(this)
		: '';
	return registrations.flatMap((registration) => {
		const secret = registration.sealedSecret ? openSecret(registration.sealedSecret, keyMaterial) : registration.secret;
		return secret ? [secret] : [];
	});
}

/** The registrations stored on the node, created empty when missing. */
export function storedRegistrations(this: TriggerContext): Registrations {
	const staticData = this.getWorkflowStaticData('node');
	staticData.registrations ??= {};
	return staticData.registrations as Registrations;
}

export function selectedEvents(this: IHookFunctions): WebhookEventName[] {
	const events = this.getNodeParameter('events', []) as unknown[];
	return events.filter(isWebhookEventName);
}

function describeWebhook(hook: Webhook): string {
	const event = eventNameOf(hook.EntityType, hook.EntityUpdateType);
	return `#${hook.WebhookID} ${event ? EVENT_LABELS[event] : `${hook.EntityType} ${hook.EntityUpdateType}`} → ${hook.WebhookURL}`;
}

async function listWebhooks(this: IHookFunctions): Promise<Webhook[]> {
	const answer = (await billitRequest.call(this, {
		method: 'GET',
		path: '/v1/webhooks',
	})) as Webhook[] | { Items?: Webhook[] } | null;
	if (Array.isArray(answer)) return answer;
	return answer?.Items ?? [];
}

function matches(hook: Webhook, event: WebhookEventName, url: string): boolean {
	const { entityType, updateType } = WEBHOOK_EVENTS[event];
	return hook.EntityType === entityType && hook.EntityUpdateType === updateType && hook.WebhookURL === url;
}

function isNotFound(error: unknown): boolean {
	return String((error as { httpCode?: unknown }).httpCode) === '404';
}

/** Billit accepts HTTPS endpoints only; say so before Billit answers with a bare 400. */
export function assertWebhookUrlAllowed(this: IHookFunctions, url: string): void {
	const allowPlainHttp = this.getNodeParameter('options.allowPlainHttp', false) as boolean;
	if (url.startsWith('https://') || allowPlainHttp) return;
	throw new NodeOperationError(
		this.getNode(),
		`Billit only delivers webhooks to HTTPS URLs, but n8n's webhook URL is ${url}`,
		{
			description:
				"Run n8n behind HTTPS and set WEBHOOK_URL to its public https:// address. 'Allow Plain HTTP' exists only for local test servers such as the Billit emulator.",
		},
	);
}

/** Whether every selected event has a stored registration that still exists at Billit for this URL. */
export async function registrationsExist(this: IHookFunctions): Promise<boolean> {
	const url = this.getNodeWebhookUrl('default') as string;
	const stored = storedRegistrations.call(this);
	const events = selectedEvents.call(this);
	if (events.some((event) => stored[event]?.url !== url)) return false;
	const remote = await listWebhooks.call(this);
	return events.every((event) =>
		remote.some((hook) => hook.WebhookID === stored[event]?.webhookId && matches(hook, event, url)),
	);
}

async function deleteWebhook(this: IHookFunctions, webhookId: number): Promise<void> {
	const failure = await billitRequest
		.call(this, { method: 'DELETE', path: `/v1/webhooks/${webhookId}` })
		.then(
			() => undefined,
			(error: unknown) => (isNotFound(error) ? undefined : error),
		);
	if (failure) throw failure;
}

/** Billit's limit answer is undocumented: its wording, or a company already at the documented four. */
function looksLikeLimit(error: unknown, existing: Webhook[]): boolean {
	return /limit|maximum|at most|too many/i.test((error as Error).message) || existing.length >= DOCUMENTED_LIMIT;
}

function limitError(
	this: IHookFunctions,
	event: WebhookEventName,
	cause: unknown,
	existing: Webhook[],
): NodeOperationError {
	const listed = existing.length > 0 ? existing.map(describeWebhook).join('; ') : 'none listed';
	return new NodeOperationError(
		this.getNode(),
		`Billit refused the webhook for ${EVENT_LABELS[event]}: ${(cause as Error).message}. The company's webhooks: ${listed}`,
		{
			description:
				"Billit documents four webhooks per company (Order created/updated, Message created/updated). Remove one that is no longer needed (Billit node → Webhook → Delete, or deactivate the workflow that owns it) or choose fewer events here. Existing registrations of other workflows are never taken over.",
		},
	);
}

/** Secret of an existing registration at our URL, obtained by refreshing it (GET hides secrets). */
async function adopt(this: IHookFunctions, hook: Webhook): Promise<IssuedWebhook> {
	const refreshed = (await billitRequest.call(this, {
		method: 'POST',
		path: `/v1/webhooks/refresh/${hook.WebhookID}`,
	})) as Webhook | string;
	const secret = typeof refreshed === 'string' ? refreshed : refreshed?.Secret;
	if (!secret) throw new NodeOperationError(this.getNode(), `Billit returned no secret for webhook #${hook.WebhookID}`);
	return { webhookId: hook.WebhookID as number, secret, url: hook.WebhookURL as string };
}

async function register(this: IHookFunctions, event: WebhookEventName, url: string): Promise<IssuedWebhook> {
	const { entityType, updateType } = WEBHOOK_EVENTS[event];
	const created = (await billitRequest.call(this, {
		method: 'POST',
		path: '/v1/webhooks',
		body: { EntityType: entityType, EntityUpdateType: updateType, WebhookURL: url },
	})) as Webhook;
	if (typeof created?.WebhookID !== 'number' || !created.Secret) {
		throw new NodeOperationError(this.getNode(), 'Billit did not return a webhook ID and secret');
	}
	return { webhookId: created.WebhookID, secret: created.Secret, url };
}

async function rollBack(this: IHookFunctions, stored: Registrations, createdNow: Registration[]): Promise<void> {
	for (const registration of createdNow) await deleteWebhook.call(this, registration.webhookId);
	for (const [name, registration] of Object.entries(stored)) {
		if (createdNow.includes(registration!)) delete stored[name as WebhookEventName];
	}
}

/** A refused creation: Billit's limit is explained with the company's existing webhooks. */
async function explainRefusal(this: IHookFunctions, event: WebhookEventName, error: unknown): Promise<unknown> {
	if (!String((error as IDataObject).httpCode ?? '').startsWith('4')) return error;
	const existing = await listWebhooks.call(this);
	return looksLikeLimit(error, existing) ? limitError.call(this, event, error, existing) : error;
}

/**
 * Registers the selected events: a registration that already points at this node's URL is reused
 * (its secret refreshed), a missing one is created. Stored registrations of events no longer
 * selected are removed. When a creation fails, the ones this call created are removed again.
 */
export async function createRegistrations(this: IHookFunctions): Promise<boolean> {
	const url = this.getNodeWebhookUrl('default') as string;
	assertWebhookUrlAllowed.call(this, url);
	const events = selectedEvents.call(this);
	const stored = storedRegistrations.call(this);
	const remote = await listWebhooks.call(this);
	for (const event of Object.keys(stored) as WebhookEventName[]) {
		if (events.includes(event)) continue;
		await deleteWebhook.call(this, stored[event]!.webhookId);
		delete stored[event];
	}
	const keyMaterial = await sealingKeyMaterial.call(this);
	const createdNow: Registration[] = [];
	for (const event of events) {
		const current = stored[event];
		const live = remote.find((hook) => hook.WebhookID === current?.webhookId && matches(hook, event, url));
		if (live && current?.url === url) {
			if (current.secret) stored[event] = sealed({ webhookId: current.webhookId, url, secret: current.secret }, keyMaterial);
			continue;
		}
		const atOurUrl = remote.find((hook) => matches(hook, event, url));
		const outcome = await (atOurUrl ? adopt.call(this, atOurUrl) : register.call(this, event, url)).then(
			(issued) => ({ registration: sealed(issued, keyMaterial) }),
			(error: unknown) => ({ error }),
		);
		if ('registration' in outcome) {
			if (!atOurUrl) createdNow.push(outcome.registration);
			stored[event] = outcome.registration;
			continue;
		}
		await rollBack.call(this, stored, createdNow);
		throw await explainRefusal.call(this, event, outcome.error);
	}
	return true;
}

/** Removes every webhook this node registered; one already gone at Billit counts as removed. */
export async function deleteRegistrations(this: IHookFunctions): Promise<boolean> {
	const stored = storedRegistrations.call(this);
	let failure: unknown;
	for (const [event, registration] of Object.entries(stored)) {
		try {
			await deleteWebhook.call(this, registration!.webhookId);
			delete stored[event as WebhookEventName];
		} catch (error) {
			failure ??= error;
		}
	}
	if (failure) throw failure;
	return true;
}
