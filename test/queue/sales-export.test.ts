import { beforeEach, describe, expect, it } from 'vitest';

import { assertSucceeded } from '../support/n8n/run-data';
import { sharedN8n } from '../support/n8n/shared-instance';
import { runOnceOnSchedule, shortenSchedule } from '../support/pipelines/production-run';
import { RequestRecorder } from './emulator-requests';
import { overlapped, runOnce, runOnEveryWorker, scheduleEvery, type ExecutionSummary } from './overlapping-runs';
import { useSalesExportExample } from './sales-export-example';
import type { ExportOutcome } from './sales-export-scene';

const n8n = sharedN8n();
const { scene, workflow } = useSalesExportExample();
/** Billit's 429s a run may see: the shared pacing aims at none, jitter in transit may cost a few. */
const HANDFUL_OF_429S = 10;
/** Slower than a run takes to start, so `runOnce` gets exactly one execution. */
const SINGLE_RUN_SCHEDULE_SECONDS = 20;

interface MeasuredRuns {
	executions: Array<ExecutionSummary & { workers: string[] }>;
	outcome: ExportOutcome;
	requests: number;
	throttled: number;
	/** From the first execution's start to the last one's end, as n8n recorded them. */
	elapsedSeconds: number;
}

function span(executions: ExecutionSummary[]): number {
	const starts = executions.map((execution) => Date.parse(execution.startedAt ?? ''));
	const stops = executions.map((execution) => Date.parse(execution.stoppedAt ?? ''));
	return (Math.max(...stops) - Math.min(...starts)) / 1000;
}

/** Seeds `count` sent invoices, runs the export under Billit's rate limit and measures it. */
async function measured(count: number, run: () => Promise<ExecutionSummary[]>): Promise<MeasuredRuns> {
	const invoices = await scene.sentInvoices(count);
	scene.exportFolder.reset();
	const logOffset = await scene.sftpLogLength();
	const recorder = new RequestRecorder(scene.billit.url);
	await recorder.start();
	const executions = await scene.withBillitRateLimit(run);
	const requests = await recorder.stop();
	return {
		executions: executions.map((execution) => ({ ...execution, workers: scene.workersThatRan(execution.id) })),
		outcome: await scene.outcomeOf(invoices, await scene.sftpLogSince(logOffset)),
		requests: requests.length,
		throttled: requests.filter((request) => request.status === 429).length,
		elapsedSeconds: span(executions),
	};
}

function report(label: string, runs: MeasuredRuns): string {
	const executions = runs.executions.map((execution) => `${execution.id} ${execution.status} on ${execution.workers.join('+')}`);
	return (
		`[queue] ${label}: ${runs.executions.length} executions (${executions.join(', ')}); exported ${runs.outcome.exported}, ` +
		`duplicate writes ${runs.outcome.duplicates.length}, lost ${runs.outcome.lost.length}, unsent exported ${runs.outcome.unexpected.length}, ` +
		`Billit requests ${runs.requests}, 429 responses ${runs.throttled}, elapsed ${runs.elapsedSeconds.toFixed(1)} s`
	);
}

/** The first execution of each worker: these two found the same invoices not yet exported. */
function firstOnEachWorker(runs: MeasuredRuns): ExecutionSummary[] {
	return scene.workers.map((worker) => runs.executions.find((execution) => execution.workers.includes(worker.name))).filter((execution) => execution !== undefined);
}

async function expectAllExportedOnce(runs: MeasuredRuns, count: number): Promise<void> {
	if (runs.outcome.lost.length) {
		const reasons = await scene.notExportedItems(n8n, runs.executions.map((execution) => execution.id));
		console.log(`[queue] lost ${runs.outcome.lost.join(', ')}; items left unexported:\n${reasons.join('\n')}`);
	}
	expect(runs.executions.map((execution) => execution.status)).toEqual(runs.executions.map(() => 'success'));
	expect(runs.executions.map((execution) => execution.workers.length)).toEqual(runs.executions.map(() => 1));
	expect(runs.outcome).toEqual({ exported: count, duplicates: [], lost: [], unexpected: [] });
}

async function overlappingRuns(count: number, timeoutMs: number): Promise<MeasuredRuns> {
	await scheduleEvery(n8n, workflow().id, 1);
	return await measured(count, async () => await runOnEveryWorker(n8n, workflow().id, scene.workers, timeoutMs));
}

beforeEach(() => {
	scene.exportFolder.reset();
});

describe('examples/sales-export.json in n8n queue mode with two workers', () => {
	it('runs a schedule-started execution on one worker and exports every sent invoice once', async () => {
		const invoices = await scene.sentInvoices(6);
		const logOffset = await scene.sftpLogLength();
		await shortenSchedule(n8n, workflow().id);

		const execution = await scene.withBillitRateLimit(async () => await runOnceOnSchedule(n8n, workflow().id));
		assertSucceeded(execution);
		expect(execution.mode).toBe('trigger');
		expect(scene.workersThatRan(execution.id)).toHaveLength(1);
		const outcome = await scene.outcomeOf(invoices, await scene.sftpLogSince(logOffset));
		expect(outcome).toEqual({ exported: invoices.sent.length, duplicates: [], lost: [], unexpected: [] });
	});

	it('two overlapping schedule runs on different workers export each of 20 invoices once', async () => {
		const runs = await overlappingRuns(20, 240_000);
		console.log(report('20 invoices, overlapping runs on two workers', runs));
		await expectAllExportedOnce(runs, 20);
		const [first, second] = firstOnEachWorker(runs);
		expect(overlapped(first, second)).toBe(true);
		expect(runs.throttled).toBeLessThanOrEqual(HANDFUL_OF_429S);
	});

	it('exports 1,000 invoices once with overlapping runs on two workers, measured against one run on one worker', { timeout: 2_400_000 }, async () => {
		await scheduleEvery(n8n, workflow().id, SINGLE_RUN_SCHEDULE_SECONDS);
		const single = await measured(1000, async () => await runOnce(n8n, workflow().id, scene.workers, 1_200_000));
		console.log(report('1,000 invoices, one run on one worker', single));
		const overlapping = await overlappingRuns(1000, 1_200_000);
		console.log(report('1,000 invoices, overlapping runs on two workers', overlapping));
		console.log(
			`[queue] 1,000 invoices: two workers overlapping ${overlapping.elapsedSeconds.toFixed(1)} s against one worker ${single.elapsedSeconds.toFixed(1)} s ` +
				`(x${(overlapping.elapsedSeconds / single.elapsedSeconds).toFixed(2)}); 429 responses ${overlapping.throttled} against ${single.throttled}`,
		);

		expect(single.executions).toHaveLength(1);
		await expectAllExportedOnce(single, 1000);
		await expectAllExportedOnce(overlapping, 1000);
		const [first, second] = firstOnEachWorker(overlapping);
		expect(overlapped(first, second)).toBe(true);
		expect(overlapping.throttled).toBeLessThanOrEqual(HANDFUL_OF_429S);
	});
});
