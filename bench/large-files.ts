/**
 * Large files: 1 GiB upload and download through n8n (binary data in filesystem mode) with File
 * Exchange, as it comes and with Large Files on Own Thread, against OpenSSH's `sftp` moving the same
 * file over the same loopback link, in paired rounds, and how far the n8n process's resident memory
 * rises meanwhile.
 */
import { chown, mkdir, rm, stat } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';

import type { N8nClient } from '../test/support/n8n/client';
import type { SftpServerInfo } from '../test/support/servers/types';
import { assertSucceeded } from '../test/support/n8n/run-data';
import { timeAsync } from './measure';
import type { BenchOptions, BenchResult, BenchRow, Benchmark } from './types';
import { startBenchN8n, type BenchN8n } from './n8n/instance';
import { peakRssGrowth } from './n8n/rss';
import { chainWorkflow, fileExchangeDownload, fileExchangeUpload, readLocalFile, writeLocalFile, type CredentialRef } from './n8n/workflows';
import { assertSameFile, writeRandomFile } from './transfer/large-file';
import { openOpensshSession, type OpensshSession } from './transfer/openssh-batch';
import { median, pairedRounds, type PairedRound } from './transfer/paired-rounds';
import { startBenchSftpServer } from './transfer/sftp-server';

const FULL_FILE_BYTES = 1024 ** 3;
const QUICK_FILE_BYTES = 256 * 1024 ** 2;
const ROUNDS = 3;
const MIB = 1024 ** 2;
const SFTP_GOAL = 0.8;
const RSS_GOAL_BYTES = 100 * 1000 ** 2;
const RUN_TIMEOUT_MS = 600_000;

interface NodeRunMeasure {
	seconds: number;
	rssGrowthBytes: number;
	/** The n8n Read/Write Files from Disk node's own time in the same run. */
	diskNodeSeconds: number;
}

/** A measured run of ours (node time and RSS rise) and of the reference (wall time). */
type RoundMeasure = PairedRound<{ seconds: number; rssGrowthBytes?: number; diskNodeSeconds?: number }> & {
	/** The machine's one-minute load average when the pair had run. */
	load: number;
};

/** Runs an imported workflow whose measured node is `Transfer`; its own time and the RSS rise count. */
async function runMeasured(n8n: BenchN8n, workflowId: string, name: string, diskNode: string): Promise<NodeRunMeasure> {
	const client: N8nClient = n8n.client;
	const { result: execution, growthBytes } = await peakRssGrowth(n8n.pid, async () => await client.runManually(workflowId, { timeoutMs: RUN_TIMEOUT_MS, pollMs: 500 }));
	assertSucceeded(execution);
	const secondsOf = (node: string) => {
		const [run] = (execution.data?.resultData.runData[node] ?? []) as Array<{ executionTime?: number }>;
		if (run?.executionTime === undefined) throw new Error(`${name}: no time recorded for the ${node} node`);
		return run.executionTime / 1000;
	};
	return { seconds: secondsOf('Transfer'), rssGrowthBytes: growthBytes, diskNodeSeconds: secondsOf(diskNode) };
}

function sizeLabel(bytes: number): string {
	return bytes >= 1024 ** 3 ? `${bytes / 1024 ** 3} GiB` : `${bytes / MIB} MiB`;
}

function mibPerSecond(bytes: number, seconds: number): string {
	return `${(bytes / MIB / seconds).toFixed(0)} MiB/s`;
}

/** Higher is better for us: the reference's time over ours. */
function pairRatio(round: RoundMeasure): number {
	return round.reference.seconds / round.ours.seconds;
}

/** How File Exchange moves the file: on the node's one connection (the default) or on a thread of its own. */
interface Variant {
	label: string;
	connectionOptions: Record<string, unknown>;
}

const VARIANTS: Variant[] = [
	{ label: 'File Exchange in n8n', connectionOptions: {} },
	{ label: 'File Exchange in n8n with Large Files on Own Thread', connectionOptions: { largeFilesOnOwnThread: true } },
];

function roundRow(variant: Variant, direction: string, bytes: number, round: RoundMeasure, index: number): BenchRow {
	const order = index % 2 === 0 ? 'ours first' : 'sftp first';
	return {
		measure: `${variant.label}, round ${index + 1} (${order}, load ${round.load.toFixed(1)}): ${sizeLabel(bytes)} ${direction}`,
		ours: mibPerSecond(bytes, round.ours.seconds),
		reference: mibPerSecond(bytes, round.reference.seconds),
		ratio: pairRatio(round),
	};
}

