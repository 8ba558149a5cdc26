/**
 * Requests per document of every example pipeline that moves documents, each run unchanged from
 * its Manual Trigger in a real n8n against the emulator at 25 req/s; the sales and purchase exports
 * also with list answers that name no files (emulator switch listFileIds off).
 */
import { performance } from 'node:perf_hooks';

import { createEmulator, type Emulator } from '../emulator';
import { assertSucceeded } from '../test/support/n8n/run-data';
import type { StoredWorkflow } from '../test/support/n8n/client';
import { readExample } from '../test/support/pipelines/examples';
import { SftpFolder } from '../test/support/pipelines/sftp-folder';
import { createCredentialsFor } from '../test/support/pipelines/credentials';
import type { BenchOptions, BenchResult, Benchmark, BenchRow } from './types';
import { countEmulatorRequests, describeKinds } from './backfill/request-counter';
import { startBenchN8n, type BenchN8n } from './n8n/instance';
import { PIPELINE_CASES, type PipelineCase } from './pipelines/cases';
import { startBenchSftpServer } from './transfer/sftp-server';

const RATE_LIMIT = 25;
const DOCUMENTS = 60;
const QUICK_DOCUMENTS = 20;
const RUN_TIMEOUT_MS = 10 * 60_000;

/** Requests that list (once per run or per page), not per document. */
function isListing(kind: string): boolean {
	return (
		kind === 'order list' ||
		kind === 'GET /v1/account/accountInformation' ||
		kind === 'GET /v1/peppol/inbox' ||
		/^GET \/v1\/accountant\/feeds\/[^/{}]+$/.test(kind)
	);
}

interface Measured {
	requests: number;
	throttled: number;
	byKind: Record<string, number>;
	seconds: number;
}

async function measure(
	n8n: BenchN8n,
	emulator: Emulator,
	sftp: { folder: (path: string) => SftpFolder },
	workflow: StoredWorkflow,
	pipeline: PipelineCase,
	documents: number,
): Promise<Measured> {
	emulator.admin.reset();
	if (pipeline.switches) emulator.admin.setSwitches(pipeline.switches);
	const folder = sftp.folder(pipeline.folder);
	folder.reset();
	const ids = await pipeline.seed(emulator, documents);
	const counter = countEmulatorRequests(emulator);
	const start = performance.now();
	for (let run = 0; run < pipeline.runs(documents); run++) {
		assertSucceeded(await n8n.client.runManually(workflow.id, { timeoutMs: RUN_TIMEOUT_MS, pollMs: 1000 }));
	}
	const seconds = (performance.now() - start) / 1000;
	const counted = counter.stop();
	const files = folder.files().filter((file) => !file.remotePath.includes('/attempts/'));
	if (files.length !== pipeline.files(documents)) {
		throw new Error(`${pipeline.label}: ${files.length} files under ${pipeline.folder}, expected ${pipeline.files(documents)}`);
	}
	pipeline.check(emulator, ids);
	return { ...counted, seconds };
}

function row(pipeline: PipelineCase, documents: number, measured: Measured): BenchRow {
	const listings = Object.entries(measured.byKind).filter(([kind]) => isListing(kind)).reduce((sum, [, count]) => sum + count, 0);
	const perDocument = (measured.requests - measured.throttled - listings) / documents;
	const minimum = pipeline.minimumPerDocument + (pipeline.switches?.listFileIds === false ? 1 : 0);
	return {
		measure: `${pipeline.label} (${pipeline.example}), ${documents} documents: requests per document`,
		ours: `${(measured.requests / documents).toFixed(2)} (${perDocument.toFixed(2)} without listings)`,
		reference: describeKinds(measured.byKind, documents),
		goal: `≤ ${minimum} without listings; 0 × 429${measured.throttled > 0 ? ` (${measured.throttled})` : ''}`,
		met: perDocument <= minimum && measured.throttled === 0,
	};
}

export const pipelinesBenchmark: Benchmark = {
	name: 'pipelines',
	title: 'Billit requests per document of the example pipelines',
	async run({ quick }: BenchOptions): Promise<BenchResult> {
		const documents = quick ? QUICK_DOCUMENTS : DOCUMENTS;
		const emulator = createEmulator({ switches: { rateLimitPerSecond: RATE_LIMIT } });
		await emulator.start();
		const server = await startBenchSftpServer();
		try {
			const n8n = await startBenchN8n({ N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem' });
			try {
				const examples = [...new Set(PIPELINE_CASES.map((pipeline) => pipeline.example))];
				const files = examples.map((name) => readExample(name));
				await createCredentialsFor(n8n.client, files, { emulatorUrl: emulator.url, sftp: server.info });
				const workflows = new Map<string, StoredWorkflow>();
				for (const [index, name] of examples.entries()) workflows.set(name, await n8n.client.importWorkflow(files[index]));
				const sftp = { folder: (path: string) => new SftpFolder(server.info, path) };
				const rows: BenchRow[] = [];
				const notes: string[] = [];
				for (const pipeline of PIPELINE_CASES) {
					console.log(` ${pipeline.label}`);
					const measured = await measure(n8n, emulator, sftp, workflows.get(pipeline.example)!, pipeline, documents);
					rows.push(row(pipeline, documents, measured));
					notes.push(`${pipeline.label}: ${measured.requests} requests in ${measured.seconds.toFixed(1)} s over ${pipeline.runs(documents)} run(s); the least per document is ${pipeline.minimum}.`);
				}
				return {
					rows,
					notes: [
						`Each example imported unchanged into n8n ${n8n.version} (this package built, packed and installed) and run from its Manual Trigger against the emulator at ${RATE_LIMIT} req/s, on a freshly seeded emulator and an emptied folder: ${documents} documents each (sent Peppol invoices for the sales export and partner invoices, received Peppol invoices for the purchase export and the inbox, new invoices for the accountant feed). The Peppol inbox takes ${Math.ceil(documents / 10)} runs, as Billit shows ten items at a time.`,
						'Requests are counted at the emulator while the runs went; the reference column breaks them down per document by kind. "Without listings" leaves out the requests made once per run or page (order list, company list, inbox list, feed listing). "Lists without file ids" runs with the emulator switch listFileIds off: every invoice must then be read once for its files.',
						'Checked before the figures count: the expected number of files on the SFTP server (attempt records of the inbox flow aside), and every document marked, confirmed or flagged in the emulator.',
						...notes,
						...(quick ? [`--quick: ${QUICK_DOCUMENTS} documents per pipeline; the full benchmark moves ${DOCUMENTS}.`] : []),
					],
				};
			} catch (error) {
				throw new Error(`${(error as Error).message}; n8n's log ends with:\n${await n8n.logTail()}`, { cause: error });
			} finally {
				await n8n.stop();
			}
		} finally {
			await server.stop();
			await emulator.stop();
		}
	},
};
