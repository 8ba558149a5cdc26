/**
 * Small files: 1,000 × 30 KB atomic uploads with mode 664 to the real OpenSSH server, through
 * lib/exchange and through OpenSSH's `sftp -b` doing the same operations, on loopback and with
 * 20 ms added each way.
 */
import { chown, mkdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

import { perSecond } from './format';
import { timeAsync } from './measure';
import type { BenchResult, BenchRow, Benchmark } from './types';
import { startDelayProxy } from './transfer/delay-proxy';
import { uploadWithExchange } from './transfer/exchange-upload';
import { probeNetem } from './transfer/link';
import { prepareOpensshBatch } from './transfer/openssh-batch';
import { emptyFolder, makePayload, verifyUploaded } from './transfer/payload';
import { startBenchSftpServer, type BenchSftpServer } from './transfer/sftp-server';

const FILE_BYTES = 30 * 1024;
const MODE = 0o664;
const SFTP_BATCH_GOAL = 0.8;
const ADDED_DELAY_MS = 20;

interface LinkRun {
	label: string;
	port: number;
	files: number;
	rounds: number;
}

/** Best seconds of each side over interleaved rounds; every run is checked on disk before it counts. */
async function compareOnLink(bench: BenchSftpServer, link: LinkRun): Promise<BenchRow> {
	const { info } = bench;
	const payload = makePayload(link.files, FILE_BYTES);
	const remoteFolder = `${info.remoteRoot}/small-files`;
	const diskFolder = join(info.root, 'small-files');
	await mkdir(diskFolder, { recursive: true });
	const owner = await stat(info.root);
	await chown(diskFolder, owner.uid, owner.gid);
	const batch = await prepareOpensshBatch(info, link.port, remoteFolder, payload, MODE);
	const checkedRun = async (run: () => Promise<void>) => {
		await emptyFolder(diskFolder);
		const seconds = await timeAsync(run);
		await verifyUploaded(diskFolder, payload, MODE);
		return seconds;
	};
	let ours = Infinity;
	let reference = Infinity;
	try {
		for (let round = 0; round < link.rounds; round++) {
			ours = Math.min(ours, await checkedRun(async () => await uploadWithExchange(info, link.port, remoteFolder, payload, MODE)));
			reference = Math.min(reference, await checkedRun(batch.run));
		}
	} finally {
		await batch.dispose();
		await emptyFolder(diskFolder);
	}
	const ratio = reference / ours;
	return {
		measure: `${link.files} × 30 KB atomic, mode 664, ${link.label}: lib/exchange vs sftp -b`,
		ours: perSecond(link.files, ours, 'files'),
		reference: perSecond(link.files, reference, 'files'),
		ratio,
		goal: `≥ ${SFTP_BATCH_GOAL}×`,
		met: ratio >= SFTP_BATCH_GOAL,
	};
}

export const smallFilesBenchmark: Benchmark = {
	name: 'small-files',
	title: 'Small files to OpenSSH',
	async run(): Promise<BenchResult> {
		const netem = await probeNetem();
		const bench = await startBenchSftpServer();
		const proxy = await startDelayProxy(bench.info.host, bench.info.port, ADDED_DELAY_MS);
		try {
			const rows = [
				await compareOnLink(bench, { label: 'loopback', port: bench.info.port, files: 1000, rounds: 2 }),
				await compareOnLink(bench, { label: `+${ADDED_DELAY_MS} ms each way`, port: proxy.port, files: 100, rounds: 1 }),
			];
			return {
				rows,
				notes: [
					`Added latency through the delaying TCP proxy in bench/transfer/delay-proxy.ts (${ADDED_DELAY_MS} ms per direction); netem probe: ${netem.detail}${netem.available ? ' (no namespace runner for netem is written yet, so the proxy was used anyway)' : ''}. \`sftp -b\` waits for every reply, several round trips per file, so that row uses 100 files.`,
					'Each side connects and authenticates inside its timed run; lib/exchange keeps its default transfers in flight on one connection, `sftp -b` runs its batch one command at a time. Best of 2 interleaved rounds on loopback.',
					'Checked after every run, before its time counts: exactly the uploaded files on the server disk, byte-identical, mode 664, no `.part` left.',
					'The server is the test suite\'s OpenSSH sshd (chrooted non-root user, internal-sftp logging every operation).',
				],
			};
		} finally {
			await proxy.close();
			await bench.stop();
		}
	},
};
