import type { Emulator } from '../../emulator';
import type { N8nClient, StoredCredential } from '../support/n8n/client';

async function expectStatus(response: Response, status: number, step: string): Promise<void> {
	if (response.status !== status) {
		throw new Error(`${step}: HTTP ${response.status} instead of ${status}: ${(await response.text()).slice(0, 300)}`);
	}
}

/**
 * A Billit OAuth2 credential in n8n for the emulator's first OAuth client, connected as a user
 * does it in the editor: n8n's `/rest/oauth2-credential/auth` gives the authorize URL, the
 * emulator's Allow form redirects to n8n's callback with a code, and n8n exchanges it at the
 * emulator's token endpoint.
 */
export async function connectOAuth2Credential(n8n: N8nClient, scene: { emulator: Emulator }, name: string): Promise<StoredCredential> {
	const { baseUrl, sessionCookie } = n8n.coordinates;
	const { emulator } = scene;
	const client = emulator.store.oauthClients[0];
	// Billit matches redirect URIs strictly; n8n's callback is on this run's free port.
	client.redirectUris.push(`${baseUrl}/rest/oauth2-credential/callback`);
	const credential = await n8n.createCredential(name, 'billitOAuth2Api', {
		environment: 'custom',
		baseUrl: emulator.url,
		authBaseUrl: emulator.url,
		clientId: client.clientId,
		clientSecret: client.clientSecret,
	});
	const auth = await fetch(`${baseUrl}/rest/oauth2-credential/auth?id=${credential.id}`, { headers: { cookie: sessionCookie } });
	await expectStatus(auth, 200, 'n8n authorize URL');
	const authorizeUrl = new URL(((await auth.json()) as { data: string }).data);
	const form = new URLSearchParams({
		client_id: authorizeUrl.searchParams.get('client_id') ?? '',
		redirect_uri: authorizeUrl.searchParams.get('redirect_uri') ?? '',
		state: authorizeUrl.searchParams.get('state') ?? '',
		user: emulator.store.users[0].Email,
		decision: 'allow',
	});
	const allow = await fetch(new URL('/Account/Logon', authorizeUrl), { method: 'POST', body: form, redirect: 'manual' });
	await expectStatus(allow, 302, 'emulator Allow form');
	const callback = await fetch(allow.headers.get('location') as string, { headers: { cookie: sessionCookie }, redirect: 'manual' });
	await expectStatus(callback, 200, 'n8n OAuth callback');
	return credential;
}
