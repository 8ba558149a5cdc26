import { pipeline } from 'node:stream/promises';
import { parentPort, workerData } from 'node:worker_threads';

import { ScratchFileWriter } from './scratch-file';
import { SftpExchangeClient } from '../sftp/sftp-client';
import type { ThreadDownloadData, ThreadDownloaded, ThreadDownloadProgress } from './sftp-download-thread';
import { postOutcome } from './transfer-threads';

/** The thread side of sftp-download-thread: one connection, one file read into the scratch file, one outcome. */
async function download({ options, path, fd }: ThreadDownloadData): Promise<ThreadDownloaded> {
	// This thread's own client moves the file itself, never on yet another thread.
	const client = new SftpExchangeClient({ ...options, uploadThreadMinBytes: undefined, downloadThreadMinBytes: undefined });
	try {
		await client.connect();
		const file = new ScratchFileWriter(fd, `download ${path}`, (written) =>
			parentPort?.postMessage({ written } satisfies ThreadDownloadProgress),
		);
		await pipeline(await client.download(path), file);
		return { bytes: file.bytes };
	} finally {
		await client.close();
	}
}

postOutcome(download(workerData as ThreadDownloadData));
