import type { Readable } from 'node:stream';
import { MessageChannel, type MessagePort } from 'node:worker_threads';

import type { WrittenFile } from '../base-client';
import type { SftpConnectionOptions } from '../sftp/sftp-connection';
import { sendStream } from './thread-stream';
import { outcomeOf, startTransferThread } from './transfer-threads';

export interface ThreadUploadData {
	options: SftpConnectionOptions;
	path: string;
	mode?: number;
	/** Where the file's bytes arrive (thread-stream), or the local file the thread reads them from itself. */
	source: { port: MessagePort } | { localFile: string };
}

/** What a thread uploads: a stream this thread passes on, or a local file the upload thread reads. */
export type ThreadUploadSource = Readable | { localFile: string };

export interface ThreadWritten {
	bytes: number;
	modeSet: boolean;
	modeError?: string;
}

function written(result: ThreadWritten): WrittenFile {
	return {
		bytes: result.bytes,
		modeSet: result.modeSet,
		modeError: result.modeError ? new Error(result.modeError) : undefined,
	};
}

/** Writes `content` to `path` (mode set on the open file) from a thread with its own connection (transfer-threads). */
export async function writeInThread(
	options: SftpConnectionOptions,
	path: string,
	content: ThreadUploadSource,
	mode: number | undefined,
): Promise<WrittenFile> {
	if (!('pipe' in content)) {
		const worker = await startTransferThread('sftp-upload-worker', () => ({ data: { options, path, mode, source: content } }));
		try {
			return written(await outcomeOf<ThreadWritten>(worker));
		} finally {
			await worker.terminate();
		}
	}
	const channel = new MessageChannel();
	const data: ThreadUploadData = { options, path, mode, source: { port: channel.port2 } };
	const worker = await startTransferThread('sftp-upload-worker', () => ({ data, transferList: [channel.port2] }));
	let threadFailure: unknown;
	const outcome = outcomeOf<ThreadWritten>(worker);
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
