import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { workerData } from 'node:worker_threads';

import { SftpExchangeClient } from './sftp-client';
import type { ThreadUploadData, ThreadWritten } from './sftp-upload-thread';
import { receiveStream } from './thread-stream';
import { postOutcome } from './transfer-threads';

/** One SFTP request's worth per read: 1 MiB reads moved no faster and raised the peak memory by some 15 MB. */
const LOCAL_READ_BYTES = 256 * 1024;

function contentOf(source: ThreadUploadData['source']): Readable {
	if ('port' in source) return receiveStream(source.port);
	return createReadStream(source.localFile, { highWaterMark: LOCAL_READ_BYTES });
}

/** The thread side of sftp-upload-thread: one connection, one file written, one outcome message. */
async function upload({ options, path, mode, source }: ThreadUploadData): Promise<ThreadWritten> {
	const client = new SftpExchangeClient(options);
	try {
		await client.connect();
		const result = await client.writeStream(path, contentOf(source), mode);
		return { bytes: result.bytes, modeSet: result.modeSet, modeError: result.modeError?.message };
	} finally {
		await client.close();
	}
}

postOutcome(upload(workerData as ThreadUploadData));
