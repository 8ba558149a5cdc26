import { parentPort, workerData } from 'node:worker_threads';

import { ExchangeError } from './errors';
import { SftpExchangeClient } from './sftp-client';
import type { ThreadOutcome, ThreadTransferData, ThreadWritten } from './sftp-transfer-thread';
import { receiveStream, sendStream } from './thread-stream';

/** The thread side of sftp-transfer-thread: one connection, one transfer, one outcome message. */
async function transfer({ options, job, port }: ThreadTransferData): Promise<ThreadWritten> {
	const client = new SftpExchangeClient(options);
	try {
		await client.connect();
		if (job.kind === 'write') {
			const result = await client.writeStream(job.path, receiveStream(port), job.mode);
			return {
				bytes: result.bytes,
				modeSet: result.modeSet,
				modeError: result.modeError?.message,
			};
		}
		await sendStream(client.readStream(job.path, job.size), port);
		return { bytes: job.size, modeSet: false };
	} finally {
		await client.close();
	}
}

transfer(workerData as ThreadTransferData).then(
	(done) => parentPort?.postMessage({ done } satisfies ThreadOutcome),
	(error: unknown) => {
		const failed =
			error instanceof ExchangeError
				? { kind: error.kind, message: error.message }
				: {
						kind: 'other' as const,
						message: error instanceof Error ? error.message : String(error),
					};
		parentPort?.postMessage({ failed } satisfies ThreadOutcome);
	},
);