/** The median pair's ratio, and the median throughput of each side. */
function throughputRow(variant: Variant, direction: string, bytes: number, rounds: RoundMeasure[]): BenchRow {
	const ratio = median(rounds.map(pairRatio));
	return {
		measure: `${sizeLabel(bytes)} ${direction}, loopback: ${variant.label} vs sftp, median of ${rounds.length} paired rounds`,
		ours: mibPerSecond(bytes, median(rounds.map((round) => round.ours.seconds))),
		reference: mibPerSecond(bytes, median(rounds.map((round) => round.reference.seconds))),
		ratio,
		goal: `≥ ${SFTP_GOAL}×`,
		met: ratio >= SFTP_GOAL,
	};
}

/**
 * n8n's own Read/Write Files from Disk node moving the same file between local disk and binary data in
 * the same runs: how fast n8n itself takes bytes in (Read) or hands them out (Write), with no network.
 */
function diskNodeRow(operation: 'Read' | 'Write', bytes: number, rounds: RoundMeasure[]): BenchRow {
	const seconds = median(rounds.map((round) => round.ours.diskNodeSeconds ?? Number.NaN));
	const what = operation === 'Read' ? 'local file into binary data' : 'binary data out to a local file';
	return {
		measure: `For comparison: n8n's own Read/Write Files from Disk, ${sizeLabel(bytes)} ${what} (no network), median of the runs above`,
		ours: mibPerSecond(bytes, seconds),
	};
}

function memoryRow(variant: Variant, direction: string, bytes: number, rounds: RoundMeasure[]): BenchRow {
	const growth = Math.max(...rounds.map((round) => round.ours.rssGrowthBytes ?? 0));
	return {
		measure: `${variant.label}: n8n peak RSS growth during a ${sizeLabel(bytes)} ${direction} (highest of the rounds)`,
		ours: `${(growth / 1000 ** 2).toFixed(0)} MB`,
		goal: `< ${RSS_GOAL_BYTES / 1000 ** 2} MB`,
		met: growth < RSS_GOAL_BYTES,
	};
}

/** Paired rounds of one direction, each run checked before it counts; each round printed as it ends. */
async function measureDirection(
	variant: Variant,
	direction: string,
	bytes: number,
	ours: () => Promise<NodeRunMeasure>,
	reference: () => Promise<number>,
): Promise<RoundMeasure[]> {
	const loads: number[] = [];
	const rounds = await pairedRounds(
		ROUNDS,
		ours,
		async () => ({ seconds: await reference() }),
		(round, index) => {
			loads.push(loadavg()[0]);
			const row = roundRow(variant, direction, bytes, { ...round, load: loads[index] }, index);
			console.log(`  ${row.measure}: ours ${round.ours.seconds.toFixed(1)} s, sftp ${round.reference.seconds.toFixed(1)} s`);
		},
	);
	return rounds.map((round, index) => ({ ...round, load: loads[index] }));
}

