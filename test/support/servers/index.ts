import { rm } from 'node:fs/promises';
import { join } from 'node:path';

import { cleanUpOnFailure } from './cleanup';
import { startFtpSrv } from './ftp-srv-server';
import { generateTlsCertificate } from './keys';
import { assertServerPrerequisites } from './preflight';
import { createRunDir } from './run-dir';
import { startSftpServer } from './sftp-server';
import { ensureFtpPamService, ensureTestUser } from './test-user';
import type { RunningTestServers } from './types';
import { startVsftpd } from './vsftpd-server';

export type * from './types';

const HOST = '127.0.0.1';

interface Stoppable {
	stop(): Promise<void>;
}

/** Waits for every start; after any failure, stops whatever did start and throws the failures. */
async function startAll<T extends Stoppable[]>(starts: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
	const results = await Promise.allSettled(starts);
	const started = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
	const failures = [
		...new Set(results.flatMap((result) => (result.status === 'rejected' ? [result.reason as Error] : []))),
	];
	if (failures.length > 0) {
		await Promise.allSettled(started.map(async (server) => await server.stop()));
		throw failures.length === 1
			? failures[0]
			: new AggregateError(failures, failures.map((error) => error.message).join('\n'));
	}
	return started as T;
}

async function startServersIn(runDir: string) {
	const userReady = ensureTestUser();
	const pamServiceReady = ensureFtpPamService();
	const certificateReady = generateTlsCertificate(join(runDir, 'ftp-cert.pem'), join(runDir, 'ftp-key.pem'), HOST);
	const startVsftpdWith = async (tls: 'explicit' | 'implicit' | 'none') =>
		await startVsftpd({
			runDir,
			host: HOST,
			tls,
			user: await userReady,
			pamService: await pamServiceReady,
			certificate: await certificateReady,
		});
	return await startAll([
		startSftpServer(runDir, HOST, userReady),
		Promise.all([userReady, certificateReady]).then(
			async ([user, certificate]) => await startFtpSrv(runDir, HOST, user, certificate),
		),
		startVsftpdWith('explicit'),
		startVsftpdWith('implicit'),
		startVsftpdWith('none'),
	]);
}

/**
 * Starts OpenSSH (SFTP), ftp-srv and three vsftpd instances on 127.0.0.1, each on free ports, with
 * keys and certificates made for this run. Needs root; see scripts/install-test-deps.sh.
 */
export async function startTestServers(): Promise<RunningTestServers> {
	await assertServerPrerequisites();
	const runDir = await createRunDir();
	const removeRunDir = async () => await rm(runDir, { recursive: true, force: true });
	const servers = await cleanUpOnFailure(async () => await startServersIn(runDir), removeRunDir);
	const [sftp, ftpSrv, vsftpdExplicit, vsftpdImplicit, vsftpdPlain] = servers;

	let stopped: Promise<void> | undefined;
	const stopAll = async () => {
		await Promise.allSettled(servers.map(async (server) => await server.stop()));
		await removeRunDir();
	};
	return {
		sftp: sftp.info,
		ftp: {
			ftpSrv: ftpSrv.info,
			vsftpdExplicit: vsftpdExplicit.info,
			vsftpdImplicit: vsftpdImplicit.info,
			vsftpdPlain: vsftpdPlain.info,
		},
		stop: async () => await (stopped ??= stopAll()),
	};
}
