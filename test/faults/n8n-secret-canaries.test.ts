/**
 * Issue 10, secrets: a real n8n at debug log level uses credentials holding unique canary values
 * (SFTP password, key passphrase, Billit API keys, OAuth2 client secret and the tokens it obtains,
 * webhook secrets) in succeeding and failing runs. Afterwards no canary may be found in n8n's
 * database (raw bytes and rows), the execution data its API decrypts, its logs and stdout/stderr,
 * the emulator's request log, the servers' logs, or the workflows exported through the API and
 * `n8n export:workflow`; `n8n export:credentials` must keep them encrypted.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { createEmulator, DEMO, type Emulator } from '../../emulator';
import type { StoredCredential, StoredWorkflow, WorkflowFile } from '../support/n8n/client';
import type { N8nExecution } from '../support/n8n/run-data';
import { webhookWorkflow } from '../e2e/trigger-helpers/workflows';
import { exportWithCli } from './canary-cli-export';
import { databaseRows } from './canary-database';
import { connectOAuth2WithSecret } from './canary-oauth';
import { findCanaries, findCanariesInFiles, type Canaries, type Finding } from './canary-search';
import { billitWorkflow, sftpWorkflow } from './canary-workflows';
import { startN8nWithPackage, type PackageN8n } from './import-and-canary-n8n';
import { canary } from './support/canaries';
import { encryptedAuthorisedKey } from './support/exchange';

const COMPANY = DEMO.partyIds[0];
const sftp = inject('testServers').sftp;
// Not a secret: put where the secrets go (workflow names), so each search proves it reads real data.
const CONTROL = `control-${randomBytes(8).toString('hex')}`;

const canaries: Canaries = new Map([
	['SFTP password', canary('sftp-password')],
	['SSH key passphrase', canary('passphrase')],
	['Billit API key', canary('api-key')],
	['Billit API key of no account', canary('foreign-api-key')],
	['OAuth2 client secret', canary('client-secret')],
]);
const control: Canaries = new Map([['control marker', CONTROL]]);

let emulator: Emulator;
let n8n: PackageN8n;
const outcomes = new Map<string, N8nExecution>();
const fromApi = { executions: '', workflows: '' };
const fromCli = { workflows: '', credentials: '', output: '' };

/** Every OAuth2 token and webhook secret the emulator has handed out so far becomes a canary too. */
function collectIssuedSecrets(): void {
	for (const token of emulator.store.accessTokens.keys()) canaries.set(`OAuth2 access token ${token.slice(0, 6)}…`, token);
	for (const token of emulator.store.refreshTokens.keys()) canaries.set(`OAuth2 refresh token ${token.slice(0, 6)}…`, token);
	for (const hook of emulator.store.data.get(COMPANY)!.webhooks.values()) canaries.set(`webhook secret #${hook.WebhookID}`, hook.Secret);
}

async function runManually(label: string, workflow: WorkflowFile): Promise<void> {
	const stored = await n8n.client.importWorkflow({ ...workflow, name: `${workflow.name} ${CONTROL}` });
	outcomes.set(label, await n8n.client.runManually(stored.id));
	collectIssuedSecrets();
}

function credential(name: string, type: string, data: Record<string, unknown>): Promise<StoredCredential> {
	return n8n.client.createCredential(`${name} ${CONTROL}`, type, data);
}

function sftpCredentialData(secrets: Record<string, string>): Record<string, unknown> {
	return {
		host: sftp.host,
		port: sftp.port,
		username: sftp.username,
		hostKeys: sftp.hostKeys.map((key) => key.fingerprintSha256).join('\n'),
		acceptAnyHostKey: false,
		...secrets,
	};
}

function billitCredentialData(apiKey: string): Record<string, unknown> {
	return { environment: 'custom', baseUrl: emulator.url, apiKey, partyId: String(COMPANY) };
}

async function useSftpSecrets(): Promise<void> {
	const wrongPassword = await credential('SFTP by password', 'fileExchangeSftpApi', sftpCredentialData({ password: canaries.get('SFTP password')! }));
	await runManually('SFTP wrong password', sftpWorkflow(n8n.client, wrongPassword, 'SFTP password'));
	const passphrase = canaries.get('SSH key passphrase')!;
	const byKey = await credential('SFTP by key', 'fileExchangeSftpApi', sftpCredentialData({ privateKey: await encryptedAuthorisedKey(passphrase), passphrase }));
	await runManually('SFTP key with passphrase', sftpWorkflow(n8n.client, byKey, 'SFTP key'));
}

