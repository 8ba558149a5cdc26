import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import type { N8nRuntime } from './runtime';

const POLL_MS = 250;

// Neither a developer's shell (other database, port, ...) nor vitest may reconfigure an n8n process:
// vitest sets NODE_ENV=test, under which n8n silences its logger and behaves as in its own tests.
const inheritedConfig = /^(N8N_|DB_|EXECUTIONS_|QUEUE_|VITEST|WEBHOOK_URL$|GENERIC_TIMEZONE$|NODE_OPTIONS$|NODE_ENV$)/;

export function cleanParentEnv(): Record<string, string> {
	const env: Record<string, string> = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (value !== undefined && !inheritedConfig.test(key)) env[key] = value;
	}
	return env;
}

export interface N8nProcess {
	child: ChildProcess;
	logFile: string;
	/** SIGTERM to n8n and its task runners, SIGKILL if they are still there after the grace period. */
	stop(graceMs?: number): Promise<void>;
}

/** The last lines of an n8n log, of what was written from byte `since` on. */
export function logTail(logFile: string, lines = 40, since = 0): string {
	try {
		return readFileSync(logFile).subarray(since).toString('utf8').trimEnd().split('\n').slice(-lines).join('\n');
	} catch {
		return '(no log)';
	}
}

export function logSize(logFile: string): number {
	return existsSync(logFile) ? statSync(logFile).size : 0;
}

function exited(child: ChildProcess): boolean {
	return child.exitCode !== null || child.signalCode !== null;
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
	try {
		// Negative pid: the whole process group, so the task runner processes go too.
		process.kill(-(child.pid as number), signal);
	} catch {
		// already gone
	}
}

async function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
	if (exited(child)) return true;
	return await new Promise((resolve) => {
		const timer = setTimeout(() => resolve(false), timeoutMs);
		child.once('exit', () => {
			clearTimeout(timer);
			resolve(true);
		});
	});
}

/** Starts an n8n command (`start`, `worker`, …) in its own process group, its output in `logName`. */
export function spawnN8n(
	runtime: N8nRuntime,
	args: string[],
	options: { userFolder: string; logName: string; env: Record<string, string> },
): N8nProcess {
	mkdirSync(options.userFolder, { recursive: true });
	const logFile = join(options.userFolder, options.logName);
	const logFd = openSync(logFile, 'a');
	const child = spawn(runtime.node, [runtime.n8nBin, ...args], {
		cwd: options.userFolder,
		env: options.env,
		stdio: ['ignore', logFd, logFd],
		detached: true,
	});
	closeSync(logFd);
	child.unref();
	// n8n runs in its own process group (so its task runners can be stopped with it), which also
	// means it would outlive a test run that is interrupted before its teardown: take it down then.
	const killOnExit = () => signalGroup(child, 'SIGKILL');
	process.once('exit', killOnExit);

	const stop = async (graceMs = 20_000) => {
		process.removeListener('exit', killOnExit);
		if (!exited(child)) {
			signalGroup(child, 'SIGTERM');
			await waitForExit(child, graceMs);
		}
		// Whatever survived the grace period (n8n itself or an orphaned task runner) goes now.
		signalGroup(child, 'SIGKILL');
		await waitForExit(child, 5000);
	};
	return { child, logFile, stop };
}

/** Resolves once `url` answers OK; stops the process and throws with its log tail otherwise. */
export async function waitUntilReady(n8n: N8nProcess, url: string, what: string, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	try {
		while (Date.now() < deadline) {
			const { child } = n8n;
			if (exited(child)) {
				throw new Error(`${what} exited (${child.signalCode ?? `exit ${child.exitCode}`}) before it was ready:\n${logTail(n8n.logFile)}`);
			}
			try {
				if ((await fetch(url, { signal: AbortSignal.timeout(2000) })).ok) return;
			} catch {
				// not listening yet
			}
			await new Promise((resolve) => setTimeout(resolve, POLL_MS));
		}
		throw new Error(`${what} did not become ready within ${timeoutMs} ms:\n${logTail(n8n.logFile)}`);
	} catch (error) {
		await n8n.stop(5000);
		throw error;
	}
}