/** The measured runs, their checks and the rows, with every server and the n8n instance up. */
async function measure(n8n: BenchN8n, info: SftpServerInfo, session: OpensshSession, bytes: number): Promise<BenchResult> {
	const diskFolder = join(info.root, 'large');
	const remoteFolder = `${info.remoteRoot}/large`;
	await mkdir(diskFolder, { recursive: true });
	const owner = await stat(info.root);
	await chown(diskFolder, owner.uid, owner.gid);
	const original = join(n8n.filesDir, 'original.bin');
	const sha256 = await writeRandomFile(original, bytes);
	const credential: CredentialRef = await n8n.client.createCredential('Bench large SFTP', 'fileExchangeSftpApi', {
		host: info.host,
		port: info.port,
		username: info.username,
		privateKey: info.privateKey,
		hostKeys: info.hostKeys.map((key) => key.fingerprintSha256).join('\n'),
		acceptAnyHostKey: false,
	});
	const ref = { id: credential.id, name: credential.name };
	const downloaded = join(n8n.filesDir, 'downloaded.bin');

	const sftpPut = await session.prepare([`put ${original} ${remoteFolder}/sftp.bin`]);
	const sftpGet = await session.prepare([`get ${remoteFolder}/sftp.bin ${downloaded}`]);
	const checkedDownload = async <T>(run: () => Promise<T>): Promise<T> => {
		const result = await run();
		await assertSameFile(downloaded, sha256);
		await rm(downloaded);
		return result;
	};

	const measureVariant = async (
		variant: Variant,
	): Promise<{ uploads: RoundMeasure[]; downloads: RoundMeasure[]; summary: BenchRow[]; rounds: BenchRow[] }> => {
		const uploadWorkflow = await n8n.client.importWorkflow(
			chainWorkflow(`Bench large upload (${variant.label})`, [
				{ name: 'Read', ...readLocalFile(original) },
				{ name: 'Transfer', ...fileExchangeUpload(n8n.packageName, remoteFolder, `${remoteFolder}/n8n.bin`, ref, variant.connectionOptions) },
			]),
		);
		const downloadWorkflow = await n8n.client.importWorkflow(
			chainWorkflow(`Bench large download (${variant.label})`, [
				{ name: 'Transfer', ...fileExchangeDownload(n8n.packageName, `${remoteFolder}/n8n.bin`, ref, variant.connectionOptions) },
				{ name: 'Write', ...writeLocalFile(downloaded) },
			]),
		);
		const uploads = await measureDirection(
			variant,
			'upload',
			bytes,
			async () => {
				const run = await runMeasured(n8n, uploadWorkflow.id, 'upload', 'Read');
				await assertSameFile(join(diskFolder, 'n8n.bin'), sha256);
				return run;
			},
			async () => {
				const seconds = await timeAsync(sftpPut);
				await assertSameFile(join(diskFolder, 'sftp.bin'), sha256);
				return seconds;
			},
		);
		const downloads = await measureDirection(
			variant,
			'download',
			bytes,
			async () => await checkedDownload(async () => await runMeasured(n8n, downloadWorkflow.id, 'download', 'Write')),
			async () => await checkedDownload(async () => await timeAsync(sftpGet)),
		);
		return {
			uploads,
			downloads,
			summary: [
				throughputRow(variant, 'upload', bytes, uploads),
				throughputRow(variant, 'download', bytes, downloads),
				memoryRow(variant, 'upload', bytes, uploads),
				memoryRow(variant, 'download', bytes, downloads),
			],
			rounds: [
				...uploads.map((round, index) => roundRow(variant, 'upload', bytes, round, index)),
				...downloads.map((round, index) => roundRow(variant, 'download', bytes, round, index)),
			],
		};
	};
	const measured = [];
	for (const variant of VARIANTS) measured.push(await measureVariant(variant));

	const allUploads = measured.flatMap((variant) => variant.uploads);
	const allDownloads = measured.flatMap((variant) => variant.downloads);
	return {
		rows: [
			...measured.flatMap((variant) => variant.summary),
			diskNodeRow('Read', bytes, allUploads),
			diskNodeRow('Write', bytes, allDownloads),
			...measured.flatMap((variant) => variant.rounds),
		],
		notes: [
			`n8n ${n8n.version} with N8N_DEFAULT_BINARY_DATA_MODE=filesystem. Upload: Read/Write Files from Disk reads the file into binary data (not timed), File Exchange uploads it (timed: the node's own execution time). Download: File Exchange downloads into binary data (timed), Read/Write Files from Disk writes it out (not timed).`,
			'The reference is OpenSSH `sftp -b` putting and getting the same file on the same server, connect included. Loopback only: with 20 ms added each way a 1 GiB run would not stay within the benchmark\'s time bound through the delaying proxy.',
			`Measured side by side: ${ROUNDS} rounds per direction, each a pair of one run of ours and one of sftp right after each other (ours first in odd rounds, sftp first in even ones), so both meet the same background load of this shared 2-core machine; the ratio is the median of the pairs' ratios. The round rows give every pair and the one-minute load average after it.`,
			`Two ways of moving the file, measured one after the other: File Exchange as it comes (the transfer on the node's one SSH connection, in n8n's main thread) and with its connection option Large Files on Own Thread (files of 32 MiB and more move on a worker thread with an SSH connection of its own: an upload reads n8n's binary data file itself, a download goes into a temporary file that n8n's main thread streams into binary data as it grows).`,
			"The comparison rows time n8n's own Read/Write Files from Disk node in the same runs (it reads the file into binary data before each upload and writes the downloaded binary data out after each download): the speed at which n8n itself takes bytes into binary data from local disk bounds every download node, since n8n's main thread has to receive each byte (each new buffer there costs garbage collection in n8n's large heap).",
			'RSS: /proc/<pid>/status VmRSS of the n8n main process, sampled every 100 ms during the run, highest value minus the value before it. Checked after every run, before its time counts: SHA-256 of the uploaded or downloaded copy equals the original\'s.',
		],
	};
}

export const largeFilesBenchmark: Benchmark = {
	name: 'large-files',
	title: 'Large files through n8n',
	async run({ quick }: BenchOptions): Promise<BenchResult> {
		const bytes = quick ? QUICK_FILE_BYTES : FULL_FILE_BYTES;
		const sftp = await startBenchSftpServer();
		const { info } = sftp;
		try {
			const n8n = await startBenchN8n({ N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem' });
			try {
				const session = await openOpensshSession(info, info.port);
				try {
					const result = await measure(n8n, info, session, bytes);
					if (quick) result.notes.unshift(`--quick: ${sizeLabel(bytes)} files; the full benchmark moves ${sizeLabel(FULL_FILE_BYTES)}.`);
					return result;
				} finally {
					await session.dispose();
				}
			} finally {
				await n8n.stop();
			}
		} finally {
			await sftp.stop();
		}
	},
};
