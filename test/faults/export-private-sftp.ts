/**
 * An OpenSSH SFTP server of the export test's own, so it can be killed and restarted without
 * disturbing other test files, and its internal-sftp log holds this test's writes only.
 */
import { rm } from 'node:fs/promises';

import { cleanUpOnFailure } from '../support/servers/cleanup';
import { createRunDir } from '../support/servers/run-dir';
import { startSftpServer, type RunningSftpServer } from '../support/servers/sftp-server';
import { ensureTestUser } from '../support/servers/test-user';

const HOST = '127.0.0.1';

export async function startPrivateSftpServer(): Promise<RunningSftpServer> {
	const runDir = await createRunDir();
	const removeRunDir = async () => await rm(runDir, { recursive: true, force: true });
	const server = await cleanUpOnFailure(async () => await startSftpServer(runDir, HOST, ensureTestUser()), removeRunDir);
	return {
		...server,
		stop: async () => {
			await server.stop();
			await removeRunDir();
		},
	};
}
