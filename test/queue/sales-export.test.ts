import { readFileSync } from 'node:fs';

import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';

import { countWriteOpens, readSftpLog, type SftpLogEntry } from '../servers/sftp-log';
import type { StoredWorkflow } from '../e2e/n8n/client';
import { assertSucceeded } from '../e2e/n8n/run-data';
import { sharedN8n } from '../e2e/n8n/shared-instance';
import { BillitEmulatorClient, type EmulatedOrder } from '../e2e/pipelines/billit-emulator';
import { createCredentialsFor } from '../e2e/pipelines/credentials';
import { readExample } from '../e2e/pipelines/examples';
import { runOnceOnSchedule, shortenSchedule } from '../e2e/pipelines/production-run';
import { SftpFolder } from '../e2e/pipelines/sftp-folder';
import { RequestRecorder } from './emulator-requests';
import { overlapped, runOnEveryWorker, scheduleEvery } from './overlapping-runs';

const n8n = sharedN8n();
const billit = new BillitEmulatorClient();
const sftp = inject('testServers').sftp;
const workers = inject('queueWorkers');
const exportFolder = new SftpFolder(sftp, '/export');
const example = readExample('sales-export.json');
const DEFAULT_RATE_LIMIT_PER_SECOND = 25;

let workflow: StoredWorkflow;
let deleteCredentials: () => Promise<void>;
let uen: string;

function remoteFiles(order: EmulatedOrder): string[] {
	const folder = `/export/${uen}/sales/${order.OrderDate.slice(0, 4)}`;
	return [`${folder}/${order.OrderNumber}.pdf`, `${folder}/${order.OrderNumber}.xml`];
}

/** Which worker's log says it started the execution. */
function workersThatRan(executionId: string | number): string[] {
	const line = new RegExp(`Worker started execution ${executionId} \\(job`);
	return workers.filter((worker) => line.test(readFileSync(worker.logFile, 'utf8'))).map((worker) => worker.name);
}

/**
 * Seeds invoices so that `count` of them are sent, half over Peppol (Billit keeps their UBL), half by
 * e-mail (the pipeline builds the UBL); a third customer without any contact gets unsent invoices.
 */
async function sentInvoices(count: number): Promise<{ sent: EmulatedOrder[]; unsent: EmulatedOrder[] }> {
	await billit.reset();
	// The test's own reads and writes stay out of the company's request budget; the runs get it back.
	await billit.setSwitches({ rateLimitPerSecond: 0 });
	const ids = await billit.seedInvoices((count / 2) * 3);
	// The seed rotates customers: on Peppol, e-mail only, without any contact.
	const byCustomer = [0, 1, 2].map((offset) => ids.filter((_id, index) => index % 3 === offset));
	await billit.send(byCustomer[0], 'Peppol');
	await billit.send(byCustomer[1], 'SMTP');
	const read = async (orderIds: number[]) => await Promise.all(orderIds.map(async (id) => await billit.order(id)));
	return { sent: await read([...byCustomer[0], ...byCustomer[1]]), unsent: await read(byCustomer[2]) };
}

/** Billit's default budget, the one a real company has, for the pipeline's runs only. */
async function withBillitRateLimit<T>(run: () => Promise<T>): Promise<T> {
	await billit.setSwitches({ rateLimitPerSecond: DEFAULT_RATE_LIMIT_PER_SECOND });
	try {
		return await run();
	} finally {
		await billit.setSwitches({ rateLimitPerSecond: 0 });
	}
}

async function sftpLogSince(offset: number): Promise<SftpLogEntry[]> {
	return (await readSftpLog(sftp.logFile)).slice(offset);
}

interface ExportOutcome {
	/** Invoices with both files on the server and the export flag set in Billit. */
	exported: number;
	/** Files opened for writing more than once. */
	duplicates: string[];
	/** Sent invoices missing a file or the flag. */
	lost: string[];
	/** Unsent invoices that were exported anyway. */
	unexpected: string[];
}

