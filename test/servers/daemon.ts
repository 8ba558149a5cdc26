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
	stop(): Promise<void>;
}

// Process groups of daemons still running, killed synchronously if the Node process exits without
// stopping them (a crash or an interrupted run must not leave servers behind).
const running = new Set<number>();
process.once('exit', () => {
	for (const pid of running) killGroup(pid, 'SIGKILL');
});

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
	// detached: own process group, so stop() also reaches the per-connection children.
	// eslint-disable-next-line @n8n/community-nodes/no-dangerous-functions -- starting real sshd and vsftpd is the purpose of this test code, never shipped
	const child: ChildProcess = spawn(file, args, { detached: true, stdio: ['ignore', logFd, logFd] });
	closeSync(logFd);
	if (child.pid === undefined) throw new Error(`${name} did not start (${file})`);
	const pid = child.pid;
	running.add(pid);

	let hasExited = false;
	const exitedOrFailed = new Promise<void>((resolve) => {
		child.once('exit', () => {
			hasExited = true;
			running.delete(pid);
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
		async stop() {
			if (hasExited) return;
			killGroup(pid, 'SIGTERM');
			const forced = setTimeout(() => killGroup(pid, 'SIGKILL'), STOP_GRACE_MS);
			await exitedOrFailed;
			clearTimeout(forced);
			// Children in the group (sessions) may outlive the leader after SIGTERM.
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
