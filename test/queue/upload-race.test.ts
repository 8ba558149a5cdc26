import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { requestJson } from '../support/n8n/http';
import { sharedN8n } from '../support/n8n/shared-instance';
import { overlapped, runOnEveryWorker, scheduleTwoAtOnce, type ExecutionSummary } from './overlapping-runs';
import { useSalesExportExample } from './sales-export-example';
import { writesOf, type FileWrites } from './sftp-writes';

const n8n = sharedN8n();
const { scene, workflow } = useSalesExportExample();

/** Long enough for the other worker to pick up its job while the first run waits for its list. */
const LIST_LATENCY_MS = 8000;

/** A file nobody cut short: a whole PDF or a whole UBL invoice. */
function isComplete(remotePath: string): boolean {
	const content = readFileSync(scene.exportFolder.onDisk(remotePath), 'latin1');
	return remotePath.endsWith('.pdf') ? content.startsWith('%PDF-') && content.trimEnd().endsWith('%%EOF') : /<\/(\w+:)?Invoice>\s*$/.test(content);
}

/**
 * Holds the next two invoice lists for a while: each run's first `GET /v1/orders`. Whichever run a
 * worker picked up first waits until the other has listed too, so both go on from the same moment
 * with the same invoices, however late a busy worker took its job.
 */
async function holdTheFirstTwoLists(): Promise<void> {
	await requestJson(scene.billit.url, {
		method: 'POST',
		path: '/_emulator/faults',
		body: { kind: 'latency', latencyMs: LIST_LATENCY_MS, method: 'GET', path: '/v1/orders', count: 2 },
	});
}

/** Two executions that ran at the same time on different workers. */
function racingPair(executions: Array<ExecutionSummary & { workers: string[] }>): ExecutionSummary[] | undefined {
	for (const first of executions) {
		const second = executions.find((other) => other.workers[0] !== first.workers[0] && overlapped(first, other));
		if (second) return [first, second];
	}
	return undefined;
}

describe('two executions of examples/sales-export.json racing on the same invoices', () => {
	it('leaves every file complete, written once or rewritten with the same bytes, and every invoice flagged', async () => {
		const invoices = await scene.sentInvoices(6);
		scene.exportFolder.reset();
		const logOffset = await scene.sftpLogLength();
		// Both rules fire in the same second: two executions start together on the two idle workers,
		// list the same unexported invoices and reach each upload's check and write at about the same time.
		await scheduleTwoAtOnce(n8n, workflow().id);
		await holdTheFirstTwoLists();
		const executions = await scene.withBillitRateLimit(async () => await runOnEveryWorker(n8n, workflow().id, scene.workers, 180_000));

		const writes = await scene.sftpLogSince(logOffset);
		const files = invoices.sent.flatMap((invoice) => scene.remoteFiles(invoice));
		const perFile = new Map<string, FileWrites>(files.map((file) => [file, writesOf(writes, file)]));
		const writtenOnce = files.filter((file) => perFile.get(file)?.opened === 1);
		const rewritten = files.filter((file) => (perFile.get(file)?.opened ?? 0) > 1);
		const ranOn = executions.map((execution) => ({ ...execution, workers: scene.workersThatRan(execution.id) }));
		console.log(
			`[queue] race on ${invoices.sent.length} invoices (${files.length} files), executions ${JSON.stringify(ranOn.map(({ id, status, workers, startedAt, stoppedAt }) => ({ id, status, workers, startedAt, stoppedAt })))}: ` +
				`${writtenOnce.length} files written once (the later upload found them identical and skipped), ` +
				`${rewritten.length} rewritten by both executions ${JSON.stringify(rewritten.map((file) => ({ file, ...perFile.get(file) })))}`,
		);

		// On a busy machine the schedule may fire once more before it is unpublished: more runs, same rules.
		expect(ranOn.map((execution) => execution.status)).toEqual(ranOn.map(() => 'success'));
		expect(ranOn.map((execution) => execution.workers.length)).toEqual(ranOn.map(() => 1));
		expect(racingPair(ranOn)).toBeDefined();
		for (const file of files) {
			const fileWrites = perFile.get(file) as FileWrites;
			expect(fileWrites.opened, file).toBeGreaterThanOrEqual(1);
			expect(fileWrites.opened, file).toBeLessThanOrEqual(ranOn.length);
			// Every write of a file carried the same number of bytes: the same bytes from Billit.
			expect(new Set(fileWrites.bytesWritten).size, file).toBe(1);
			expect(isComplete(file), file).toBe(true);
		}
		expect(scene.exportFolder.files().filter((file) => file.remotePath.endsWith('.part'))).toEqual([]);
		const outcome = await scene.outcomeOf(invoices, writes);
		expect(outcome.lost).toEqual([]);
		expect(outcome.unexpected).toEqual([]);
		expect(outcome.exported).toBe(invoices.sent.length);
	});
});