async function useBillitSecrets(): Promise<StoredCredential> {
	emulator.store.users[0].ApiKey = canaries.get('Billit API key')!;
	const apiKey = await credential('Billit API key', 'billitApi', billitCredentialData(canaries.get('Billit API key')!));
	await runManually('Billit API key', billitWorkflow(n8n.client, apiKey, 'Billit API key', COMPANY));
	const foreign = await credential('Billit foreign key', 'billitApi', billitCredentialData(canaries.get('Billit API key of no account')!));
	await runManually('Billit unknown API key', billitWorkflow(n8n.client, foreign, 'Billit foreign key', COMPANY));

	const oauth = await connectOAuth2WithSecret(n8n.client, emulator, `Billit OAuth2 ${CONTROL}`, canaries.get('OAuth2 client secret')!);
	collectIssuedSecrets();
	const oauthWorkflow = billitWorkflow(n8n.client, oauth, 'Billit OAuth2', COMPANY);
	await runManually('OAuth2 token', oauthWorkflow);
	emulator.admin.expireAccessTokens({});
	await runManually('OAuth2 refreshed token', oauthWorkflow);
	for (const token of [...emulator.store.refreshTokens.keys()]) emulator.admin.revokeRefreshToken({ refreshToken: token });
	emulator.admin.expireAccessTokens({});
	await runManually('OAuth2 revoked refresh token', oauthWorkflow);
	return apiKey;
}

/** The Billit Trigger registers a webhook (its secret comes from Billit) and runs on one delivery. */
async function useWebhookSecret(apiKey: StoredCredential): Promise<void> {
	const { workflow } = webhookWorkflow(n8n.client, `Billit webhook ${CONTROL}`, apiKey, ['orderCreated']);
	const stored: StoredWorkflow = await n8n.client.importWorkflow(workflow);
	await n8n.client.activateWorkflow(stored.id);
	collectIssuedSecrets();
	emulator.admin.seed({ partyId: COMPANY, invoices: 1 });
	outcomes.set('webhook delivery', await n8n.client.waitForExecutionOf(stored.id));
}

async function readThroughApi(): Promise<void> {
	const workflows = await Promise.all(
		[...new Set([...outcomes.values()].map((execution) => execution.workflowId))].map(async (id) => await n8n.client.getWorkflow(id)),
	);
	fromApi.workflows = JSON.stringify(workflows);
	const executions = await Promise.all(workflows.map(async (workflow) => await n8n.client.executionsOf(workflow.id, 100)));
	fromApi.executions = JSON.stringify(executions);
}

function stepFailed(label: string, node: string): boolean {
	const runs = outcomes.get(label)?.data?.resultData.runData[node];
	if (!runs?.length) throw new Error(`${node} did not run in "${label}"`);
	return runs.some((run) => run.error !== undefined);
}

function leaks(findings: Finding[]): string[] {
	return findings.map((finding) => `${finding.canary} in ${finding.where} (${finding.form})`);
}

beforeAll(async () => {
	emulator = createEmulator({ switches: { rateLimitPerSecond: 0 } });
	await emulator.start();
	n8n = await startN8nWithPackage({ N8N_LOG_LEVEL: 'debug', N8N_LOG_OUTPUT: 'console,file' });
	await useSftpSecrets();
	const apiKey = await useBillitSecrets();
	await useWebhookSecret(apiKey);
	await readThroughApi();
	// Stopped first: everything n8n holds in memory is then flushed to its database and logs.
	await n8n.instance.stop();
	const exportFolder = mkdtempSync(join(tmpdir(), 'faults-canary-export-'));
	try {
		const workflows = exportWithCli(n8n.instance, 'workflow', exportFolder);
		const credentials = exportWithCli(n8n.instance, 'credentials', exportFolder);
		Object.assign(fromCli, { workflows: workflows.content, credentials: credentials.content, output: workflows.output + credentials.output });
	} finally {
		rmSync(exportFolder, { recursive: true, force: true });
	}
	console.log(`[n8n-secret-canaries] ${canaries.size} canaries through ${outcomes.size} runs: ${[...canaries.keys()].join(', ')}`);
}, 900_000);

afterAll(async () => {
	await Promise.allSettled([n8n?.stop(), emulator?.stop()]);
});

