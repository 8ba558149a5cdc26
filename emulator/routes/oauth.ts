import { ApiError, header, isRecord, type EmuRequest, type EmuResponse } from '../http';
import type { Route } from '../router';
import { randomToken, type OAuthClient, type Store } from '../store';

export const ACCESS_TOKEN_SECONDS = 3600;
const CODE_LIFETIME_MS = 5 * 60_000;

const escapeHtml = (text: string) =>
	text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

const html = (status: number, body: string): EmuResponse => ({
	status,
	raw: { contentType: 'text/html; charset=utf-8', data: `<!doctype html><html><head><meta charset="utf-8"><title>Billit emulator</title></head><body>${body}</body></html>` },
});

/** OAuth2 errors use the RFC 6749 shape, not Billit's error body. */
const oauthError = (status: number, error: string, description: string): EmuResponse => ({
	status,
	body: { error, error_description: description },
});

function findClient(store: Store, clientId: string | null | undefined, redirectUri: string | null | undefined): OAuthClient | string {
	const client = store.oauthClients.find((candidate) => candidate.clientId === clientId);
	if (!client) return 'Unknown client_id';
	// Billit matches registered redirect URIs strictly.
	if (!redirectUri || !client.redirectUris.includes(redirectUri)) return 'redirect_uri is not registered for this client';
	return client;
}

/** Form (urlencoded) or JSON token request parameters. */
function tokenParams(req: EmuRequest): Record<string, string> {
	const text = req.rawBody.toString('utf8');
	const type = header(req, 'content-type') ?? '';
	if (type.includes('application/json')) {
		try {
			const parsed: unknown = JSON.parse(text);
			if (!isRecord(parsed)) return {};
			return Object.fromEntries(Object.entries(parsed).map(([key, value]) => [key, String(value)]));
		} catch {
			return {};
		}
	}
	return Object.fromEntries(new URLSearchParams(text));
}

function clientCredentials(req: EmuRequest, params: Record<string, string>): { id?: string; secret?: string } {
	const authorization = header(req, 'authorization');
	if (authorization && /^basic\s+/i.test(authorization)) {
		const decoded = Buffer.from(authorization.replace(/^basic\s+/i, ''), 'base64').toString('utf8');
		const colon = decoded.indexOf(':');
		if (colon >= 0) {
			return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
		}
	}
	return { id: params.client_id, secret: params.client_secret };
}

export function issueTokens(store: Store, email: string, clientId: string) {
	const accessToken = randomToken();
	const refreshToken = randomToken(32);
	store.accessTokens.set(accessToken, { email, expiresAt: store.clock.now() + ACCESS_TOKEN_SECONDS * 1000 });
	store.refreshTokens.set(refreshToken, { email, clientId });
	return {
		access_token: accessToken,
		token_type: 'Bearer',
		expires_in: ACCESS_TOKEN_SECONDS,
		refresh_token: refreshToken,
	};
}

export const oauthRoutes: Route[] = [
	{
		method: 'GET',
		pattern: '/Account/Logon',
		auth: 'none',
		handler: ({ store, req }) => {
			const query = req.url.searchParams;
			const client = findClient(store, query.get('client_id'), query.get('redirect_uri'));
			if (typeof client === 'string') return html(400, `<h1>Authorization error</h1><p>${escapeHtml(client)}</p>`);
			const hidden = ['client_id', 'redirect_uri', 'state']
				.map((name) => `<input type="hidden" name="${name}" value="${escapeHtml(query.get(name) ?? '')}">`)
				.join('');
			const users = store.users
				.map((user) => `<option value="${escapeHtml(user.Email)}">${escapeHtml(`${user.FirstName} ${user.LastName} <${user.Email}>`)}</option>`)
				.join('');
			return html(
				200,
				`<h1>Billit emulator</h1><p>Allow <b>${escapeHtml(client.clientId)}</b> to access your Billit companies?</p>` +
					`<form method="post" action="/Account/Logon">${hidden}<label>User <select name="user">${users}</select></label> ` +
					`<button type="submit" name="decision" value="allow">Allow</button> ` +
					`<button type="submit" name="decision" value="deny">Deny</button></form>`,
			);
		},
	},
	{
		method: 'POST',
		pattern: '/Account/Logon',
		auth: 'none',
		handler: ({ store, req }) => {
			const form = new URLSearchParams(req.rawBody.toString('utf8'));
			const redirectUri = form.get('redirect_uri');
			const client = findClient(store, form.get('client_id'), redirectUri);
			if (typeof client === 'string') return html(400, `<h1>Authorization error</h1><p>${escapeHtml(client)}</p>`);
			const target = new URL(redirectUri as string);
			const state = form.get('state');
			if (state) target.searchParams.set('state', state);
			const user = store.userByEmail(form.get('user') ?? '') ?? store.users[0];
			if (form.get('decision') !== 'allow' || !user) {
				target.searchParams.set('error', 'access_denied');
			} else {
				const code = randomToken();
				store.authCodes.set(code, {
					email: user.Email,
					clientId: client.clientId,
					redirectUri: redirectUri as string,
					expiresAt: store.clock.now() + CODE_LIFETIME_MS,
				});
				target.searchParams.set('code', code);
			}
			return { status: 302, headers: { Location: target.toString() } };
		},
	},
	{
		method: 'POST',
		pattern: '/OAuth2/token',
		auth: 'none',
		handler: ({ store, req }) => {
			const params = tokenParams(req);
			const credentials = clientCredentials(req, params);
			const client = store.oauthClients.find((candidate) => candidate.clientId === credentials.id);
			if (!client || client.clientSecret !== credentials.secret) {
				return oauthError(401, 'invalid_client', 'Client authentication failed');
			}
			if (params.grant_type === 'authorization_code') {
				const grant = store.authCodes.get(params.code ?? '');
				store.authCodes.delete(params.code ?? '');
				if (!grant || grant.expiresAt <= store.clock.now() || grant.clientId !== client.clientId) {
					return oauthError(400, 'invalid_grant', 'The authorization code is invalid, used or expired');
				}
				if (grant.redirectUri !== params.redirect_uri) {
					return oauthError(400, 'invalid_grant', 'redirect_uri does not match the authorization request');
				}
				return { status: 200, body: issueTokens(store, grant.email, client.clientId) };
			}
			if (params.grant_type === 'refresh_token') {
				const grant = store.refreshTokens.get(params.refresh_token ?? '');
				if (!grant || grant.clientId !== client.clientId) {
					return oauthError(400, 'invalid_grant', 'The refresh token is invalid or was already used');
				}
				store.refreshTokens.delete(params.refresh_token);
				return { status: 200, body: issueTokens(store, grant.email, client.clientId) };
			}
			return oauthError(400, 'unsupported_grant_type', 'grant_type must be authorization_code or refresh_token');
		},
	},
	{
		method: 'POST',
		pattern: '/OAuth2/revoke',
		auth: 'none',
		handler: ({ store, req }) => {
			const token = tokenParams(req).token;
			if (!token) throw new ApiError(400, 'InvalidRequest', 'token is required');
			store.accessTokens.delete(token);
			store.refreshTokens.delete(token);
			return { status: 200 };
		},
	},
];
