import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { DEMO } from '../../../emulator';
import { call, errorCode, startEmulatorTarget, type Target } from './target';

const REDIRECT = 'http://127.0.0.1:5678/rest/oauth2-credential/callback';
let target: Target;

beforeAll(async () => {
	target = await startEmulatorTarget();
});
afterAll(async () => {
	await target.emulator?.stop();
});
beforeEach(() => {
	target.emulator?.admin.reset();
});

/** Walks the authorize page like a browser: GET the page, POST "Allow", read the redirect. */
async function authorize(state: string): Promise<URL> {
	const query = new URLSearchParams({ client_id: DEMO.clientId, redirect_uri: REDIRECT, state });
	const page = await fetch(`${target.baseUrl}/Account/Logon?${query}`);
	expect(page.status).toBe(200);
	const html = await page.text();
	expect(html).toContain('Allow');
	const form = new URLSearchParams({ client_id: DEMO.clientId, redirect_uri: REDIRECT, state, user: DEMO.email, decision: 'allow' });
	const answer = await fetch(`${target.baseUrl}/Account/Logon`, { method: 'POST', body: form, redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
	expect(answer.status).toBe(302);
	return new URL(answer.headers.get('location') as string);
}

async function token(params: Record<string, string>, mode: 'form' | 'json' | 'basic') {
	const headers: Record<string, string> = {};
	let body: string;
	const withClient = { ...params, client_id: DEMO.clientId, client_secret: DEMO.clientSecret };
	if (mode === 'json') {
		headers['Content-Type'] = 'application/json';
		body = JSON.stringify(withClient);
	} else if (mode === 'basic') {
		headers.Authorization = `Basic ${Buffer.from(`${DEMO.clientId}:${DEMO.clientSecret}`).toString('base64')}`;
		headers['Content-Type'] = 'application/x-www-form-urlencoded';
		body = new URLSearchParams(params).toString();
	} else {
		headers['Content-Type'] = 'application/x-www-form-urlencoded';
		body = new URLSearchParams(withClient).toString();
	}
	const answer = await fetch(`${target.baseUrl}/OAuth2/token`, { method: 'POST', headers, body });
	return { status: answer.status, json: (await answer.json()) as Record<string, string | number> };
}

const bearer = (accessToken: string, partyId = target.partyId) =>
	call(target, 'GET', '/v1/orders?$top=1', { anonymous: true, headers: { Authorization: `Bearer ${accessToken}`, PartyID: partyId } });

describe('OAuth2 authorization code flow', () => {
	it.each(['form', 'json', 'basic'] as const)('exchanges a code for 60-minute tokens (client credentials in %s)', async (mode) => {
		const redirect = await authorize('state-123');
		expect(redirect.origin + redirect.pathname).toBe(REDIRECT);
		expect(redirect.searchParams.get('state')).toBe('state-123');
		const code = redirect.searchParams.get('code') as string;
		const granted = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT }, mode);
		expect(granted.status).toBe(200);
		expect(granted.json).toMatchObject({ token_type: 'Bearer', expires_in: 3600, access_token: expect.any(String), refresh_token: expect.any(String) });
		expect((await bearer(granted.json.access_token as string)).status).toBe(200);
		const reused = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT }, mode);
		expect(reused.json.error).toBe('invalid_grant');
		const logged = JSON.stringify(target.emulator?.admin.requests({ path: '/OAuth2/token' }));
		expect(logged).toContain('grant_type');
		for (const secret of [DEMO.clientSecret, code, granted.json.access_token, granted.json.refresh_token]) expect(logged).not.toContain(String(secret));
	});

	it('rotates refresh tokens: each is single-use', async () => {
		const code = (await authorize('s')).searchParams.get('code') as string;
		const first = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT }, 'form');
		const refreshed = await token({ grant_type: 'refresh_token', refresh_token: first.json.refresh_token as string }, 'basic');
		expect(refreshed.status).toBe(200);
		expect(refreshed.json.refresh_token).not.toBe(first.json.refresh_token);
		const again = await token({ grant_type: 'refresh_token', refresh_token: first.json.refresh_token as string }, 'form');
		expect(again.status).toBe(400);
		expect(again.json.error).toBe('invalid_grant');
	});

	it('refuses unregistered redirect URIs, wrong client secrets and a denied consent', async () => {
		const page = await fetch(`${target.baseUrl}/Account/Logon?client_id=${DEMO.clientId}&redirect_uri=${encodeURIComponent('https://evil.test/cb')}&state=x`);
		expect(page.status).toBe(400);
		const wrongSecret = await fetch(`${target.baseUrl}/OAuth2/token`, { method: 'POST', body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: 'x', client_id: DEMO.clientId, client_secret: 'nope' }) });
		expect(wrongSecret.status).toBe(401);
		const form = new URLSearchParams({ client_id: DEMO.clientId, redirect_uri: REDIRECT, state: 'd', decision: 'deny' });
		const denied = await fetch(`${target.baseUrl}/Account/Logon`, { method: 'POST', body: form, redirect: 'manual' });
		expect(new URL(denied.headers.get('location') as string).searchParams.get('error')).toBe('access_denied');
	});

	it('expires access tokens and revokes refresh tokens on admin command', async () => {
		const code = (await authorize('s')).searchParams.get('code') as string;
		const granted = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT }, 'form');
		target.emulator?.admin.expireAccessTokens({ accessToken: granted.json.access_token });
		const expired = await bearer(granted.json.access_token as string);
		expect(expired.status).toBe(401);
		expect(expired.headers.get('www-authenticate')).toContain('invalid_token');
		const revoke = await fetch(`${target.baseUrl}/_emulator/tokens/revoke`, { method: 'POST', body: JSON.stringify({ refreshToken: granted.json.refresh_token }) });
		expect(await revoke.json()).toEqual({ revoked: true });
		const refreshed = await token({ grant_type: 'refresh_token', refresh_token: granted.json.refresh_token as string }, 'form');
		expect(refreshed.json.error).toBe('invalid_grant');
	});

	it('revokes tokens through POST /OAuth2/revoke', async () => {
		const code = (await authorize('s')).searchParams.get('code') as string;
		const granted = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT }, 'form');
		const revoked = await fetch(`${target.baseUrl}/OAuth2/revoke`, { method: 'POST', body: new URLSearchParams({ token: granted.json.access_token as string }) });
		expect(revoked.status).toBe(200);
		expect((await bearer(granted.json.access_token as string)).status).toBe(401);
	});
});

