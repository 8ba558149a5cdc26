import { isIP } from 'node:net';

import { badRequest, idParam, notFound, objectBody, ok } from '../http';
import type { Ctx, Route } from '../router';
import { randomToken, type Webhook } from '../store';
import { requireFields, validate } from '../validation';

/** A webhook as the model's Webhook type has it; the secret only where Billit shows it (on create). */
function view(hook: Webhook, withSecret: boolean): Record<string, unknown> {
	const { WebhookID, CompanyID, EntityType, EntityUpdateType, WebhookURL, Secret } = hook;
	return { WebhookID, CompanyID, EntityType, EntityUpdateType, WebhookURL, ...(withSecret ? { Secret } : {}) };
}

function checkUrl(ctx: Ctx, raw: string): void {
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		throw badRequest('InvalidWebhookURL', `'${raw}' is not an absolute URL`);
	}
	const host = url.hostname.replace(/^\[|\]$/g, '');
	const loopback = host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && (loopback || !ctx.store.switches.webhookHttpsOnly))) {
		throw badRequest('InvalidWebhookURL', 'Webhook URLs must use HTTPS');
	}
}

function findWebhook(ctx: Ctx): Webhook {
	const id = idParam(ctx.req, 'webhookId', 'Webhook');
	const hook = ctx.auth.data.webhooks.get(id);
	if (!hook) throw notFound('Webhook', id);
	return hook;
}

export const webhookRoutes: Route[] = [
	{
		method: 'GET',
		pattern: '/v1/webhooks',
		auth: 'company',
		handler: (ctx) => ok([...ctx.auth.data.webhooks.values()].map((hook) => view(hook, false))),
	},
	{
		method: 'POST',
		pattern: '/v1/webhooks',
		auth: 'company',
		handler: (ctx) => {
			const body = objectBody(ctx.req);
			validate(body, {
				EntityType: { oneOf: ['Order', 'Message'] },
				EntityUpdateType: { oneOf: ['I', 'U', 'D'] },
				WebhookURL: 'string',
			}, ctx.store.switches.rejectUnknownFields);
			requireFields(body, ['EntityType', 'EntityUpdateType', 'WebhookURL'], 'Webhook');
			checkUrl(ctx, body.WebhookURL as string);
			const hooks = ctx.auth.data.webhooks;
			if (hooks.size >= ctx.store.switches.webhookLimit) {
				throw badRequest('WebhookLimitReached', `A company can have at most ${ctx.store.switches.webhookLimit} webhooks; delete one first`);
			}
			const hook: Webhook = {
				WebhookID: ctx.store.nextId('webhook'),
				CompanyID: ctx.auth.companyId,
				EntityType: body.EntityType as Webhook['EntityType'],
				EntityUpdateType: body.EntityUpdateType as Webhook['EntityUpdateType'],
				WebhookURL: body.WebhookURL as string,
				Secret: randomToken(32),
				Created: ctx.store.clock.nowIso(),
			};
			hooks.set(hook.WebhookID, hook);
			return ok(view(hook, true));
		},
	},
	{
		method: 'DELETE',
		pattern: '/v1/webhooks/:webhookId',
		auth: 'company',
		handler: (ctx) => ok(ctx.auth.data.webhooks.delete(findWebhook(ctx).WebhookID)),
	},
	{
		method: 'POST',
		pattern: '/v1/webhooks/refresh/:webhookId',
		auth: 'company',
		handler: (ctx) => {
			const hook = findWebhook(ctx);
			hook.Secret = randomToken(32);
			// The published model answers the new secret as a bare string.
			return ok(hook.Secret);
		},
	},
];
