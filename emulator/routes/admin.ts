import type { Admin } from '../admin';
import { idParam, jsonBody, notFound, ok } from '../http';
import type { Route } from '../router';
import type { WebhookDispatcher } from '../webhook-dispatcher';

/** The `/_emulator` JSON API (no auth); see README.md. */
export function adminRoutes(admin: Admin, webhooks: WebhookDispatcher): Route[] {
	const route = (method: Route['method'], path: string, handler: Route['handler']): Route => ({
		method,
		pattern: `/_emulator${path}`,
		auth: 'none',
		handler,
	});
	return [
		route('POST', '/reset', ({ req }) => {
			const body = jsonBody(req) as { seed?: unknown } | undefined;
			admin.reset(body?.seed === undefined ? undefined : body.seed === true);
			return ok(true);
		}),
		route('POST', '/seed', ({ req }) => ok(admin.seed(jsonBody(req)))),
		route('GET', '/credentials', () => ok(admin.credentials())),
		route('GET', '/switches', () => ok(admin.switches())),
		route('PATCH', '/switches', ({ req }) => ok(admin.setSwitches(jsonBody(req)))),
		route('GET', '/clock', () => ok(admin.clock())),
		route('PUT', '/clock', ({ req }) => ok(admin.setClockOffset((jsonBody(req) as { offsetMs?: unknown } | undefined)?.offsetMs))),
		route('GET', '/faults', () => ok(admin.faults.list())),
		route('POST', '/faults', ({ req }) => ok(admin.addFault(jsonBody(req)))),
		route('DELETE', '/faults', () => {
			admin.faults.clear();
			return ok(true);
		}),
		route('DELETE', '/faults/:id', ({ req }) => {
			const id = idParam(req, 'id', 'Fault');
			if (!admin.faults.remove(id)) throw notFound('Fault', id);
			return ok(true);
		}),
		route('GET', '/requests', ({ req }) =>
			ok(admin.requests({ method: req.url.searchParams.get('method') ?? undefined, path: req.url.searchParams.get('path') ?? undefined })),
		),
		route('DELETE', '/requests', () => {
			admin.clearRequests();
			return ok(true);
		}),
		route('POST', '/tokens/expire', ({ req }) => ok(admin.expireAccessTokens(jsonBody(req)))),
		route('POST', '/tokens/revoke', ({ req }) => ok(admin.revokeRefreshToken(jsonBody(req)))),
		route('POST', '/orders/:orderId/delivery', ({ req }) =>
			ok(admin.advanceDelivery(idParam(req, 'orderId', 'Order'), jsonBody(req))),
		),
		route('GET', '/orders/:orderId/payments', ({ req }) => ok(admin.payments(idParam(req, 'orderId', 'Order')))),
		route('POST', '/inbox', ({ req }) => ok(admin.seedInbox(jsonBody(req)))),
		route('GET', '/inbox/refusals', () => ok(admin.inboxRefusals())),
		route('GET', '/feeds', () => ok(admin.feeds())),
		route('GET', '/feeds/confirmations', () => ok(admin.feedConfirmations())),
		route('GET', '/webhooks/deliveries', () => ok(webhooks.list())),
	];
}
