import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { TestProject } from 'vitest/node';

import { createEmulator } from '../../emulator';
import { startTestServers } from '../support/servers';
import type { N8nCoordinates } from '../support/n8n/client';
import { startN8n } from '../support/n8n/instance';
import { prepareAccess } from '../support/n8n/owner';
import { buildAndPack, installPackageInto } from '../support/n8n/package-tarball';
import { repoRoot } from '../support/n8n/repo';
import { ensureN8nRuntime } from '../support/n8n/runtime';
import { SetupTimings } from './setup-timings';
import '../support/n8n/shared-instance';

// One real n8n for the whole e2e run, with this package installed from its packed tarball the way
// users install it, plus the Billit emulator and the real SFTP/FTP servers the example pipelines
// talk to. N8N_E2E_KEEP=1 keeps the work folder (database, n8n.log) after the run; N8N_RUNTIME_VERSION
// picks another n8n version than the default (the version matrix, npm run test:n8n-versions).
export default async function setup(project: TestProject) {
	const timings = new SetupTimings();
	const { timed } = timings;

	// Held to the written Billit contract: a request outside it fails with 422 ContractViolation.
	const emulator = createEmulator({ contract: true });
	const serversStarting = timed('test servers', startTestServers);
	// A failed n8n start must not leave the servers running.
	serversStarting.catch(() => undefined);
	const stopServers = async () => await (await serversStarting.catch(() => undefined))?.stop();

	let n8nStarted: Awaited<ReturnType<typeof startN8n>> | undefined;
	let provided = false;
	const workDir = mkdtempSync(join(tmpdir(), 'n8n-nodes-billit-e2e-'));
	try {
		await timed('emulator', async () => await emulator.start());
		const runtime = await timed('n8n runtime', ensureN8nRuntime);
		const userFolder = join(workDir, 'user');
		const tarball = await timed('build + pack', () => buildAndPack(join(workDir, 'pack')));
		await timed('package install', () => installPackageInto(userFolder, tarball));
		const instance = await timed('n8n start', () => startN8n({ runtime, userFolder }));
		n8nStarted = instance;
		const access = await timed('owner + API key', () => prepareAccess(instance.baseUrl));
		const packageName = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { name: string }).name;
		const coordinates: N8nCoordinates = {
			baseUrl: instance.baseUrl,
			...access,
			userFolder,
			logFile: instance.logFile,
			packageName,
			n8nVersion: runtime.version,
		};
		const { sftp, ftp } = await serversStarting;
		project.provide('n8n', coordinates);
		project.provide('testServers', { sftp, ftp });
		project.provide('billitEmulator', { url: emulator.url });
		provided = true;
		console.log(`[e2e] n8n ${runtime.version} at ${instance.baseUrl} (log ${instance.logFile}); emulator ${emulator.url}; ${timings.summary()}`);
	} finally {
		if (!provided) {
			await Promise.allSettled([n8nStarted?.stop(), emulator.stop(), stopServers()]);
			rmSync(workDir, { recursive: true, force: true });
		}
	}

	return async () => {
		await Promise.allSettled([n8nStarted?.stop(), emulator.stop(), stopServers()]);
		if (process.env.N8N_E2E_KEEP) {
			console.log(`[e2e] kept ${workDir}`);
		} else {
			rmSync(workDir, { recursive: true, force: true });
		}
	};
}