describe('secret canaries in a real n8n at debug log level', () => {
	it('used every secret in a succeeding and a failing run', () => {
		expect(stepFailed('SFTP wrong password', 'List Home')).toBe(true);
		expect(stepFailed('SFTP key with passphrase', 'List Home')).toBe(false);
		expect(stepFailed('SFTP key with passphrase', 'List Missing Folder')).toBe(true);
		expect(stepFailed('Billit API key', 'Account Information')).toBe(false);
		expect(stepFailed('Billit API key', 'Missing Invoice')).toBe(true);
		expect(stepFailed('Billit unknown API key', 'Account Information')).toBe(true);
		expect(stepFailed('OAuth2 token', 'Account Information')).toBe(false);
		expect(stepFailed('OAuth2 refreshed token', 'Account Information')).toBe(false);
		expect(stepFailed('OAuth2 revoked refresh token', 'Account Information')).toBe(true);
		expect(outcomes.get('webhook delivery')?.status).toBe('success');
		expect([...canaries.keys()].filter((name) => name.startsWith('OAuth2 refresh token')).length).toBeGreaterThanOrEqual(1);
		expect([...canaries.keys()].filter((name) => name.startsWith('OAuth2 access token')).length).toBeGreaterThanOrEqual(2);
		expect([...canaries.keys()].some((name) => name.startsWith('webhook secret'))).toBe(true);
	});

	it("n8n's user folder (database files, logs, stdout/stderr) holds no canary in its raw bytes", () => {
		const folder = n8n.instance.userFolder;
		const installedPackage = join('.n8n', 'nodes');
		// The database file or its write-ahead log, wherever SQLite has the rows right now.
		expect(findCanariesInFiles(folder, control, [installedPackage]).map((finding) => finding.where)).toContainEqual(
			expect.stringMatching(/^\.n8n\/database\.sqlite/),
		);
		expect(leaks(findCanariesInFiles(folder, canaries, [installedPackage]))).toEqual([]);
	});

	it("the database's rows, read through SQLite, hold no canary", () => {
		const rows = databaseRows(join(n8n.instance.userFolder, '.n8n', 'database.sqlite'));
		expect(findCanaries(rows, 'rows', control)).not.toEqual([]);
		expect(leaks(findCanaries(rows, 'database rows', canaries))).toEqual([]);
	});

	it('the debug log and the process output hold no canary', () => {
		const processOutput = readFileSync(n8n.instance.logFile, 'utf8');
		const debugLog = readFileSync(join(n8n.instance.userFolder, '.n8n', 'logs', 'n8n.log'), 'utf8');
		expect(debugLog).toMatch(/debug/i);
		expect(leaks([...findCanaries(processOutput, 'stdout/stderr', canaries), ...findCanaries(debugLog, 'debug log', canaries)])).toEqual([]);
	});

	it('the execution data n8n decrypts for its API holds no canary', () => {
		expect(findCanaries(fromApi.executions, 'executions', control)).not.toEqual([]);
		expect(leaks(findCanaries(fromApi.executions, 'executions through the API', canaries))).toEqual([]);
	});

	it('workflows exported through the API and n8n export:workflow hold no canary', () => {
		expect(findCanaries(fromCli.workflows, 'export', control)).not.toEqual([]);
		expect(
			leaks([
				...findCanaries(fromApi.workflows, 'workflows through the API', canaries),
				...findCanaries(fromCli.workflows, 'n8n export:workflow', canaries),
				...findCanaries(fromCli.output, 'export command output', canaries),
			]),
		).toEqual([]);
	});

	it('n8n export:credentials keeps the credentials encrypted', () => {
		expect(findCanaries(fromCli.credentials, 'export', control)).not.toEqual([]);
		expect(leaks(findCanaries(fromCli.credentials, 'n8n export:credentials', canaries))).toEqual([]);
	});

	it("the emulator's request log and the SFTP server's logs hold no canary", () => {
		const requests = JSON.stringify(emulator.admin.requests());
		expect(requests).toContain('/v1/account/accountInformation');
		expect(
			leaks([
				...findCanaries(requests, 'emulator request log', canaries),
				...findCanaries(readFileSync(sftp.sshdLogFile), 'sshd log', canaries),
				...findCanaries(readFileSync(sftp.logFile), 'internal-sftp log', canaries),
			]),
		).toEqual([]);
	});
});
