import { chmod, chown, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { cleanUpOnFailure } from './cleanup';
import { runChecked } from './command';
import { startDaemon, waitForPort } from './daemon';
import { describeHostKey, generateSshKey } from './keys';
import { findFreePort } from './ports';
import { startSyslogSink } from './syslog-sink';
import type { TestUser } from './test-user';
import type { SftpServerInfo } from './types';

export const SSHD_BINARY = '/usr/sbin/sshd';
// sshd's privilege separation directory; Debian creates it only when the service starts.
const PRIVSEP_DIR = '/run/sshd';
const REMOTE_ROOT = '/data';

export interface RunningSftpServer {
	info: SftpServerInfo;
	/**
	 * Kills sshd and every open session, as a crash would, and starts it again after `downtimeMs` on
	 * the same port, keys and log. For tests of a server that goes away mid-transfer.
	 */
	restart(downtimeMs?: number): Promise<void>;
	stop(): Promise<void>;
}

function sshdConfig(options: {
	host: string;
	port: number;
	hostKeyFiles: string[];
	pidFile: string;
	authorizedKeysDir: string;
	chrootDir: string;
	username: string;
}): string {
	return [
		`ListenAddress ${options.host}`,
		`Port ${options.port}`,
		...options.hostKeyFiles.map((file) => `HostKey ${file}`),
		`PidFile ${options.pidFile}`,
		`AuthorizedKeysFile ${options.authorizedKeysDir}/%u`,
		'StrictModes no',
		'UsePAM no',
		'PubkeyAuthentication yes',
		'PasswordAuthentication yes',
		'KbdInteractiveAuthentication no',
		'PermitRootLogin no',
		`AllowUsers ${options.username}`,
		// Tests open many sessions at once; sshd's default starts dropping unauthenticated ones at 10.
		'MaxStartups 100',
		'MaxSessions 100',
		'Subsystem sftp internal-sftp -l INFO',
		`Match User ${options.username}`,
		// The chroot is what lets internal-sftp's log reach a file: it logs only through syslog, to
		// /dev/log as seen from the chroot, where this run's sink listens.
		`\tChrootDirectory ${options.chrootDir}`,
		`\tForceCommand internal-sftp -l INFO -d ${REMOTE_ROOT}`,
		'\tAllowTcpForwarding no',
		'\tX11Forwarding no',
		'',
	].join('\n');
}

/**
 * OpenSSH sshd on `host`, SFTP only, for the non-root test user, in `runDir` (which, like every
 * folder above it, must be owned by root and not writable by others: sshd's rule for chroots).
 * Keys are generated while the test user is still being set up.
 */
export async function startSftpServer(
	runDir: string,
	host: string,
	userReady: Promise<TestUser>,
): Promise<RunningSftpServer> {
	const configDir = join(runDir, 'sshd');
	const authorizedKeysDir = join(runDir, 'sshd-authorized-keys');
	const chrootDir = join(runDir, 'sftp-chroot');
	const root = join(chrootDir, REMOTE_ROOT);
	await mkdir(configDir, { mode: 0o700 });
	// sshd reads authorized keys as the user, and the session runs as the user inside the chroot.
	await mkdir(authorizedKeysDir, { mode: 0o755 });
	await mkdir(join(chrootDir, 'dev'), { recursive: true, mode: 0o755 });
	await mkdir(root, { mode: 0o755 });
	await mkdir(PRIVSEP_DIR, { recursive: true, mode: 0o755 });

	const [port, ed25519, rsa, clientKey, user] = await Promise.all([
		findFreePort(host),
		generateSshKey('ed25519', join(configDir, 'ssh_host_ed25519_key'), 'test host key'),
		generateSshKey('rsa', join(configDir, 'ssh_host_rsa_key'), 'test host key'),
		generateSshKey('ed25519', join(configDir, 'client_ed25519_key'), 'test user key'),
		userReady,
	]);
	await chown(root, user.uid, user.gid);
	await chmod(root, 0o755);
	const authorizedKeysFile = join(authorizedKeysDir, user.username);
	await writeFile(authorizedKeysFile, `${clientKey.publicKey}\n`, { mode: 0o644 });

	const configFile = join(configDir, 'sshd_config');
	await writeFile(
		configFile,
		sshdConfig({
			host,
			port,
			hostKeyFiles: [ed25519.privateKeyFile, rsa.privateKeyFile],
			pidFile: join(configDir, 'sshd.pid'),
			authorizedKeysDir,
			chrootDir,
			username: user.username,
		}),
		{ mode: 0o600 },
	);
	await runChecked(SSHD_BINARY, ['-t', '-f', configFile]);

	const logFile = join(runDir, 'sftp.log');
	const sshdLogFile = join(runDir, 'sshd.log');
	const sink = await startSyslogSink(join(chrootDir, 'dev', 'log'), logFile);
	const startSshd = () => startDaemon('sshd', SSHD_BINARY, ['-D', '-e', '-f', configFile], sshdLogFile);
	let daemon = startSshd();
	const stop = async () => {
		await daemon.stop();
		await sink.close();
	};
	await cleanUpOnFailure(async () => await waitForPort(daemon, host, port), stop);
	const restart = async (downtimeMs = 0) => {
		await daemon.kill();
		await new Promise((resolve) => setTimeout(resolve, downtimeMs));
		daemon = startSshd();
		await waitForPort(daemon, host, port);
	};

	return {
		info: {
			host,
			port,
			username: user.username,
			password: user.password,
			privateKey: clientKey.privateKey,
			hostKeys: [describeHostKey(ed25519.publicKey, host, port), describeHostKey(rsa.publicKey, host, port)],
			root,
			remoteRoot: REMOTE_ROOT,
			logFile,
			sshdLogFile,
		},
		restart,
		stop,
	};
}
