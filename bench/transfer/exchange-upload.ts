import { Readable } from 'node:stream';
import { posix } from 'node:path';

import { mapWithConcurrency } from '../../lib/exchange/pool';
import { SftpExchangeClient } from '../../lib/exchange/sftp/sftp-client';
import type { SftpServerInfo } from '../../test/support/servers/types';
import type { PayloadFile } from './payload';

/**
 * Atomic uploads (`.part`, rename, chmod) through lib/exchange, the way the File Exchange node runs
 * them: one connection, `maxParallelTransfers` uploads in flight. Connecting is part of the run.
 */
export async function uploadWithExchange(
	server: SftpServerInfo,
	port: number,
	remoteFolder: string,
	payload: PayloadFile[],
	mode: number,
): Promise<void> {
	const client = new SftpExchangeClient({
		host: server.host,
		port,
		username: server.username,
		privateKey: server.privateKey,
		hostKeys: server.hostKeys.map((key) => key.fingerprintSha256).join('\n'),
	});
	await client.connect();
	try {
		await mapWithConcurrency(payload.length, client.maxParallelTransfers, async (index) => {
			const file = payload[index];
			await client.upload(() => Readable.from([file.content]), posix.join(remoteFolder, file.name), {
				atomic: true,
				mode,
				onConflict: 'overwrite',
				size: file.content.length,
			});
		});
	} finally {
		await client.close();
	}
}
