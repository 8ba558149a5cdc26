import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { FtpSrv } from 'ftp-srv';

import { upgradeToTlsInTheSameTick } from './ftp-srv-auth-tls';
import type { TlsCertificate } from './keys';
import { findFreePortRange } from './ports';
import type { FtpServerInfo } from './types';

const PASSIVE_PORT_COUNT = 20;

/** ftp-srv's command table, shared by all its connections (not in its typings). */
const commandRegistry = createRequire(join(process.cwd(), 'package.json'))('ftp-srv/src/commands/registry');

export interface RunningFtpSrv {
	info: FtpServerInfo;
	stop(): Promise<void>;
}

// ftp-srv logs JSON lines through a bunyan-style logger; the tests want silence.
const quietLogger = {
	child: () => quietLogger,
	trace: () => undefined,
	debug: () => undefined,
	info: () => undefined,
	warn: () => undefined,
	error: () => undefined,
	fatal: () => undefined,
};

const SHUTDOWN_SIGNALS = ['SIGTERM', 'SIGINT', 'SIGQUIT'] as const;

type SignalListener = (...args: unknown[]) => void;

function listenersOf(): Map<string, SignalListener[]> {
	return new Map(SHUTDOWN_SIGNALS.map((signal) => [signal, process.listeners(signal) as SignalListener[]]));
}

/** ftp-srv (in this process) on `host` with explicit TLS, serving `<runDir>/ftp-srv` as `/`. */
export async function startFtpSrv(
	runDir: string,
	host: string,
	credentials: { username: string; password: string },
	certificate: TlsCertificate,
): Promise<RunningFtpSrv> {
	const root = join(runDir, 'ftp-srv');
	await mkdir(root, { mode: 0o755 });
	const passive = await findFreePortRange(host, PASSIVE_PORT_COUNT);

	const tls = { cert: certificate.certPem, key: await readFile(certificate.keyFile, 'utf8') };
	upgradeToTlsInTheSameTick(commandRegistry, tls);
	const before = listenersOf();
	const server = new FtpSrv({
		url: `ftp://${host}:0`,
		pasv_url: host,
		pasv_min: passive.min,
		pasv_max: passive.max,
		tls,
		anonymous: false,
		log: quietLogger,
	});
	// ftp-srv adds handlers that call process.exit(0) on these signals; the test runner owns them.
	for (const signal of SHUTDOWN_SIGNALS) {
		for (const listener of process.listeners(signal) as SignalListener[]) {
			if (!before.get(signal)?.includes(listener)) process.removeListener(signal, listener);
		}
	}
	server.on('login', ({ username, password }, resolve, reject) => {
		if (username === credentials.username && password === credentials.password) resolve({ root });
		else reject(new Error('Invalid username or password'));
	});
	await server.listen();
	const address = (server as unknown as { server: { address(): { port: number } } }).server.address();

	return {
		info: {
			host,
			port: address.port,
			username: credentials.username,
			password: credentials.password,
			root,
			remoteRoot: '/',
			tls: 'explicit',
			ca: certificate.certPem,
		},
		stop: async () => {
			await server.close();
		},
	};
}
