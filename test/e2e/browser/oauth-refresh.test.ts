import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { DEMO } from '../../../emulator/seed';
import { chain, manualTrigger, packageNode } from '../billit-workflow-nodes';
import type { StoredCredential, StoredWorkflow } from '../../support/n8n/client';
import { assertSucceeded, nodeOutput, type N8nExecution } from '../../support/n8n/run-data';
import { sharedN8n } from '../../support/n8n/shared-instance';
import { BillitScene } from '../trigger-helpers/billit-scene';
import { launchChromium, ownerSession } from './chromium';
import { connectBillitOAuth2InDialog } from './oauth-credential-dialog';

const n8n = sharedN8n();
// The test's own emulator: its OAuth client gets this n8n's redirect URL, and the test reads its tokens.
const scene = new BillitScene();
const UI_TIMEOUT_MS = 240_000;
const ACCOUNT_NODE = 'Account Information';

let browser: Browser;
let context: BrowserContext | undefined;
let credential: StoredCredential | undefined;
let workflow: StoredWorkflow | undefined;

/** The emulator's token endpoint calls of one grant type, with their answers. */
function tokenRequests(grantType: 'authorization_code' | 'refresh_token'): number[] {
	return scene.emulator.admin
		.requests({ method: 'POST', path: '/OAuth2/token' })
		.filter((request) => new URLSearchParams(request.body).get('grant_type') === grantType || request.body.includes(`"grant_type":"${grantType}"`))
		.map((request) => request.status);
}

function bearerCalls(): number[] {
	return scene.emulator.admin
		.requests({ method: 'GET', path: '/v1/account/accountInformation' })
		.map((request) => request.status);
}

/** Revokes every refresh token the emulator has issued and not yet seen used: the connection's live one. */
function revokeLiveRefreshTokens(): number {
	const live = [...scene.emulator.store.refreshTokens.keys()];
	for (const refreshToken of live) scene.emulator.admin.revokeRefreshToken({ refreshToken });
	return live.length;
}

async function runAccountInformation(): Promise<N8nExecution> {
	if (!workflow) throw new Error('no workflow');
	return await n8n.runManually(workflow.id);
}

beforeAll(async () => {
	await scene.start();
	browser = await launchChromium();
});

afterAll(async () => {
	await context?.close();
	await browser?.close();
	if (workflow) await n8n.deleteWorkflow(workflow.id);
	if (credential) await n8n.deleteCredential(credential.id);
	await scene.stop();
});

describe("Billit OAuth2 through n8n's credential dialog (headless Chromium)", () => {
	it('connects, renews an expired access token silently, and asks to reconnect once the refresh token is revoked', { timeout: 3 * UI_TIMEOUT_MS }, async () => {
		context = await ownerSession(browser, n8n.coordinates);
		context.setDefaultTimeout(UI_TIMEOUT_MS);
		const page = await context.newPage();
		const client = scene.emulator.store.oauthClients[0];
		credential = await connectBillitOAuth2InDialog(
			page,
			{ baseUrl: scene.emulator.url, clientId: DEMO.clientId, clientSecret: DEMO.clientSecret, userEmail: DEMO.email },
			// What Billit support does for a real client: register this n8n's redirect URL.
			(url) => client.redirectUris.push(url),
		);
		expect(credential.type).toBe('billitOAuth2Api');
		expect(tokenRequests('authorization_code')).toEqual([200]);

		workflow = await n8n.importWorkflow(
			chain(`Billit OAuth2 browser e2e ${Date.now()}`, [
				manualTrigger(),
				packageNode(n8n, credential, 'billit', ACCOUNT_NODE, {
					resource: 'company',
					operation: 'getAccountInformation',
					company: { __rl: true, mode: 'id', value: String(DEMO.partyIds[0]) },
				}),
			]),
		);

		// Connected: the run uses the access token from the dialog's connection.
		const first = await runAccountInformation();
		assertSucceeded(first);
		expect(nodeOutput(first, ACCOUNT_NODE)[0]).toMatchObject({ Companies: expect.any(Array) });
		expect(bearerCalls()).toEqual([200]);
		expect(tokenRequests('refresh_token')).toEqual([]);

		// Expired in Billit: Billit answers 401, n8n renews the token once and the run still succeeds.
		expect(scene.emulator.admin.expireAccessTokens({}).expired).toBeGreaterThan(0);
		const renewed = await runAccountInformation();
		assertSucceeded(renewed);
		expect(bearerCalls()).toEqual([200, 401, 200]);
		expect(tokenRequests('refresh_token')).toEqual([200]);

		// Revoked in Billit: the renewal is refused and the run fails, telling the user what to do.
		expect(revokeLiveRefreshTokens()).toBe(1);
		scene.emulator.admin.expireAccessTokens({});
		const refused = await runAccountInformation();
		expect(refused.status).toBe('error');
		expect(tokenRequests('refresh_token')).toEqual([200, 400]);
		const nodeError = refused.data?.resultData.runData[ACCOUNT_NODE]?.at(-1)?.error;
		expect(nodeError?.message).toBe('Billit rejected the OAuth2 refresh token: reconnect the Billit OAuth2 credential in n8n');
		expect(nodeError?.description).toContain('connect it again');
		expect(refused.data?.resultData.error?.message).toBe(nodeError?.message);
	});
});
