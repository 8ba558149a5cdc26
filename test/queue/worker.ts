import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { freePort } from '../e2e/n8n/free-port';
import type { N8nRuntime } from '../e2e/n8n/runtime';

export interface StartWorkerOptions {
	runtime: N8nRuntime;
	name: string;
	userFolder: string;
	/** Queue, database and encryption settings shared with the main instance. */
	env: Record<string, string>;
	/** Jobs one worker runs at a time. */
	concurrency: number;
	startTimeoutMs?: number;
}

export interface N8nWorker {
	name: string;
	logFile: string;
	stop(graceMs?: number): Promise<void>;
}

// As for the main instance: no configuration may leak in from the shell or from vitest.
const inheritedConfig = /^(N8N_|DB_|EXECUTIONS_|QUEUE_|VITEST|WEBHOOK_URL$|GENERIC_TIMEZONE$|NODE_OPTIONS$|NODE_ENV$)/;

function parentEnv(): Record<string, string> {
	return Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined && !inheritedConfig.test(entry[0])));
}

function exited(child: ChildProcess): boolean {
	return child.exitCode !== null || child.signalCode !== null;
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals) {
	try {
		process.kill(-(child.pid as number), signal);
	} catch {
		// already gone
	}
}

async function waitForExit(child: ChildProcess, timeoutMs: number): Promise<void> {
	if (exited(child)) return;
	await new Promise<void>((resolve) => {
		const timer = setTimeout(resolve, timeoutMs);
		child.once('exit', () => {
			clearTimeout(timer);
			resolve();
		});
	});
}

async function waitForReadiness(url: string, child: ChildProcess, logFile: string, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (exited(child)) throw new Error(`worker exited before it was ready:\n${readFileSync(logFile, 'utf8').slice(-4000)}`);
		try {
			if ((await fetch(url, { signal: AbortSignal.timeout(2000) })).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
	throw new Error(`worker did not become ready within ${timeoutMs} ms:\n${readFileSync(logFile, 'utf8').slice(-4000)}`);
}

/**
 * `n8n worker` with its own user folder, task-runner broker port and health-check port; resolves
 * once its readiness check (database and Redis connected) answers.
 */
export async function startWorker(options: StartWorkerOptions): Promise<N8nWorker> {
	const healthPort = await freePort();
	const brokerPort = await freePort();
	mkdirSync(options.userFolder, { recursive: true });
	const logFile = join(options.userFolder, 'n8n-worker.log');
	const logFd = openSync(logFile, 'a');
	const child = spawn(options.runtime.node, [options.runtime.n8nBin, 'worker', `--concurrency=${options.concurrency}`], {
		cwd: options.userFolder,
		env: {
			...parentEnv(),
			...options.env,
			N8N_USER_FOLDER: options.userFolder,
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(healthPort),
			N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_LOG_LEVEL: 'info',
		},
		stdio: ['ignore', logFd, logFd],
		detached: true,
	});
	closeSync(logFd);
	child.unref();
	const killOnExit = () => signalGroup(child, 'SIGKILL');
	process.once('exit', killOnExit);
	const stop = async (graceMs = 20_000) => {
		process.removeListener('exit', killOnExit);
		if (!exited(child)) {
			signalGroup(child, 'SIGTERM');
			await waitForExit(child, graceMs);
		}
		signalGroup(child, 'SIGKILL');
		await waitForExit(child, 5000);
	};
	try {
		await waitForReadiness(`http://127.0.0.1:${healthPort}/healthz/readiness`, child, logFile, options.startTimeoutMs ?? 180_000);
	} catch (error) {
		await stop(5000);
		throw error;
	}
	return {
		name: options.name,
		logFile,
		stop,
	};
}
