import type { Readable } from 'node:stream';

import { GrowingFileReadStream } from './growing-file-read-stream';
import { openScratchFile, type ScratchFile } from './scratch-file';
import type { SftpConnectionOptions } from '../sftp/sftp-connection';
import { outcomeOf, startTransferThread } from './transfer-threads';

export interface ThreadDownloadData {
	options: SftpConnectionOptions;
	path: string;
	/** Descriptor of the scratch file the thread writes the download into. */
	fd: number;
}

/** The thread's progress: bytes written to the scratch file so far. */
export interface ThreadDownloadProgress {
	written: number;
}

export interface ThreadDownloaded {
	bytes: number;
}

/**
 * Downloads `path` on a thread with its own connection (transfer-threads) into a scratch file, and
 * streams that file to the caller as it grows. The thread never waits for the caller, and the caller's
 * thread only reads large chunks from a local file: a busy caller (n8n's main thread) slows neither
 * the network nor the server. The scratch file takes up to the file's size of temporary space.
 * Rejects only when the thread could not start (no scratch file, no thread): nothing was read then.
 */
export async function readInThread(options: SftpConnectionOptions, path: string): Promise<Readable> {
	let scratch: ScratchFile | undefined;
	const worker = await startTransferThread('sftp-download-worker', async () => {
		scratch = await openScratchFile();
		return { data: { options, path, fd: scratch.handle.fd } satisfies ThreadDownloadData };
	}).catch(async (error: unknown) => {
		await scratch?.close();
		throw error;
	});
	const file = scratch as ScratchFile;
	const stream = new GrowingFileReadStream(file.handle);
	worker.on('message', (message: Partial<ThreadDownloadProgress>) => {
		if (typeof message.written === 'number') stream.grew(message.written);
	});
	outcomeOf<ThreadDownloaded>(worker).then(
		(done) => stream.ended(done.bytes),
		(error: unknown) => stream.destroy(error as Error),
	);
	stream.once('close', () => {
		void worker.terminate().finally(async () => await file.close().catch(() => undefined));
	});
	return stream;
}
