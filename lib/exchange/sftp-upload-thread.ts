import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { MessageChannel, Worker, type MessagePort } from 'node:worker_threads';

import type { WrittenFile } from './base-client';
import { ExchangeError, type ExchangeErrorKind } from './errors';
import type { SftpConnectionOptions } from './sftp-connection';
import { sendStream } from './thread-stream';

/**
 * A large upload sends its bytes from a thread of its own, over a connection of its own: SSH's
 * per-packet work then runs beside the n8n process's main thread instead of on it, and its
 * short-lived buffers are collected in the thread's small heap instead of n8n's large one.
 */
export interface ThreadUploadData {
	options: SftpConnectionOptions;
	path: string;
	mode?: number;
	/** Where the file's bytes arrive (thread-stream). */
	port: MessagePort;
}

export interface ThreadWritten {
	bytes: number;
	modeSet: boolean;
	modeError?: string;
}

export type ThreadOutcome = { done: ThreadWritten } | { failed: { kind: ExchangeErrorKind; message: string } };

/**
 * Upload threads (and with them extra SSH connections) at most at once in this process: one per core,
 * and no more than 4, since OpenSSH's default MaxStartups starts refusing logins beyond 10 at once.
 */
const MAX_UPLOAD_THREADS = Math.min(4, Math.max(2, availableParallelism()));

let runningThreads = 0;
const waitingForThread: Array<() => void> = [];

async function threadSlot(): Promise<void> {
	if (runningThreads < MAX_UPLOAD_THREADS) {
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

/** Compiled, the worker is the .js file beside this one; under the test runner both are TypeScript, loaded through tsx. */
function startWorker(data: ThreadUploadData): Worker {
	const extension = extname(__filename);
	let worker: Worker | undefined;
	try {
		worker = new Worker(join(__dirname, `sftp-upload-worker${extension}`), {
			workerData: data,
			transferList: [data.port],
			execArgv: extension === '.ts' ? ['--import', 'tsx'] : [],
		});
	} finally {
		// A thread that never started gives its slot back at once; a started one when it exits.
		if (worker) worker.once('exit', releaseThreadSlot);
		else releaseThreadSlot();
	}
	return worker;
}

/** What the thread reports at its end: its result, or its error as the ExchangeError it was. */
async function outcomeOf(worker: Worker): Promise<ThreadWritten> {
	return await new Promise<ThreadWritten>((resolve, reject) => {
		worker.once('message', (message: ThreadOutcome) => {
			if ('done' in message) resolve(message.done);
			else reject(new ExchangeError(message.failed.kind, message.failed.message));
		});
		worker.once('error', (error) =>
			reject(new ExchangeError('other', `the upload thread failed: ${error.message}`, { cause: error })),
		);
		worker.once('exit', (code) =>
			reject(new ExchangeError('other', `the upload thread ended (exit code ${code}) before the upload was done`)),
		);
	});
}

function written(result: ThreadWritten): WrittenFile {
	return {
		bytes: result.bytes,
		modeSet: result.modeSet,
		modeError: result.modeError ? new Error(result.modeError) : undefined,
	};
}

/** Writes `content` to `path` (mode set on the open file) from a thread with its own connection. */
export async function writeInThread(
	options: SftpConnectionOptions,
	path: string,
	content: Readable,
	mode: number | undefined,
): Promise<WrittenFile> {
	await threadSlot();
	const channel = new MessageChannel();
	const worker = startWorker({ options, path, mode, port: channel.port2 });
	let threadFailure: unknown;
	const outcome = outcomeOf(worker);
	// A thread that failed (refused open, lost connection) stops reading: the sender must not wait for it.
	outcome.catch((error: unknown) => {
		threadFailure = error;
		channel.port1.close();
	});
	try {
		await sendStream(content, channel.port1);
		return written(await outcome);
	} catch (error) {
		content.destroy();
		throw threadFailure ?? error;
	} finally {
		channel.port1.close();
		await worker.terminate();
	}
}
