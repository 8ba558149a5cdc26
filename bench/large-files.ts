/**
 * Large files: 1 GiB upload and download through n8n (binary data in filesystem mode) with File
 * Exchange, against OpenSSH's `sftp` moving the same file over the same loopback link, and how far
 * the n8n process's resident memory rises meanwhile.
 */
import { chown, mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

import type { N8nClient, WorkflowFile } from '../test/e2e/n8n/client';
import type { SftpServerInfo } from '../test/servers/types';
import { assertSucceeded } from '../test/e2e/n8n/run-data';
import { timeAsync } from './measure';
import type { BenchResult, BenchRow, Benchmark } from './types';
import { startBenchN8n, type BenchN8n } from './n8n/instance';
import { peakRssGrowth } from './n8n/rss';
import { chainWorkflow, fileExchangeDownload, fileExchangeUpload, readLocalFile, writeLocalFile, type CredentialRef } from './n8n/workflows';
import { assertSameFile, writeRandomFile } from './transfer/large-file';
import { openOpensshSession, type OpensshSession } from './transfer/openssh-batch';
import { startBenchSftpServer } from './transfer/sftp-server';

const FILE_BYTES = 1024 ** 3;
const MIB = 1024 ** 2;
const SFTP_GOAL = 0.8;
const RSS_GOAL_BYTES = 100 * 1000 ** 2;
const RUN_TIMEOUT_MS = 600_000;

interface NodeRunMeasure {
	seconds: number;
	rssGrowthBytes: number;
}

/** Runs a workflow whose measured node is `Transfer`; its own time and the RSS rise count. */
async function runMeasured(n8n: BenchN8n, workflow: WorkflowFile): Promise<NodeRunMeasure> {
	const client: N8nClient = n8n.client;
	const { id } = await client.importWorkflow(workflow);
	const { result: execution, growthBytes } = await peakRssGrowth(n8n.pid, async () => await client.runManually(id, { timeoutMs: RUN_TIMEOUT_MS, pollMs: 500 }));
	assertSucceeded(execution);
	const [run] = (execution.data?.resultData.runData.Transfer ?? []) as Array<{ executionTime?: number }>;
	if (run?.executionTime === undefined) throw new Error(`${workflow.name}: no time recorded for the transfer node`);
	return { seconds: run.executionTime / 1000, rssGrowthBytes: growthBytes };
}

function mibPerSecond(seconds: number): string {
	return `${(FILE_BYTES / MIB / seconds).toFixed(0)} MiB/s`;
}

function throughputRow(direction: string, ours: NodeRunMeasure, sftpSeconds: number): BenchRow {
	const ratio = sftpSeconds / ours.seconds;
	return {
		measure: `1 GiB ${direction}, loopback: File Exchange in n8n vs sftp`,
		ours: mibPerSecond(ours.seconds),
		reference: mibPerSecond(sftpSeconds),
		ratio,
		goal: `≥ ${SFTP_GOAL}×`,
		met: ratio >= SFTP_GOAL,
	};
}

function memoryRow(direction: string, ours: NodeRunMeasure): BenchRow {
	return {
		measure: `n8n peak RSS growth during the 1 GiB ${direction}`,
		ours: `${(ours.rssGrowthBytes / 1000 ** 2).toFixed(0)} MB`,
		goal: `< ${RSS_GOAL_BYTES / 1000 ** 2} MB`,
		met: ours.rssGrowthBytes < RSS_GOAL_BYTES,
	};
}

/** The measured runs, their checks and the rows, with every server and the n8n instance up. */
async function measure(n8n: BenchN8n, info: SftpServerInfo, session: OpensshSession): Promise<BenchResult> {
	const diskFolder = join(info.root, 'large');
	const remoteFolder = `${info.remoteRoot}/large`;
	await mkdir(diskFolder, { recursive: true });
	const owner = await stat(info.root);
	await chown(diskFolder, owner.uid, owner.gid);
	const original = join(n8n.filesDir, 'original.bin');
	const sha256 = await writeRandomFile(original, FILE_BYTES);
	const credential: CredentialRef = await n8n.client.createCredential('Bench large SFTP', 'fileExchangeSftpApi', {
		host: info.host,
		port: info.port,
		username: info.username,
		privateKey: info.privateKey,
		hostKeys: info.hostKeys.map((key) => key.fingerprintSha256).join('\n'),
		acceptAnyHostKey: false,
	});
	const ref = { id: credential.id, name: credential.name };

	const upload = await runMeasured(
		n8n,
		chainWorkflow('Bench 1 GiB upload', [
			{ name: 'Read', ...readLocalFile(original) },
			{ name: 'Transfer', ...fileExchangeUpload(n8n.packageName, remoteFolder, `${remoteFolder}/n8n.bin`, ref) },
		]),
	);
	await assertSameFile(join(diskFolder, 'n8n.bin'), sha256);
	// Each reference runs right after its n8n counterpart, so both meet the same background load.
	const sftpPut = await timeAsync(await session.prepare([`put ${original} ${remoteFolder}/sftp.bin`]));
	await assertSameFile(join(diskFolder, 'sftp.bin'), sha256);

	const downloaded = join(n8n.filesDir, 'downloaded.bin');
	const download = await runMeasured(
		n8n,
		chainWorkflow('Bench 1 GiB download', [
			{ name: 'Transfer', ...fileExchangeDownload(n8n.packageName, `${remoteFolder}/n8n.bin`, ref) },
			{ name: 'Write', ...writeLocalFile(downloaded) },
		]),
	);
	await assertSameFile(downloaded, sha256);
	await rm(downloaded);

	const sftpGet = await timeAsync(await session.prepare([`get ${remoteFolder}/n8n.bin ${downloaded}`]));
	await assertSameFile(downloaded, sha256);

	return {
		rows: [
			throughputRow('upload', upload, sftpPut),
			throughputRow('download', download, sftpGet),
			memoryRow('upload', upload),
			memoryRow('download', download),
		],
		notes: [
			`n8n ${n8n.version} with N8N_DEFAULT_BINARY_DATA_MODE=filesystem. Upload: Read/Write Files from Disk reads the file into binary data (not timed), File Exchange uploads it (timed: the node's own execution time). Download: File Exchange downloads into binary data (timed), Read/Write Files from Disk writes it out (not timed).`,
			'The reference is OpenSSH `sftp -b` putting and getting the same file on the same server, connect included. Loopback only: with 20 ms added each way a 1 GiB run would not stay within the benchmark\'s time bound through the delaying proxy.',
			'RSS: /proc/<pid>/status VmRSS of the n8n main process, sampled every 100 ms during the run, highest value minus the value before it. Checked before the time counts: SHA-256 of every uploaded and downloaded copy equals the original\'s.',
		],
	};
}

export const largeFilesBenchmark: Benchmark = {
	name: 'large-files',
	title: 'Large files through n8n',
	async run(): Promise<BenchResult> {
		const sftp = await startBenchSftpServer();
		const { info } = sftp;
		try {
			const n8n = await startBenchN8n({ N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem' });
			try {
				const session = await openOpensshSession(info, info.port);
				try {
					return await measure(n8n, info, session);
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
