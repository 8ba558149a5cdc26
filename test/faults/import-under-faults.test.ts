/**
 * Issue 10, import under faults: pipeline 3 (examples/import-folder.json, unchanged) in production
 * mode in a real n8n takes FAULTS_IMPORT_FILES files (default 200) from /inbound while the Billit
 * emulator fails 10 % of the uploads. Each file must end in exactly one of "in Billit and in
 * processed/" or "in error/ with a reason file and not in Billit".
 */
import { readdirSync } from 'node:fs';

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

import { createEmulator, DEMO, type Emulator } from '../../emulator';
import type { StoredWorkflow } from '../support/n8n/client';
import { isFinished } from '../support/n8n/run-data';
import { createCredentialsFor } from '../support/pipelines/credentials';
import { readExample } from '../support/pipelines/examples';
import { SftpFolder } from '../support/pipelines/sftp-folder';
import { startN8nWithPackage, type PackageN8n } from './import-and-canary-n8n';
import { unfinishedExecutions } from './import-executions';
import { inboundFiles } from './import-inbound-files';
import { fileOutcomes, violation, type FileOutcome } from './import-outcomes';

const FILE_COUNT = Number(process.env.FAULTS_IMPORT_FILES ?? 200);
if (!Number.isSafeInteger(FILE_COUNT) || FILE_COUNT < 1) throw new Error('FAULTS_IMPORT_FILES must be a whole number of files, at least 1');
const COMPANY = DEMO.partyIds[0];
// Older than the example's "untouched for 60 seconds", so every poll may take them.
const SETTLED_MS = 5 * 60_000;
// The trigger takes at most 100 files per poll and polls every minute.
const FILES_PER_POLL = 100;
const DRAIN_LIMIT_MS = (Math.ceil(FILE_COUNT / FILES_PER_POLL) + 4) * 60_000;
const DRAIN_POLL_MS = 2000;

/**
 * 10 % of the uploads fail. 503 (Retry-After) and 502 (outcome unknown, resent with the same
 * Idempotent-Key) are retried by the node; 400 and 422 cannot succeed, so those files go to error/.
 * Rules are tried in order and one fires at most, hence the shares of what the earlier ones left.
 */
const UPLOAD_FAULTS = [
	{ status: 503, share: 0.04 },
	{ status: 502, share: 0.02 / 0.96 },
	{ status: 400, share: 0.02 / 0.94 },
	{ status: 422, share: 0.02 / 0.92 },
];
const UPLOAD_PATH = '/v1/toProcess';

const sftp = inject('testServers').sftp;
const inbound = new SftpFolder(sftp, '/inbound');
const files = inboundFiles(FILE_COUNT);

let emulator: Emulator;
let n8n: PackageN8n;
let workflow: StoredWorkflow;

function filesWaitingInInbound(): number {
	return readdirSync(inbound.diskPath, { withFileTypes: true }).filter((entry) => entry.isFile()).length;
}

/** Keeps the workflow published until /inbound is empty and no execution runs; returns the executions. */
async function runUntilInboundIsEmpty(): Promise<number> {
	await n8n.client.activateWorkflow(workflow.id);
	try {
		const deadline = Date.now() + DRAIN_LIMIT_MS;
		for (;;) {
			// The run that moved the last file may still be writing reason files.
			if (filesWaitingInInbound() === 0 && (await unfinishedExecutions(n8n.client, workflow.id)) === 0) {
				const executions = await n8n.client.executionsOf(workflow.id, 100);
				if (executions.length > 0 && executions.every(isFinished)) return executions.length;
			}
			if (Date.now() > deadline) {
				throw new Error(`after ${DRAIN_LIMIT_MS / 1000} s, ${filesWaitingInInbound()} files are still in /inbound`);
			}
			await new Promise((resolve) => setTimeout(resolve, DRAIN_POLL_MS));
		}
	} finally {
		await n8n.client.deactivateWorkflow(workflow.id);
	}
}

function figures(outcomes: FileOutcome[], executions: number, seconds: number): string {
	const hits = emulator.admin.faults.list().map((rule) => `${rule.status} ×${rule.hits}`);
	const uploads = emulator.admin.requests({ method: 'POST', path: UPLOAD_PATH });
	const parked = outcomes.filter((outcome) => outcome.parked);
	return [
		`[import-under-faults] ${outcomes.length} files in ${executions} executions, ${seconds.toFixed(0)} s`,
		`imported (Billit + processed/): ${outcomes.filter((outcome) => outcome.processed).length}`,
		`parked (error/ + reason): ${parked.length}, of which ${parked.filter((outcome) => outcome.poisoned).length} failed pre-validation`,
		`upload requests: ${uploads.length}, injected faults: ${hits.join(', ')}`,
		`both: ${outcomes.filter((outcome) => outcome.processed && outcome.parked).length}`,
		`neither: ${outcomes.filter((outcome) => !outcome.processed && !outcome.parked).length}`,
		`duplicates in Billit: ${outcomes.filter((outcome) => outcome.inBillit > 1).length}`,
	].join('\n  ');
}

beforeAll(async () => {
	emulator = createEmulator({ switches: { rateLimitPerSecond: 0 } });
	await emulator.start();
	n8n = await startN8nWithPackage();
	const example = readExample('import-folder.json');
	await createCredentialsFor(n8n.client, example, { emulatorUrl: emulator.url, sftp });
	workflow = await n8n.client.importWorkflow(example);
	inbound.reset();
	for (const file of files) inbound.putFile(`/inbound/${file.name}`, file.content, SETTLED_MS);
	for (const fault of UPLOAD_FAULTS) emulator.admin.addFault({ kind: 'status', method: 'POST', path: UPLOAD_PATH, ...fault });
}, 900_000);

afterAll(async () => {
	await Promise.allSettled([n8n?.stop(), emulator?.stop()]);
});

describe(`examples/import-folder.json with ${FILE_COUNT} files while 10 % of Billit uploads fail`, () => {
	it('ends every file in exactly one of Billit + processed/ or error/ + reason', async () => {
		const started = Date.now();
		const executions = await runUntilInboundIsEmpty();
		const outcomes = fileOutcomes(files, inbound, emulator, COMPANY);
		console.log(figures(outcomes, executions, (Date.now() - started) / 1000));

		expect(outcomes.map(violation).filter(Boolean)).toEqual([]);
		const rejected = emulator.admin.faults.list().filter((rule) => rule.status! < 500);
		const parkedByBillit = outcomes.filter((outcome) => outcome.parked && !outcome.poisoned);
		// Every refused upload parks its file, with Billit's answer as the reason.
		expect(parkedByBillit).toHaveLength(rejected.reduce((sum, rule) => sum + rule.hits, 0));
		for (const outcome of parkedByBillit) expect(outcome.reason).toMatch(/Injected fault: HTTP 4\d\d/);
		for (const outcome of outcomes.filter((candidate) => candidate.poisoned)) {
			expect(outcome.parked).toBe(true);
			expect(outcome.reason).toMatch(/fails pre-validation: .*BR-CO-16/);
		}
		// The scenario really happened: retried 5xx and refused 4xx both occurred.
		const retried = emulator.admin.faults.list().filter((rule) => rule.status! >= 500);
		expect(retried.reduce((sum, rule) => sum + rule.hits, 0)).toBeGreaterThan(0);
		expect(parkedByBillit.length).toBeGreaterThan(0);
	}, DRAIN_LIMIT_MS + 120_000);
});
