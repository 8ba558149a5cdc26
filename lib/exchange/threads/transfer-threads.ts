import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import { parentPort, Worker, type TransferListItem } from 'node:worker_threads';

import { ExchangeError, type ExchangeErrorKind } from '../errors';

/**
 * A large transfer may run on a thread of its own, with an SSH connection of its own: SSH's per-packet
 * work then runs beside the n8n process's main thread instead of on it, and its short-lived buffers
 * are collected in the thread's small heap instead of n8n's large one.
 */

/** What a transfer thread posts at its end: its result, or its error as the ExchangeError it was. */
export type ThreadOutcome<T> = { done: T } | { failed: { kind: ExchangeErrorKind; message: string } };

/**
 * Transfer threads (and with them extra SSH connections) at most at once in this process: one per core,
 * and no more than 4, since OpenSSH's default MaxStartups starts refusing logins beyond 10 at once.
 */
const MAX_TRANSFER_THREADS = Math.min(4, Math.max(2, availableParallelism()));

const TRANSFER_THREAD_YOUNG_GENERATION_MB = 2;

let runningThreads = 0;
const waitingForThread: Array<() => void> = [];

async function threadSlot(): Promise<void> {
	if (runningThreads < MAX_TRANSFER_THREADS) {
		runningThreads++;
		return;
	}
	await new Promise<void>((resolve) => waitingForThread.push(resolve));
}

function releaseThreadSlot(): void {
	const next = waitingForThread.shift();
	if (next) next();
	else runningThreads--;
}

/** What a thread starts with: its data, and what of it moves to the thread (message ports). */
export interface ThreadStart {
	data: unknown;
	transferList?: TransferListItem[];
}

/**
 * Starts the worker script `name` beside this file once a slot is free; `prepare` makes its data only
 * then, so what it opens is not held while waiting. The slot is given back when the thread exits.
 * Compiled, the worker is a .js file; under the test runner it is TypeScript, loaded through tsx.
 */
export async function startTransferThread(name: string, prepare: () => Promise<ThreadStart> | ThreadStart): Promise<Worker> {
	await threadSlot();
	const extension = extname(__filename);
	let worker: Worker | undefined;
	try {
		const { data, transferList = [] } = await prepare();
		worker = new Worker(join(__dirname, `${name}${extension}`), {
			workerData: data,
			transferList,
			execArgv: extension === '.ts' ? ['--import', 'tsx'] : [],
			// A small young generation collects the per-packet buffers early: a 256 MiB upload's peak
			// memory measured 63–67 MB with it against 111–113 MB with V8's default, at the same speed.
			resourceLimits: { maxYoungGenerationSizeMb: TRANSFER_THREAD_YOUNG_GENERATION_MB },
		});
	} finally {
		if (worker) worker.once('exit', releaseThreadSlot);
		else releaseThreadSlot();
	}
	return worker;
}

function isOutcome<T>(message: unknown): message is ThreadOutcome<T> {
	return typeof message === 'object' && message !== null && ('done' in message || 'failed' in message);
}

/** The thread's result, or its failure as an ExchangeError; other messages it posts are left to other listeners. */
export async function outcomeOf<T>(worker: Worker): Promise<T> {
	return await new Promise<T>((resolve, reject) => {
		worker.on('message', (message: unknown) => {
			if (!isOutcome<T>(message)) return;
			if ('done' in message) resolve(message.done);
			else reject(new ExchangeError(message.failed.kind, message.failed.message));
		});
		worker.once('error', (error) =>
			reject(new ExchangeError('other', `the transfer thread failed: ${error.message}`, { cause: error })),
		);
		worker.once('exit', (code) =>
			reject(new ExchangeError('other', `the transfer thread ended (exit code ${code}) before the transfer was done`)),
		);
	});
}

/** The thread side: posts the job's result or error as its outcome. */
export function postOutcome<T>(job: Promise<T>): void {
	job.then(
		(done) => parentPort?.postMessage({ done } satisfies ThreadOutcome<T>),
		(error: unknown) => {
			const failed =
				error instanceof ExchangeError
					? { kind: error.kind, message: error.message }
					: { kind: 'other' as const, message: error instanceof Error ? error.message : String(error) };
			parentPort?.postMessage({ failed } satisfies ThreadOutcome<T>);
		},
	);
}
