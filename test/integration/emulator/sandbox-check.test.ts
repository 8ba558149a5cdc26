import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createEmulator, DEMO, type Emulator } from '../../../emulator';
import { takeContractViolations } from '../../../emulator/contract-guard';
import { belgianCompanyNumber } from '../../../emulator/seed';
import { CHECKS } from '../../../scripts/sandbox/checks';
import { SandboxClient } from '../../../scripts/sandbox/client';
import { productionRefusal, runSandboxChecks, type SandboxReport } from '../../../scripts/sandbox/run';

describe('sandbox check (npm run test:sandbox) against the emulator', () => {
	let emulator: Emulator;
	let report: SandboxReport;
	let files: string[];

	beforeAll(async () => {
		emulator = createEmulator();
		await emulator.start();
		const reportDir = await mkdtemp(join(tmpdir(), 'sandbox-check-'));
		({ report, files } = await runSandboxChecks({
			baseUrl: emulator.url,
			apiKey: DEMO.apiKey,
			partyId: String(DEMO.partyIds[0]),
			peppolReceiver: `0208:${belgianCompanyNumber(4370001)}`,
			reportDir,
		}));
		// The export-marker check patches Tags on purpose, to learn whether Billit takes it.
		expect(takeContractViolations().every((violation) => violation.includes('Tags'))).toBe(true);
	});

	afterAll(async () => {
		await emulator.stop();
	});

	it('has every check, each confirmed by what the emulator models', () => {
		expect(report.checks.map((check) => check.name)).toEqual(CHECKS.map((check) => check.name));
		for (const check of report.checks) expect({ name: check.name, verdict: check.verdict, observed: check.observed }).toMatchObject({ verdict: 'confirmed' });
	});

	it('says which setting of the emulator switch listFileIds the list answers fit', () => {
		expect(report.checks.find((check) => check.name === 'File ids in list answers')?.observed).toMatch(/^emulator switch listFileIds: true;/);
	});

	it('records what the API answered per check, never the API key', async () => {
		const idempotency = report.checks.find((check) => check.name === 'Idempotency key reuse');
		expect(idempotency?.answers.map((answer) => answer.status)).toEqual([200, 409, 200, 409]);
		expect(idempotency?.answers[1].errorCode).toBe('Idempotent token already exists');
		const [markdown, json] = await Promise.all(files.map((file) => readFile(file, 'utf8')));
		expect(JSON.parse(json)).toEqual(report);
		for (const check of CHECKS) expect(markdown).toContain(`| ${check.name} | confirmed |`);
		expect(markdown + json).not.toContain(DEMO.apiKey);
	});

	it('deletes the orders and webhooks it created', async () => {
		expect(report.cleanup.notDeleted).toEqual([]);
		const orderPaths = report.cleanup.deleted.filter((path) => path.startsWith('/v1/orders/'));
		expect(orderPaths.length).toBeGreaterThan(5);
		expect(report.cleanup.deleted.some((path) => path.startsWith('/v1/webhooks/'))).toBe(true);
		const answer = await fetch(new URL(orderPaths[0], emulator.url), { headers: { ApiKey: DEMO.apiKey, PartyID: String(DEMO.partyIds[0]) } });
		expect(answer.status).toBe(404);
	});
});

describe('sandbox check against an emulator that departs from the documentation', () => {
	it('reports contradicted and not observable where the API does not behave as assumed', async () => {
		const emulator = createEmulator({ switches: { idempotency: 'replay', rateLimitPerSecond: 0, lastModifiedTies: true, listFileIds: false } });
		await emulator.start();
		try {
			const reportDir = await mkdtemp(join(tmpdir(), 'sandbox-check-'));
			const { report } = await runSandboxChecks({ baseUrl: emulator.url, apiKey: DEMO.apiKey, partyId: String(DEMO.partyIds[0]), reportDir });
			takeContractViolations();
			const verdicts = Object.fromEntries(report.checks.map((check) => [check.name, check.verdict]));
			expect(verdicts).toMatchObject({
				'Idempotency key reuse': 'contradicted',
				'Rate limit': 'not observable',
				'sendxml answer shape': 'not observable',
				'Keyset paging on LastModified': 'confirmed',
				'File ids in list answers': 'contradicted',
			});
			// Said in the terms of the emulator switch that models it.
			expect(report.checks.find((check) => check.name === 'File ids in list answers')?.observed).toMatch(/^emulator switch listFileIds: false;/);
			expect(report.cleanup.notDeleted).toEqual([]);
		} finally {
			await emulator.stop();
		}
	});
});

describe('sandbox check of answers against the published model', () => {
	it('reports an answer with a field or type the model does not have', async () => {
		const server = createServer((_request, response) => {
			response.setHeader('Content-Type', 'application/json');
			response.end(JSON.stringify({ OrderID: 1, TotalExcl: 'ten', NotInTheModel: true }));
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		try {
			const client = new SandboxClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, apiKey: 'key', partyId: '1' });
			await client.request('GET', '/v1/orders/1');
			expect(client.all[0].departures).toEqual([expect.stringContaining('TotalExcl must be a number'), expect.stringContaining('NotInTheModel is not a field of Order')]);
			const modelCheck = CHECKS.find((check) => check.name === 'Answers match the published model');
			const outcome = await modelCheck?.run({ client, suffix: 'x', partyId: '1', created: { orders: [], webhooks: [] } });
			expect(outcome?.verdict).toBe('contradicted');
		} finally {
			server.close();
		}
	});
});

describe('sandbox check safety', () => {
	it('refuses production hosts and allows the sandbox and other hosts', () => {
		expect(productionRefusal('https://api.billit.be')).toMatch(/never runs against production/);
		expect(productionRefusal('https://api.billit.eu/v1')).toMatch(/never runs against production/);
		expect(productionRefusal('https://api.sandbox.billit.be')).toBeUndefined();
		expect(productionRefusal('http://127.0.0.1:4010')).toBeUndefined();
	});

	it('says what to set and runs nothing without credentials', async () => {
		const env = { ...process.env, BILLIT_SANDBOX_API_KEY: '', BILLIT_SANDBOX_PARTY_ID: '' };
		const { stdout } = await promisify(execFile)('npx', ['tsx', 'scripts/sandbox/cli.ts'], { env });
		expect(stdout).toContain('BILLIT_SANDBOX_API_KEY');
		expect(stdout).toContain('Nothing was run');
	});
});
