import { freePort } from '../support/n8n/free-port';
import { cleanParentEnv, spawnN8n, waitUntilReady } from '../support/n8n/process';
import type { N8nRuntime } from '../support/n8n/runtime';

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

/**
 * `n8n worker` with its own user folder, task-runner broker port and health-check port; resolves
 * once its readiness check (database and Redis connected) answers.
 */
export async function startWorker(options: StartWorkerOptions): Promise<N8nWorker> {
	const healthPort = await freePort();
	const brokerPort = await freePort();
	const worker = spawnN8n(options.runtime, ['worker', `--concurrency=${options.concurrency}`], {
		userFolder: options.userFolder,
		logName: 'n8n-worker.log',
		env: {
			...cleanParentEnv(),
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
	});
	const readiness = `http://127.0.0.1:${healthPort}/healthz/readiness`;
	await waitUntilReady(worker, readiness, `worker ${options.name}`, options.startTimeoutMs ?? 180_000);
	return { name: options.name, logFile: worker.logFile, stop: worker.stop };
}
