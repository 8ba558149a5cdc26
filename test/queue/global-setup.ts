import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { TestProject } from 'vitest/node';

import { createEmulator } from '../../emulator';
import type { N8nCoordinates } from '../support/n8n/client';
import { startN8n } from '../support/n8n/instance';
import { prepareAccess } from '../support/n8n/owner';
import { buildAndPack, installPackageInto } from '../support/n8n/package-tarball';
import { repoRoot } from '../support/n8n/repo';
import { ensureN8nRuntime } from '../support/n8n/runtime';
import { SetupTimings } from '../e2e/setup-timings';
import { startTestServers } from '../support/servers';
import { startPostgres } from './postgres';
import { queueModeEnv } from './queue-env';
import { startRedis } from './redis';
import { startWorker, type N8nWorker } from './worker';
import '../support/n8n/shared-instance';

const WORKER_COUNT = 2;

// n8n in queue mode: one main instance (UI, API, schedules) and two `n8n worker` processes, each
// with this package installed from its tarball, sharing Redis and PostgreSQL; plus the Billit
// emulator and the real SFTP server. N8N_E2E_KEEP=1 keeps the work folder (logs) after the run.
export default async function setup(project: TestProject) {
	const timings = new SetupTimings();
	const { timed } = timings;
	const stops: Array<() => unknown> = [];
	const stopAll = async () => {
		// Workers and main first, the services they use last.
		for (const stop of stops.reverse()) await Promise.resolve(stop()).catch(() => undefined);
	};
	const workDir = mkdtempSync(join(tmpdir(), 'n8n-nodes-billit-queue-'));
	try {
		const emulator = createEmulator();
		await timed('emulator', async () => await emulator.start());
		stops.push(async () => await emulator.stop());
		const servers = await timed('test servers', startTestServers);
		stops.push(async () => await servers.stop());
		const postgres = await timed('postgresql', () => startPostgres(workDir));
		stops.push(() => postgres.stop());
		const redis = await timed('redis', startRedis);
		stops.push(async () => await redis.stop());

		const runtime = await timed('n8n runtime', ensureN8nRuntime);
		const tarball = await timed('build + pack', () => buildAndPack(join(workDir, 'pack')));
		const folders = ['main', ...Array.from({ length: WORKER_COUNT }, (_unused, index) => `worker-${index + 1}`)].map((name) => join(workDir, name));
		await timed('package install', () => folders.forEach((folder) => installPackageInto(folder, tarball)));

		const env = queueModeEnv(postgres, redis);
		const encryptionKey = randomBytes(24).toString('hex');
		const main = await timed('n8n main', () => startN8n({ runtime, userFolder: folders[0], encryptionKey, env: { ...env, N8N_ENCRYPTION_KEY: encryptionKey } }));
		stops.push(async () => await main.stop());
		const workers: N8nWorker[] = await timed('n8n workers', async () =>
			await Promise.all(
				folders.slice(1).map(async (userFolder, index) => {
					const worker = await startWorker({
						runtime,
						name: `worker-${index + 1}`,
						userFolder,
						env: { ...env, N8N_ENCRYPTION_KEY: encryptionKey },
						concurrency: 1,
					});
					stops.push(async () => await worker.stop());
					return worker;
				}),
			),
		);
		const access = await timed('owner + API key', () => prepareAccess(main.baseUrl));
		const packageName = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { name: string }).name;
		const coordinates: N8nCoordinates = { baseUrl: main.baseUrl, ...access, userFolder: folders[0], logFile: main.logFile, packageName };
		project.provide('n8n', coordinates);
		project.provide('testServers', { sftp: servers.sftp, ftp: servers.ftp });
		project.provide('billitEmulator', { url: emulator.url });
		project.provide('queueWorkers', workers.map((worker) => ({ name: worker.name, logFile: worker.logFile })));
		console.log(`[queue] n8n ${runtime.version} main ${main.baseUrl}, ${WORKER_COUNT} workers, redis :${redis.port}, postgresql :${postgres.port}; ${timings.summary()}`);
	} catch (error) {
		await stopAll();
		rmSync(workDir, { recursive: true, force: true });
		throw error;
	}

	return async () => {
		await stopAll();
		if (process.env.N8N_E2E_KEEP) console.log(`[queue] kept ${workDir}`);
		else rmSync(workDir, { recursive: true, force: true });
	};
}
