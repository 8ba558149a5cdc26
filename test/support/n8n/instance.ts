import { randomBytes } from 'node:crypto';

import { freePort } from './free-port';
import { cleanParentEnv, spawnN8n, waitUntilReady } from './process';
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
// Answered without a login once the REST API is mounted.
const REST_READY_PATH = '/rest/settings';

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

/** Starts `n8n start` on a free 127.0.0.1 port and resolves once it answers its readiness check. */
export async function startN8n(options: StartN8nOptions): Promise<N8nInstance> {
	const port = await freePort();
	const brokerPort = await freePort();
	const encryptionKey = options.encryptionKey ?? randomBytes(24).toString('hex');
	const baseUrl = `http://127.0.0.1:${port}`;
	const n8n = spawnN8n(options.runtime, ['start'], {
		userFolder: options.userFolder,
		logName: 'n8n.log',
		env: instanceEnv(options, port, brokerPort, encryptionKey),
	});
	// A fresh database's migrations take minutes on a loaded two-core machine.
	const timeoutMs = options.startTimeoutMs ?? 300_000;
	await waitUntilReady(n8n, `${baseUrl}${READY_PATH}`, 'n8n', timeoutMs);
	// n8n 1.x reports ready about ten seconds before its REST API answers (owner setup, login).
	await waitUntilReady(n8n, `${baseUrl}${REST_READY_PATH}`, "n8n's REST API", timeoutMs);
	return {
		baseUrl,
		port,
		userFolder: options.userFolder,
		encryptionKey,
		logFile: n8n.logFile,
		pid: n8n.child.pid as number,
		stop: n8n.stop,
	};
}

const GONE_POLL_MS = 100;

function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/** SIGKILL to n8n and its task runners at once, as a crash would: no shutdown hooks, nothing flushed. */
export async function killN8n(instance: N8nInstance): Promise<void> {
	const { pid } = instance;
	try {
		process.kill(-pid, 'SIGKILL');
	} catch {
		// already gone
	}
	while (isRunning(pid)) await new Promise((resolve) => setTimeout(resolve, GONE_POLL_MS));
	// Releases the launcher's exit hook; there is nothing left to signal.
	await instance.stop(0);
}
