/**
 * Unique canary values as SFTP password, key passphrase, API key, OAuth tokens and webhook secret,
 * through succeeding and failing operations: none may appear in node output, thrown errors
 * (serialised fully), the emulator's request log (whose auth headers are redacted hashes), or
 * anything printed.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../../emulator';
import { DEMO } from '../../../emulator';
import { signatureHeader } from '../../../emulator/webhook-dispatcher';
import { runNode } from '../../support/fake-n8n/execute';
import { Billit } from '../../../nodes/Billit/Billit.node';
import {
	COMPANY,
	credentialsFor,
	invoiceCreateParameters,
	resetEmulator,
	startBillitEmulator,
} from '../support/billit';
import { canary, captureLogs, outcome, serialiseFully } from '../support/canaries';
import { encryptedAuthorisedKey, remoteJoin, runFileExchange, sftpCredential, testServers, uniqueName } from '../support/exchange';
import { webhookTrigger } from '../support/webhook';

const canaries = {
	sftpPassword: canary('sftp-password'),
	passphrase: canary('passphrase'),
	apiKey: canary('api-key'),
	accessToken: canary('access-token'),
	refreshToken: canary('refresh-token'),
	webhookSecret: canary('webhook-secret'),
};

let emulator: Emulator;
let logs: ReturnType<typeof captureLogs>;
const observed: string[] = [];

beforeAll(async () => {
	emulator = await startBillitEmulator();
	resetEmulator(emulator, { rateLimitPerSecond: 0 });
});
afterAll(async () => {
	await emulator.stop();
});
beforeEach(() => {
	logs = captureLogs();
});
afterEach(() => {
	logs.restore();
	observed.push(logs.text());
});

function expectNoCanary(haystack: string) {
	for (const [name, value] of Object.entries(canaries)) {
		expect(haystack.includes(value), `canary ${name} leaked`).toBe(false);
	}
}

function billitCredentials(overrides: { apiKey?: string; accessToken?: string }) {
	const base = credentialsFor(emulator);
	return {
		billitApi: { ...base.billitApi, apiKey: overrides.apiKey ?? DEMO.apiKey },
		billitOAuth2Api: {
			...base.billitOAuth2Api,
			oauthTokenData: {
				access_token: overrides.accessToken ?? 'unused',
				refresh_token: canaries.refreshToken,
			},
		},
	};
}

async function runBillitWith(authentication: 'apiKey' | 'oAuth2', credentials: ReturnType<typeof billitCredentials>) {
	// Only what the node produced: the harness's own record of HTTP calls holds the headers it sent.
	return await outcome(
		runNode(new Billit(), {
			parameters: {
				authentication,
				company: { __rl: true, mode: 'id', value: String(COMPANY) },
				...invoiceCreateParameters({ OrderNumber: `SECRET-${uniqueName('n')}` }),
			},
			credentials,
		}).then((run) => run.output),
	);
}

describe('canary secrets stay out of outputs, errors, request logs and printed output', () => {
	it('an unknown API key (failing create)', async () => {
		const result = await runBillitWith('apiKey', billitCredentials({ apiKey: canaries.apiKey }));
		expect(result).toBeInstanceOf(Error);
		observed.push(serialiseFully(result));
	});

	it('a valid OAuth2 access token (create succeeds), then the same token expired (fails)', async () => {
		emulator.store.accessTokens.set(canaries.accessToken, { email: DEMO.email, expiresAt: Date.now() + 60_000 });
		const credentials = billitCredentials({ accessToken: canaries.accessToken });
		const created = await runBillitWith('oAuth2', credentials);
		expect(created).not.toBeInstanceOf(Error);
		observed.push(serialiseFully(created));

		emulator.admin.expireAccessTokens({ accessToken: canaries.accessToken });
		const expired = await runBillitWith('oAuth2', credentials);
		expect(expired).toBeInstanceOf(Error);
		observed.push(serialiseFully(expired));
	});

	it('a wrong SFTP password (fails) and an encrypted key with its passphrase (succeeds), then a wrong one', async () => {
		const server = testServers().sftp;
		const parameters = {
			binaryPropertyName: 'data',
			baseFolder: remoteJoin(server.remoteRoot, uniqueName('secrets')),
			pathTemplate: 'INV-1.xml',
			templateValues: {},
			uploadOptions: {},
		};
		const wrongPassword = await outcome(
			runFileExchange('upload', parameters, { credentials: sftpCredential({ password: canaries.sftpPassword }) }),
		);
		expect(wrongPassword).toBeInstanceOf(Error);
		const key = await encryptedAuthorisedKey(canaries.passphrase);
		const uploaded = await outcome(
			runFileExchange('upload', parameters, {
				credentials: sftpCredential({ password: '', privateKey: key, passphrase: canaries.passphrase }),
			}),
		);
		expect(uploaded).not.toBeInstanceOf(Error);
		const wrongPassphrase = await outcome(
			runFileExchange('upload', parameters, {
				credentials: sftpCredential({ password: '', privateKey: key, passphrase: `${canaries.passphrase}-x` }),
			}),
		);
		expect(wrongPassphrase).toBeInstanceOf(Error);
		observed.push(serialiseFully([wrongPassword, uploaded, wrongPassphrase]));
	});

	it('webhook deliveries signed with the secret, with another secret, and replayed', async () => {
		const deliver = webhookTrigger(canaries.webhookSecret);
		const body = JSON.stringify({ UpdatedEntityID: 9, UpdatedEntityType: 'Order', WebhookUpdateTypeTC: 'I', EntityDetail: { OrderID: 9 } });
		const now = Math.floor(Date.now() / 1000);
		const good = { rawBody: body, headers: { 'Billit-Signature': signatureHeader(canaries.webhookSecret, body, now) } };
		const forged = { rawBody: body, headers: { 'Billit-Signature': signatureHeader('other', body, now) } };
		const results = [await deliver(good), await deliver(forged), await deliver(good)];
		expect(results[0].response.workflowData).toBeDefined();
		expect(results[1].answered?.status).toBe(401);
		observed.push(serialiseFully(results));
	});

	it('none of the canaries appears anywhere that was observed', () => {
		const requestLog = serialiseFully(emulator.admin.requests());
		// The emulator did receive the credentials it needs, as redacted hashes in its log.
		expect(requestLog).toMatch(/\[redacted sha256:[0-9a-f]{12}\]/);
		expectNoCanary(requestLog);
		expectNoCanary(observed.join('\n'));
	});
});