describe('companies and API keys', () => {
	it('answers 401 ApiKeyNotValid without credentials', async () => {
		const answer = await call(target, 'GET', '/v1/orders', { anonymous: true });
		expect(answer.status).toBe(401);
		expect(answer.json).toEqual({ errors: [{ Code: 'ApiKeyNotValid', Description: expect.any(String) }] });
	});

	it('lets an accountant act for a client company with ContextPartyID', async () => {
		const client = String(DEMO.partyIds[1]);
		const created = await call(target, 'POST', '/v1/orders', {
			headers: { ContextPartyID: client },
			body: { OrderType: 'Invoice', OrderDirection: 'Income', Customer: { Name: 'X' }, OrderLines: [{ Quantity: 1, UnitPriceExcl: 1, VATPercentage: 21 }] },
		});
		const id = created.json as number;
		expect((await call(target, 'GET', `/v1/orders/${id}`, { headers: { ContextPartyID: client } })).status).toBe(200);
		expect((await call(target, 'GET', `/v1/orders/${id}`)).status).toBe(404);
		const info = (await call(target, 'GET', '/v1/account/accountInformation')).json as { Companies: Array<{ PartyID: number }> };
		expect(info.Companies.map((company) => company.PartyID)).toEqual([...DEMO.partyIds.slice(0, 3)]);
	});

	it('seeds more client companies for the accountant', async () => {
		const seeded = await fetch(`${target.baseUrl}/_emulator/seed`, { method: 'POST', body: JSON.stringify({ companies: 2, invoices: 3, partyId: DEMO.partyIds[1] }) });
		const { CompanyIDs, OrderIDs } = (await seeded.json()) as { CompanyIDs: number[]; OrderIDs: number[] };
		expect(CompanyIDs).toHaveLength(2);
		expect(OrderIDs).toHaveLength(3);
		const info = (await call(target, 'GET', '/v1/account/accountInformation')).json as { Companies: Array<{ PartyID: number; VATNumber: string }> };
		expect(info.Companies.map((company) => company.PartyID)).toEqual([...DEMO.partyIds.slice(0, 3), ...CompanyIDs]);
		expect(new Set(info.Companies.map((company) => company.VATNumber)).size).toBe(5);
		const list = (await call(target, 'GET', '/v1/orders', { headers: { ContextPartyID: String(DEMO.partyIds[1]) } })).json as { Count: number };
		expect(list.Count).toBe(3);
		expect((await call(target, 'GET', '/v1/orders', { headers: { ContextPartyID: String(CompanyIDs[0]) } })).status).toBe(200);
	});

	it('refuses a PartyID or ContextPartyID the user has no access to', async () => {
		const other = String(DEMO.partyIds[3]);
		const forbidden = await call(target, 'GET', '/v1/orders', { headers: { PartyID: other } });
		expect(forbidden.status).toBe(403);
		expect(errorCode(forbidden)).toBe('NoAccessToParty');
		expect((await call(target, 'GET', '/v1/orders', { headers: { ContextPartyID: other } })).status).toBe(403);
		target.emulator?.admin.setSwitches({ forbiddenPartyStatus: 401 });
		expect((await call(target, 'GET', '/v1/orders', { headers: { PartyID: other } })).status).toBe(401);
		const missing = await call(target, 'GET', '/v1/orders', { anonymous: true, headers: { ApiKey: DEMO.apiKey } });
		expect(missing.status).toBe(400);
	});
});
