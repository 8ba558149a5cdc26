import { beforeAll, afterAll } from 'vitest';

import { SftpExchangeClient } from '../../../lib/exchange/sftp/sftp-client';
import type { SftpConnectionOptions } from '../../../lib/exchange/sftp/sftp-connection';
import { remoteJoin, sftpOptions, testServers, uniqueName } from './helpers';

export interface SftpSession {
	client: SftpExchangeClient;
	/** A fresh folder (mode 755) of the test file's own on the OpenSSH test server. */
	base: string;
}

/** One connected client per test file, with its own folder; closed after the file's tests. */
export function useSftpSession(prefix: string, overrides: Partial<SftpConnectionOptions> = {}): SftpSession {
	const session = {} as SftpSession;
	beforeAll(async () => {
		const info = testServers().sftp;
		session.client = new SftpExchangeClient(sftpOptions(info, overrides));
		await session.client.connect();
		session.base = remoteJoin(info.remoteRoot, uniqueName(prefix));
		await session.client.mkdirp(session.base, 0o755);
	});
	afterAll(async () => {
		await session.client?.close();
	});
	return session;
}
