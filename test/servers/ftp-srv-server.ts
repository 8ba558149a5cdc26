import type { EventEmitter } from 'node:events';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { FtpSrv } from 'ftp-srv';

import type { TlsCertificate } from './keys';
import { findFreePortRange } from './ports';
import type { FtpServerInfo } from './types';

const PASSIVE_PORT_COUNT = 20;

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

const AUTH_TLS_ACCEPTED = 234;

interface FtpConnectionInternals {
	commandSocket: { pause(): void };
	reply(code: number, ...lines: unknown[]): Promise<unknown>;
}

/**
 * ftp-srv answers AUTH TLS with 234 and wraps the socket in TLS only after that write completed; a
 * client's TLS hello arriving in between is read as an FTP command, answered in plain text, and the
 * handshake fails ("wrong version number", seen on a loaded machine). Pausing the plain socket before
 * the 234 leaves the hello in the kernel buffer for the TLS layer, which reads the handle itself.
 */
function holdReadsAcrossTlsUpgrade(connection: FtpConnectionInternals): void {
	const reply = connection.reply.bind(connection);
	// Not async: ftp-srv chains Bluebird methods on the promise reply() returns.
	connection.reply = (code, ...lines) => {
		if (code === AUTH_TLS_ACCEPTED) connection.commandSocket.pause();
		return reply(code, ...lines);
	};
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

	const before = listenersOf();
	const server = new FtpSrv({
		url: `ftp://${host}:0`,
		pasv_url: host,
		pasv_min: passive.min,
		pasv_max: passive.max,
		tls: { cert: certificate.certPem, key: await readFile(certificate.keyFile, 'utf8') },
		anonymous: false,
		log: quietLogger,
	});
	// ftp-srv adds handlers that call process.exit(0) on these signals; the test runner owns them.
	for (const signal of SHUTDOWN_SIGNALS) {
		for (const listener of process.listeners(signal) as SignalListener[]) {
			if (!before.get(signal)?.includes(listener)) process.removeListener(signal, listener);
		}
	}
	// ftp-srv's typings omit the 'connect' event and the connection's socket.
	(server as unknown as EventEmitter).on('connect', ({ connection }: { connection: FtpConnectionInternals }) =>
		holdReadsAcrossTlsUpgrade(connection),
	);
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
