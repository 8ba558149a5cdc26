/**
 * Backfill: a backlog of sent invoices through pipeline 1 (examples/sales-export.json) in a real
 * n8n, in runs capped at a fixed number of invoices, with the emulator enforcing 25 req/s. Reports
 * the n8n process's RSS after every run (flat or not), total time against the rate-limit floor
 * (requests counted at the emulator ÷ 25 s) and the 429 answers.
 */
import { performance } from 'node:perf_hooks';

import { createEmulator, DEMO, type Emulator } from '../emulator';
import { assertSucceeded } from '../test/support/n8n/run-data';
import { readExample } from '../test/support/pipelines/examples';
import { SftpFolder } from '../test/support/pipelines/sftp-folder';
import type { BenchOptions, BenchResult, Benchmark, BenchRow } from './types';
import { cappedSalesExport } from './backfill/capped-workflow';
import { createCredentialsFor } from '../test/support/pipelines/credentials';
import { expectedExport, exportedCount, verifyExport } from './backfill/expected-export';
import { countEmulatorRequests } from './backfill/request-counter';
import { seedSentInvoices } from './export/sent-invoices';
import { startBenchN8n, type BenchN8n } from './n8n/instance';
import { rssBytes } from './n8n/rss';
import { startBenchSftpServer } from './transfer/sftp-server';

const RATE_LIMIT = 25;
const FULL = { invoices: 10_000, perRun: 1000 };
const QUICK = { invoices: 2000, perRun: 200 };
// RSS counts as flat when the last run ends at most this share above the warm-up runs' figure.
const FLAT_TOLERANCE = 0.15;
// The first runs carry n8n's warm-up (compiled code, caches, garbage not yet collected), so a leak shows
// as the last run above the higher of these, not as a difference from the first alone.
const WARM_UP_RUNS = 2;
const FLOOR_GOAL = 1.1;
const RUN_TIMEOUT_MS = 45 * 60_000;
const MIB = 1024 * 1024;
const PARTY_ID = DEMO.partyIds[0];

interface Backlog {
	invoices: number;
	perRun: number;
}

interface RunFigures {
	seconds: number;
	rssBytes: number;
}

const mib = (bytes: number) => `${(bytes / MIB).toFixed(0)} MiB`;

/** The capped workflow run from its Manual Trigger until the backlog is gone; each run checked. */
async function runBacklog(n8n: BenchN8n, emulator: Emulator, workflowId: string, backlog: Backlog, orderIds: number[]): Promise<RunFigures[]> {
	const runs: RunFigures[] = [];
	for (let run = 1; run * backlog.perRun <= backlog.invoices; run++) {
		const start = performance.now();
		assertSucceeded(await n8n.client.runManually(workflowId, { timeoutMs: RUN_TIMEOUT_MS, pollMs: 2000 }));
		const seconds = (performance.now() - start) / 1000;
		const exported = exportedCount(emulator, PARTY_ID, orderIds);
		if (exported !== run * backlog.perRun) throw new Error(`after run ${run}, ${exported} invoices are flagged exported, expected ${run * backlog.perRun}`);
		runs.push({ seconds, rssBytes: rssBytes(n8n.pid) });
		console.log(`  run ${run}: ${seconds.toFixed(1)} s, n8n RSS ${mib(runs[runs.length - 1].rssBytes)}`);
	}
	return runs;
}

