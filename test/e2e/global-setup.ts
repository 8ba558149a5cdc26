import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { TestProject } from 'vitest/node';

import type { N8nCoordinates } from './n8n/client';
import { startN8n } from './n8n/instance';
import { prepareAccess } from './n8n/owner';
import { buildAndPack, installPackageInto } from './n8n/package-tarball';
import { repoRoot } from './n8n/repo';
import { ensureN8nRuntime } from './n8n/runtime';
import './n8n/shared-instance';

// One real n8n for the whole e2e run, with this package installed from its packed tarball the way
// users install it. N8N_E2E_KEEP=1 keeps the work folder (database, n8n.log) after the run.
export default async function setup(project: TestProject) {
	const timings: string[] = [];
	const timed = async <T>(label: string, step: () => T | Promise<T>): Promise<T> => {
		const started = Date.now();
		const result = await step();
		timings.push(`${label} ${((Date.now() - started) / 1000).toFixed(1)} s`);
		return result;
	};

	const runtime = await timed('n8n runtime', ensureN8nRuntime);
	const workDir = mkdtempSync(join(tmpdir(), 'n8n-nodes-billit-e2e-'));
	const userFolder = join(workDir, 'user');
	const tarball = await timed('build + pack', () => buildAndPack(join(workDir, 'pack')));
	await timed('package install', () => installPackageInto(userFolder, tarball));
	const instance = await timed('n8n start', () => startN8n({ runtime, userFolder }));
	let provided = false;
	try {
		const access = await timed('owner + API key', () => prepareAccess(instance.baseUrl));
		const packageName = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { name: string }).name;
		const coordinates: N8nCoordinates = {
			baseUrl: instance.baseUrl,
			...access,
			userFolder,
			logFile: instance.logFile,
			packageName,
		};
		project.provide('n8n', coordinates);
		provided = true;
	} finally {
		if (!provided) await instance.stop();
	}
	console.log(`[e2e] n8n ${runtime.version} at ${instance.baseUrl} (log ${instance.logFile}); ${timings.join(', ')}`);

	return async () => {
		await instance.stop();
		if (process.env.N8N_E2E_KEEP) {
			console.log(`[e2e] kept ${workDir}`);
		} else {
			rmSync(workDir, { recursive: true, force: true });
		}
	};
}
