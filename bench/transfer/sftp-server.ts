import { rm } from 'node:fs/promises';

import { createRunDir } from '../../test/support/servers/run-dir';
import { startSftpServer } from '../../test/support/servers/sftp-server';
import { ensureTestUser } from '../../test/support/servers/test-user';
import type { SftpServerInfo } from '../../test/support/servers/types';

export interface BenchSftpServer {
	info: SftpServerInfo;
	stop(): Promise<void>;
}

/** The test suite's OpenSSH server (real sshd, chrooted non-root user) without the FTP servers. */
export async function startBenchSftpServer(): Promise<BenchSftpServer> {
	if (process.getuid?.() !== 0) throw new Error('The transfer benchmarks start sshd and need root');
	const runDir = await createRunDir();
	try {
		const server = await startSftpServer(runDir, '127.0.0.1', ensureTestUser());
		return {
			info: server.info,
			stop: async () => {
				await server.stop();
				await rm(runDir, { recursive: true, force: true });
			},
		};
	} catch (error) {
		await rm(runDir, { recursive: true, force: true });
		throw error;
	}
}
