import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { freePort } from './free-port';
import type { N8nRuntime } from './runtime';

export interface StartN8nOptions {
	runtime: N8nRuntime;
	/** Fresh folder n8n keeps everything in (database, settings, installed community packages). */
	userFolder: string;
	/** Same key for every start on one user folder, or stored credentials cannot be decrypted. */
	encryptionKey?: string;
	/** Extra variables for this instance, e.g. a time zone. */
	env?: Record<string, string>;
	startTimeoutMs?: number;
}

export interface N8nInstance {
	baseUrl: string;
	port: number;
	userFolder: string;
	encryptionKey: string;
	logFile: string;
	pid: number;
	/** SIGTERM to n8n and its task runners, SIGKILL if they are still there after the grace period. */
	stop(graceMs?: number): Promise<void>;
}

const READY_PATH = '/healthz/readiness';
const POLL_MS = 250;

// Neither a developer's shell (other database, port, ...) nor vitest may reconfigure the instance:
// vitest sets NODE_ENV=test, under which n8n silences its logger and behaves as in its own tests.
const inheritedConfig = /^(N8N_|DB_|EXECUTIONS_|QUEUE_|VITEST|WEBHOOK_URL$|GENERIC_TIMEZONE$|NODE_OPTIONS$|NODE_ENV$)/;

function cleanParentEnv(): Record<string, string> {
	const env: Record<string, string> = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (value !== undefined && !inheritedConfig.test(key)) env[key] = value;
	}
	return env;
}

function instanceEnv(options: StartN8nOptions, port: number, brokerPort: number, encryptionKey: string) {
	const baseUrl = `http://127.0.0.1:${port}`;
	return {
		...cleanParentEnv(),
		N8N_USER_FOLDER: options.userFolder,
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PORT: String(port),
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: `${baseUrl}/`,
		WEBHOOK_URL: `${baseUrl}/`,
		N8N_ENCRYPTION_KEY: encryptionKey,
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		// Editor test runs are the "manual" executions the tests start; keep them readable.
		EXECUTIONS_DATA_SAVE_MANUAL_EXECUTIONS: 'true',
		N8N_LOG_LEVEL: 'info',
		...options.env,
	};
}

function logTail(logFile: string, lines = 40): string {
	try {
		return readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n');
	} catch {
		return '(no log)';
	}
}

function exited(child: ChildProcess): boolean {
	return child.exitCode !== null || child.signalCode !== null;
}

async function waitForReady(baseUrl: string, child: ChildProcess, logFile: string, timeoutMs: number) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (exited(child)) {
			throw new Error(`n8n exited (${child.signalCode ?? `exit ${child.exitCode}`}) before it was ready:\n${logTail(logFile)}`);
		}
		try {
			const response = await fetch(`${baseUrl}${READY_PATH}`, { signal: AbortSignal.timeout(2000) });
			if (response.ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, POLL_MS));
	}
	throw new Error(`n8n did not become ready within ${timeoutMs} ms:\n${logTail(logFile)}`);
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

/** Starts `n8n start` on a free 127.0.0.1 port and resolves once it answers its readiness check. */
export async function startN8n(options: StartN8nOptions): Promise<N8nInstance> {
	const port = await freePort();
	const brokerPort = await freePort();
	const encryptionKey = options.encryptionKey ?? randomBytes(24).toString('hex');
	const baseUrl = `http://127.0.0.1:${port}`;
	mkdirSync(options.userFolder, { recursive: true });
	const logFile = join(options.userFolder, 'n8n.log');
	const logFd = openSync(logFile, 'a');
	const child = spawn(options.runtime.node, [options.runtime.n8nBin, 'start'], {
		cwd: options.userFolder,
		env: instanceEnv(options, port, brokerPort, encryptionKey),
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

	let ready = false;
	try {
		// A fresh database's migrations take minutes on a loaded two-core machine.
		await waitForReady(baseUrl, child, logFile, options.startTimeoutMs ?? 300_000);
		ready = true;
	} finally {
		if (!ready) await stop(5000);
	}
	return { baseUrl, port, userFolder: options.userFolder, encryptionKey, logFile, pid: child.pid as number, stop };
}