async function outcomeOf({ sent, unsent }: { sent: EmulatedOrder[]; unsent: EmulatedOrder[] }, writes: SftpLogEntry[]): Promise<ExportOutcome> {
	const onServer = new Set(exportFolder.files().map((file) => file.remotePath));
	const outcome: ExportOutcome = { exported: 0, duplicates: [], lost: [], unexpected: [] };
	for (const invoice of unsent) {
		const touched = remoteFiles(invoice).some((file) => onServer.has(file));
		if (touched || (await billit.order(invoice.OrderID)).ExportedToConnector) outcome.unexpected.push(invoice.OrderNumber);
	}
	for (const invoice of sent) {
		const files = remoteFiles(invoice);
		outcome.duplicates.push(...files.filter((file) => countWriteOpens(writes, file) > 1));
		const flagged = (await billit.order(invoice.OrderID)).ExportedToConnector;
		if (flagged && files.every((file) => onServer.has(file))) outcome.exported += 1;
		else outcome.lost.push(invoice.OrderNumber);
	}
	return outcome;
}

beforeAll(async () => {
	deleteCredentials = await createCredentialsFor(n8n, example, { emulatorUrl: billit.url, sftp });
	workflow = await n8n.importWorkflow(example);
	uen = (await billit.company()).CompanyNumber;
});

afterAll(async () => {
	if (workflow) await n8n.deleteWorkflow(workflow.id);
	await deleteCredentials?.();
});

beforeEach(() => {
	exportFolder.reset();
});

describe('examples/sales-export.json in n8n queue mode with two workers', () => {
	it('runs a schedule-started execution on one worker and exports every sent invoice once', async () => {
		const invoices = await sentInvoices(6);
		const logOffset = (await readSftpLog(sftp.logFile)).length;
		await shortenSchedule(n8n, workflow.id);

		const execution = await withBillitRateLimit(async () => await runOnceOnSchedule(n8n, workflow.id));
		assertSucceeded(execution);
		expect(execution.mode).toBe('trigger');
		expect(workersThatRan(execution.id)).toHaveLength(1);
		const outcome = await outcomeOf(invoices, await sftpLogSince(logOffset));
		expect(outcome).toEqual({ exported: invoices.sent.length, duplicates: [], lost: [], unexpected: [] });
	});

	it.each([
		{ invoices: 20, timeoutMs: 240_000 },
		{ invoices: 200, timeoutMs: 600_000 },
	])('two overlapping schedule runs on different workers export each of $invoices invoices once', async ({ invoices: count, timeoutMs }) => {
		const invoices = await sentInvoices(count);
		const logOffset = (await readSftpLog(sftp.logFile)).length;
		await scheduleEvery(n8n, workflow.id, 1);
		const recorder = new RequestRecorder(billit.url);
		await recorder.start();
		const started = Date.now();

		const executions = await withBillitRateLimit(async () => await runOnEveryWorker(n8n, workflow.id, workers, timeoutMs));
		const elapsedSeconds = (Date.now() - started) / 1000;
		const requests = await recorder.stop();
		const outcome = await outcomeOf(invoices, await sftpLogSince(logOffset));
		const ranOn = executions.map((execution) => ({ id: execution.id, status: execution.status, workers: workersThatRan(execution.id), startedAt: execution.startedAt, stoppedAt: execution.stoppedAt }));
		console.log(
			`[queue] ${count} invoices, ${executions.length} executions ${JSON.stringify(ranOn)}: exported ${outcome.exported}, ` +
				`duplicate writes ${outcome.duplicates.length}, lost ${outcome.lost.length}, unsent exported ${outcome.unexpected.length}, Billit requests ${requests.length}, ` +
				`429 responses ${requests.filter((request) => request.status === 429).length}, elapsed ${elapsedSeconds.toFixed(1)} s`,
		);

		expect(executions.map((execution) => execution.status)).toEqual(executions.map(() => 'success'));
		expect(ranOn.map((execution) => execution.workers.length)).toEqual(executions.map(() => 1));
		// The first run of each worker: both found the same invoices not yet exported.
		const firstOn = workers.map((worker) => executions[ranOn.findIndex((execution) => execution.workers.includes(worker.name))]);
		expect(firstOn.every(Boolean)).toBe(true);
		expect(overlapped(firstOn[0], firstOn[1])).toBe(true);
		expect(outcome).toEqual({ exported: count, duplicates: [], lost: [], unexpected: [] });
	});
});
