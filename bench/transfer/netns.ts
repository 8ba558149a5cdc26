import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

import type { BenchRow } from '../types';
import type { LinkRun } from './compare-on-link';

const TSX = join(__dirname, '..', '..', 'node_modules', 'tsx', 'dist', 'cli.mjs');
const CHILD = join(__dirname, 'namespace-child.ts');
const CHILD_TIMEOUT_MS = 900_000;

/**
 * Runs one link comparison in a fresh network namespace whose loopback delays every packet by
 * `delayMs` (`tc netem`): a packet crosses `lo` once, so each direction gets the delay. The child
 * starts its own sshd inside the namespace and prints the row as JSON on its last line.
 */
export async function runLinkInNetemNamespace(delayMs: number, link: Omit<LinkRun, 'port'>): Promise<BenchRow> {
	const setup = `ip link set lo up && tc qdisc add dev lo root netem delay ${delayMs}ms && exec "$@"`;
	const { stdout } = await promisify(execFile)(
		'unshare',
		['--net', 'sh', '-c', setup, 'bench-netns', process.execPath, TSX, CHILD, JSON.stringify(link)],
		{ timeout: CHILD_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 },
	);
	const last = stdout.trim().split('\n').pop() ?? '';
	return JSON.parse(last) as BenchRow;
}
