import { randomBytes } from 'node:crypto';

import { requestJson } from './http';

export interface OwnerAccount {
	email: string;
	password: string;
}

/** What a test needs to talk to n8n: the internal REST API (session cookie) and the public API (key). */
export interface N8nAccess {
	sessionCookie: string;
	apiKey: string;
}

const AUTH_COOKIE = 'n8n-auth';

export function newOwnerAccount(): OwnerAccount {
	// n8n's password rule: 8 to 64 characters with at least one digit and one capital letter.
	return { email: 'owner@e2e.n8n-nodes-billit.test', password: `E2e-${randomBytes(12).toString('hex')}-9` };
}

function authCookieFrom(headers: Headers): string {
	for (const cookie of headers.getSetCookie()) {
		const pair = cookie.split(';')[0];
		if (pair.startsWith(`${AUTH_COOKIE}=`)) return pair;
	}
	throw new Error(`n8n set no ${AUTH_COOKIE} cookie`);
}

/** Creates the instance owner of a fresh n8n (only possible once per database). */
export async function setupOwner(baseUrl: string, owner: OwnerAccount): Promise<void> {
	await requestJson(baseUrl, {
		method: 'POST',
		path: '/rest/owner/setup',
		body: { email: owner.email, firstName: 'End', lastName: 'To End', password: owner.password },
	});
}

/** Logs in and returns the session cookie (`n8n-auth=…`) for the internal REST API. */
export async function login(baseUrl: string, owner: OwnerAccount): Promise<string> {
	const { headers } = await requestJson(baseUrl, {
		method: 'POST',
		path: '/rest/login',
		body: { emailOrLdapLoginId: owner.email, password: owner.password },
	});
	return authCookieFrom(headers);
}

/** Creates a public-API key with every scope the owner may grant, without expiry. */
export async function createApiKey(baseUrl: string, sessionCookie: string, label: string): Promise<string> {
	const headers = { cookie: sessionCookie };
	const { body: scopes } = await requestJson<{ data: string[] }>(baseUrl, { method: 'GET', path: '/rest/api-keys/scopes', headers });
	const { body: created } = await requestJson<{ data: { rawApiKey: string } }>(baseUrl, {
		method: 'POST',
		path: '/rest/api-keys',
		headers,
		body: { label, scopes: scopes.data, expiresAt: null },
	});
	return created.data.rawApiKey;
}

/** Owner setup, login and an API key: everything the tests need after a fresh start. */
export async function prepareAccess(baseUrl: string, owner = newOwnerAccount()): Promise<N8nAccess> {
	await setupOwner(baseUrl, owner);
	const sessionCookie = await login(baseUrl, owner);
	const apiKey = await createApiKey(baseUrl, sessionCookie, 'e2e tests');
	return { sessionCookie, apiKey };
}
