import { parentPort, workerData } from 'node:worker_threads';

import { ExchangeError } from './errors';
import { SftpExchangeClient } from './sftp-client';
import type { ThreadOutcome, ThreadUploadData, ThreadWritten } from './sftp-upload-thread';
import { receiveStream } from './thread-stream';

/** The thread side of sftp-upload-thread: one connection, one file written, one outcome message. */
async function upload({ options, path, mode, port }: ThreadUploadData): Promise<ThreadWritten> {
	const client = new SftpExchangeClient(options);
	try {
		await client.connect();
		const result = await client.writeStream(path, receiveStream(port), mode);
		return { bytes: result.bytes, modeSet: result.modeSet, modeError: result.modeError?.message };
	} finally {
		await client.close();
	}
}

upload(workerData as ThreadUploadData).then(
	(done) => parentPort?.postMessage({ done } satisfies ThreadOutcome),
	(error: unknown) => {
		const failed =
			error instanceof ExchangeError
				? { kind: error.kind, message: error.message }
				: { kind: 'other' as const, message: error instanceof Error ? error.message : String(error) };
		parentPort?.postMessage({ failed } satisfies ThreadOutcome);
	},
);
