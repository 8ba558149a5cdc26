/**
 * A Billit OAuth2 credential with a client secret of the test's choosing, connected the way a user
 * does it in the editor (see `connectOAuth2Credential`).
 */
import type { Emulator } from '../../emulator';
import { connectOAuth2Credential } from '../e2e/billit-oauth';
import type { N8nClient, StoredCredential } from '../support/n8n/client';

export async function connectOAuth2WithSecret(
	n8n: N8nClient,
	emulator: Emulator,
	name: string,
	clientSecret: string,
): Promise<StoredCredential> {
	emulator.store.oauthClients[0].clientSecret = clientSecret;
	return await connectOAuth2Credential(n8n, { emulator }, name);
}
