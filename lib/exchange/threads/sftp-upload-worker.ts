import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { workerData } from 'node:worker_threads';

import { ExchangeError } from '../errors';
import { SftpExchangeClient } from '../sftp/sftp-client';
import type { ThreadUploadData, ThreadWritten } from './sftp-upload-thread';
import { receiveStream } from './thread-stream';
import { postOutcome } from './transfer-threads';

/** One SFTP request's worth per read: 1 MiB reads moved no faster and raised the peak memory by some 15 MB. */
const LOCAL_READ_BYTES = 256 * 1024;

/** The bytes to upload, and a local read failure if there was one, so that it is reported as local. */
function contentOf(source: ThreadUploadData['source']): { content: Readable; localFailure: () => Error | undefined } {
	if ('port' in source) return { content: receiveStream(source.port), localFailure: () => undefined };
	let failure: Error | undefined;
	const content = createReadStream(source.localFile, { highWaterMark: LOCAL_READ_BYTES });
	content.once('error', (error) => (failure = error));
	return { content, localFailure: () => failure };
}

/** The thread side of sftp-upload-thread: one connection, one file written, one outcome message. */
async function upload({ options, path, mode, source }: ThreadUploadData): Promise<ThreadWritten> {
	const client = new SftpExchangeClient(options);
	try {
		await client.connect();
		const { content, localFailure } = contentOf(source);
		const result = await client.writeStream(path, content, mode).catch((error: unknown) => {
			const readFailure = localFailure();
			if (!readFailure) throw error;
			throw new ExchangeError('other', `upload ${path}: reading n8n's binary data file failed: ${readFailure.message}`, {
				cause: readFailure,
			});
		});
		return { bytes: result.bytes, modeSet: result.modeSet, modeError: result.modeError?.message };
	} finally {
		await client.close();
	}
}

postOutcome(upload(workerData as ThreadUploadData));
