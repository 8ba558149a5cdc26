/**
 * Small files: 1,000 × 30 KB atomic uploads with mode 664 to the real OpenSSH server, through
 * lib/exchange and through OpenSSH's `sftp -b` doing the same operations, on loopback and with
 * 20 ms added each way: by `tc netem` in a network namespace when the kernel has it, else by a
 * delaying TCP proxy.
 */
import type { BenchResult, BenchRow, Benchmark } from './types';
import { compareOnLink, type LinkRun } from './transfer/compare-on-link';
import { startDelayProxy } from './transfer/delay-proxy';
import { probeNetem } from './transfer/link';
import { runLinkInNetemNamespace } from './transfer/netns';
import { startBenchSftpServer, type BenchSftpServer } from './transfer/sftp-server';

const ADDED_DELAY_MS = 20;
const LOOPBACK: Omit<LinkRun, 'port'> = { label: 'loopback', files: 1000, rounds: 2 };
// `sftp -b` waits for every reply, several round trips per file: 100 files keep the run bounded.
const DELAYED: Omit<LinkRun, 'port'> = { label: `+${ADDED_DELAY_MS} ms each way`, files: 100, rounds: 1 };

async function throughDelayProxy(bench: BenchSftpServer, link: Omit<LinkRun, 'port'>): Promise<BenchRow> {
	const proxy = await startDelayProxy(bench.info.host, bench.info.port, ADDED_DELAY_MS);
	try {
		return await compareOnLink(bench, { ...link, port: proxy.port });
	} finally {
		await proxy.close();
	}
}

export const smallFilesBenchmark: Benchmark = {
	name: 'small-files',
	title: 'Small files to OpenSSH',
	async run(): Promise<BenchResult> {
		const netem = await probeNetem();
		const bench = await startBenchSftpServer();
		try {
			const loopback = await compareOnLink(bench, { ...LOOPBACK, port: bench.info.port });
			const delayed = netem.available
				? await runLinkInNetemNamespace(ADDED_DELAY_MS, DELAYED)
				: await throughDelayProxy(bench, DELAYED);
			const method = netem.available
				? `tc netem on the loopback of a network namespace made for the run (${netem.detail})`
				: `the delaying TCP proxy in bench/transfer/delay-proxy.ts, because ${netem.detail}`;
			return {
				rows: [loopback, delayed],
				notes: [
					`Added latency (${ADDED_DELAY_MS} ms per direction) by ${method}. \`sftp -b\` waits for every reply, several round trips per file, so that row uses ${DELAYED.files} files.`,
					`Each side connects and authenticates inside its timed run; lib/exchange keeps its default transfers in flight on one connection, \`sftp -b\` runs its batch one command at a time. Best of ${LOOPBACK.rounds} interleaved rounds on loopback.`,
					'Checked after every run, before its time counts: exactly the uploaded files on the server disk, byte-identical, mode 664, no `.part` left.',
					'The server is the test suite\'s OpenSSH sshd (chrooted non-root user, internal-sftp logging every operation).',
				],
			};
		} finally {
			await bench.stop();
		}
	},
};
