import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';

const STOP_GRACE_MS = 2_000;
const PORT_POLL_MS = 20;

/** A server program started by these tests, logging its stdout and stderr into one file. */
export interface Daemon {
	readonly name: string;
	readonly pid: number;
	readonly logFile: string;
	/** Rejects as soon as the program has exited, with its exit status and the end of its log. */
	readonly exited: Promise<never>;
	/** SIGKILL to the program and everything it started, at once, as a crash would end them. */
	kill(): Promise<void>;
	stop(): Promise<void>;
}

// The daemon runs under a small shell guard holding a pipe from this process: when the pipe closes
// (stop(), or this process ending in any way, even killed), the guard stops the daemon, so no server
// outlives the test run. The guard exits with the daemon's status when the daemon exits by itself.
// (Background jobs of sh read /dev/null unless told otherwise, hence the pipe is kept as fd 3.)
const GUARD_SCRIPT = [
	'exec 3<&0',
	'"$@" </dev/null 3<&- &',
	'daemon=$!',
	'{ cat <&3 >/dev/null; kill -TERM "$daemon" 2>/dev/null; } &',
	'wait "$daemon"',
].join('\n');

function killGroup(pid: number, signal: NodeJS.Signals): void {
	try {
		process.kill(-pid, signal);
	} catch {
		// already gone
	}
}

function logTail(logFile: string): string {
	try {
		return readFileSync(logFile, 'utf8').trim().split('\n').slice(-15).join('\n');
	} catch {
		return '';
	}
}

export function startDaemon(name: string, file: string, args: readonly string[], logFile: string): Daemon {
	const logFd = openSync(logFile, 'a', 0o600);
	 
	const child: ChildProcess = spawn('/bin/sh', ['-c', GUARD_SCRIPT, name, file, ...args], {
		// Own process group, so stop() also reaches the guard and the per-connection children.
		detached: true,
		stdio: ['pipe', logFd, logFd],
	});
	closeSync(logFd);
	if (child.pid === undefined) throw new Error(`${name} did not start (${file})`);
	const pid = child.pid;
	child.stdin?.on('error', () => undefined);

	let hasExited = false;
	const exitedOrFailed = new Promise<void>((resolve) => {
		child.once('exit', () => {
			hasExited = true;
			child.stdin?.destroy();
			resolve();
		});
		child.once('error', () => resolve());
	});
	const exited = exitedOrFailed.then(() => {
		throw new Error(
			`${name} exited (code ${child.exitCode}, signal ${child.signalCode}); log:\n${logTail(logFile)}`,
		);
	});
	exited.catch(() => undefined);

	return {
		name,
		pid,
		logFile,
		exited,
		async kill() {
			killGroup(pid, 'SIGKILL');
			await exitedOrFailed;
		},
		async stop() {
			if (hasExited) return;
			child.stdin?.end();
			const forced = setTimeout(() => killGroup(pid, 'SIGKILL'), STOP_GRACE_MS);
			await exitedOrFailed;
			clearTimeout(forced);
			// Sessions still open may outlive the daemon after SIGTERM.
			killGroup(pid, 'SIGKILL');
		},
	};
}

async function canConnect(host: string, port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const socket = connect({ host, port });
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

/** Resolves when `host:port` accepts TCP connections; fails if the daemon exits or time runs out. */
export async function waitForPort(daemon: Daemon, host: string, port: number, timeoutMs = 5_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	const poll = async (): Promise<void> => {
		while (!(await canConnect(host, port))) {
			if (Date.now() > deadline) {
				throw new Error(`${daemon.name} did not listen on ${host}:${port} within ${timeoutMs} ms; log:\n${logTail(daemon.logFile)}`);
			}
			await new Promise((resolve) => setTimeout(resolve, PORT_POLL_MS));
		}
	};
	await Promise.race([poll(), daemon.exited]);
}