function report(n8n: BenchN8n, backlog: Backlog, runs: RunFigures[], totalSeconds: number, counted: { requests: number; throttled: number }, startRss: number): BenchResult {
	const floor = counted.requests / RATE_LIMIT;
	const overFloor = totalSeconds / floor;
	const warmUp = Math.max(...runs.slice(0, WARM_UP_RUNS).map((run) => run.rssBytes));
	const growth = runs[runs.length - 1].rssBytes / warmUp - 1;
	const rows: BenchRow[] = [
		...runs.map((run, index) => ({ measure: `Run ${index + 1} of ${runs.length}: n8n RSS after the run`, ours: mib(run.rssBytes), reference: `${run.seconds.toFixed(1)} s` })),
		{
			measure: `n8n RSS, last run against the higher of the first ${WARM_UP_RUNS} (warm-up)`,
			ours: `${growth >= 0 ? '+' : ''}${(growth * 100).toFixed(1)} %`,
			reference: `${mib(warmUp)} → ${mib(runs[runs.length - 1].rssBytes)}`,
			goal: `≤ +${FLAT_TOLERANCE * 100} %`,
			met: growth <= FLAT_TOLERANCE,
		},
		{
			measure: `${backlog.invoices} invoices at ${RATE_LIMIT} req/s: elapsed ÷ floor`,
			ours: `${totalSeconds.toFixed(1)} s for ${counted.requests} requests`,
			reference: `floor ${floor.toFixed(1)} s`,
			ratio: overFloor,
			goal: `≤ ${FLOOR_GOAL}`,
			met: overFloor <= FLOOR_GOAL,
		},
		{ measure: `429 answers at ${RATE_LIMIT} req/s`, ours: String(counted.throttled), goal: '0', met: counted.throttled === 0 },
	];
	return {
		rows,
		notes: [
			`${backlog.invoices} sent invoices (Peppol, so Billit holds each one's UBL) through examples/sales-export.json in n8n ${n8n.version} (this package built, packed and installed; N8N_DEFAULT_BINARY_DATA_MODE=filesystem), ${runs.length} runs started from its Manual Trigger one after the other.`,
			`The workflow is derived from the example in code (bench/backfill/capped-workflow.ts), the file itself unchanged: "Sent Invoices Not Exported" has Return All off and Limit ${backlog.perRun}, so each run exports at most ${backlog.perRun} invoices and the next run lists what is still unexported. Credentials are created through n8n's API under the names the example uses.`,
			`RSS is the n8n main process's VmRSS right after each execution finished (n8n at ${mib(startRss)} before the first run). The reference column of a run row is that run's wall time. Flat means no growth: the last run at most ${FLAT_TOLERANCE * 100} % above the higher of the first ${WARM_UP_RUNS} runs, which carry n8n's warm-up; every run is listed.`,
			`Requests are counted at the emulator (every API request it answered, 429s included) while the runs went; the floor is requests ÷ ${RATE_LIMIT} s. The ratio is elapsed ÷ floor (lower is better) and includes n8n's own work between runs (starting each run, saving the execution).`,
			`Checked before the figures count: after every run exactly ${backlog.perRun} more invoices flagged ExportedToConnector in the emulator; at the end all ${backlog.invoices * 2} files (PDF and Billit's UBL) under /export/[uen]/sales/[year]/ on the OpenSSH server's disk, nothing else, byte-identical to the emulator's files, mode 664.`,
		],
	};
}

export const backfillBenchmark: Benchmark = {
	name: 'backfill',
	title: 'Backfill through pipeline 1 in capped runs',
	async run({ quick }: BenchOptions): Promise<BenchResult> {
		const backlog = quick ? QUICK : FULL;
		const emulator = createEmulator({ switches: { rateLimitPerSecond: RATE_LIMIT } });
		await emulator.start();
		const sftp = await startBenchSftpServer();
		try {
			const exportFolder = new SftpFolder(sftp.info, '/export');
			exportFolder.reset();
			const seeded = seedSentInvoices(emulator, PARTY_ID, backlog.invoices);
			const expected = expectedExport(emulator, PARTY_ID, seeded);
			const n8n = await startBenchN8n({ N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem' });
			try {
				const example = readExample('sales-export.json');
				// The example's credentials act for the emulator's first demo company, PARTY_ID.
				await createCredentialsFor(n8n.client, example, { emulatorUrl: emulator.url, sftp: sftp.info });
				const workflow = await n8n.client.importWorkflow(cappedSalesExport(example, backlog.perRun));
				const startRss = rssBytes(n8n.pid);
				const counter = countEmulatorRequests(emulator);
				const start = performance.now();
				const runs = await runBacklog(n8n, emulator, workflow.id, backlog, [...seeded.keys()]);
				const totalSeconds = (performance.now() - start) / 1000;
				const counted = counter.stop();
				await verifyExport(exportFolder.diskPath, expected);
				const result = report(n8n, backlog, runs, totalSeconds, counted, startRss);
				if (quick) result.notes.unshift(`--quick: ${backlog.invoices} invoices in runs of ${backlog.perRun}; the full benchmark is ${FULL.invoices} in runs of ${FULL.perRun}.`);
				return result;
			} catch (error) {
				throw new Error(`${(error as Error).message}; n8n's log ends with:\n${await n8n.logTail()}`, { cause: error });
			} finally {
				await n8n.stop();
			}
		} finally {
			await sftp.stop();
			await emulator.stop();
		}
	},
};
