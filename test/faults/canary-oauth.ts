/**
 * A Billit OAuth2 credential with a client secret of the test's choosing, connected the way a user
 * does it in the editor: n8n's authorize URL, the emulator's Allow form, n8n's callback exchanging
 * the code at the emulator's token endpoint.
 */
import type { Emulator } from '../../emulator';
import type { N8nClient, StoredCredential } from '../e2e/n8n/client';

async function expectStatus(response: Response, status: number, step: string): Promise<void> {
	if (response.status !== status) throw new Error(`${step}: HTTP ${response.status} instead of ${status}`);
}

export async function connectOAuth2WithSecret(
	n8n: N8nClient,
	emulator: Emulator,
	name: string,
	clientSecret: string,
): Promise<StoredCredential> {
	const { baseUrl, sessionCookie } = n8n.coordinates;
	const client = emulator.store.oauthClients[0];
	client.clientSecret = clientSecret;
	client.redirectUris.push(`${baseUrl}/rest/oauth2-credential/callback`);
	const credential = await n8n.createCredential(name, 'billitOAuth2Api', {
		environment: 'custom',
		baseUrl: emulator.url,
		authBaseUrl: emulator.url,
		clientId: client.clientId,
		clientSecret,
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
