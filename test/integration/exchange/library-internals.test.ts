/**
 * The exchange clients read three things their libraries keep without documenting them. Each test
 * here fails when the library drops or changes one, instead of the transfer code silently falling
 * back (32 KiB SFTP requests) or racing (an FTPS upload closed mid-handshake).
 */
import { Readable } from 'node:stream';
import { TLSSocket } from 'node:tls';
import { Client, type FTPContext } from 'basic-ftp';
import { describe, expect, it } from 'vitest';

import { enterActiveMode } from '../../../lib/exchange/ftp/ftp-active-mode';
import { connectSftp } from '../../../lib/exchange/sftp/sftp-connection';
import { maxReadBytes, maxWriteBytes, PORTABLE_DATA_BYTES } from '../../../lib/exchange/sftp/sftp-request-limits';
import { remoteJoin, sftpOptions, testServers, uniqueName } from './helpers';

describe('ssh2', () => {
	it('keeps the request limits OpenSSH negotiates in _maxWriteLen and _maxReadLen', async () => {
		const { client, sftp } = await connectSftp(sftpOptions(testServers().sftp));
		try {
			expect(sftp).toHaveProperty('_maxWriteLen');
			expect(sftp).toHaveProperty('_maxReadLen');
			// OpenSSH accepts requests far above the portable 32 KiB; a lost internal would give 32 KiB.
			expect(maxWriteBytes(sftp)).toBeGreaterThan(PORTABLE_DATA_BYTES);
			expect(maxReadBytes(sftp)).toBeGreaterThan(PORTABLE_DATA_BYTES);
		} finally {
			client.end();
		}
	});
});

/** Uploads `content` with a plain basic-ftp client, giving `onRead` the context while the content is read. */
async function uploadWatching(
	key: 'vsftpdExplicit' | 'vsftpdPlain',
	onRead: (ftp: FTPContext) => void,
	prepareTransfer?: (ftp: FTPContext) => ReturnType<typeof enterActiveMode>,
): Promise<void> {
	const info = testServers().ftp[key];
	const client = new Client(10_000);
	try {
		await client.access({
			host: info.host,
			port: info.port,
			user: info.username,
			password: info.password,
			secure: info.tls === 'explicit',
			secureOptions: info.ca ? { ca: info.ca } : undefined,
		});
		if (prepareTransfer) client.prepareTransfer = prepareTransfer;
		let read = false;
		const content = new Readable({
			read() {
				if (!read) onRead(client.ftp);
				this.push(read ? null : Buffer.from('<Invoice/>'));
				read = true;
			},
		});
		await client.uploadFrom(content, remoteJoin(info.remoteRoot, `${uniqueName('internals')}.xml`));
	} finally {
		client.close();
	}
}

describe('basic-ftp', () => {
	it("keeps an FTPS upload's data connection in FTPContext.dataSocket while the content is read", async () => {
		let dataSocket: unknown;
		await uploadWatching('vsftpdExplicit', (ftp) => {
			dataSocket = ftp.dataSocket;
		});
		// ftpUploadChunks waits on this socket's TLS handshake before it ends the content.
		expect(dataSocket).toBeInstanceOf(TLSSocket);
	});

	it('transfers over the socket a prepareTransfer strategy puts in FTPContext.dataSocket', async () => {
		let prepared: unknown;
		let used: unknown;
		await uploadWatching(
			'vsftpdPlain',
			(ftp) => {
				used = ftp.dataSocket;
			},
			async (ftp) => {
				const response = await enterActiveMode(ftp);
				prepared = ftp.dataSocket;
				return response;
			},
		);
		// Active mode hands basic-ftp its data connection this way; basic-ftp has no public setter for it.
		expect(prepared).toBeDefined();
		expect(used).toBe(prepared);
	});
});
