/**
 * A real n8n of a fault test's own, with this package installed from its packed tarball the way
 * users install it. The fault suite has no e2e global setup, so each file that needs n8n starts one.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { N8nClient } from '../support/n8n/client';
import { startN8n, type N8nInstance } from '../support/n8n/instance';
import { prepareAccess } from '../support/n8n/owner';
import { installPackageInto } from '../support/n8n/package-tarball';
import { pathWithNode24, repoRoot } from '../support/n8n/repo';
import { ensureN8nRuntime } from '../support/n8n/runtime';

// Test files run in parallel: building writes dist/, so a build must never overlap another
// file's build or pack. flock releases the lock even when a test run is killed.
const BUILD_LOCK = join(tmpdir(), 'n8n-nodes-billit-faults-build.lock');
const START_TIMEOUT_MS = 300_000;

function lockedNpm(args: string[]): string {
	const result = spawnSync('flock', [BUILD_LOCK, 'npm', ...args], {
		cwd: repoRoot,
		env: { ...process.env, PATH: pathWithNode24(), npm_config_update_notifier: 'false' },
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	if (result.status !== 0) throw new Error(`npm ${args.join(' ')} failed (${result.signal ?? `exit ${result.status}`})`);
	return result.stdout;
}

function buildAndPackLocked(packDir: string): string {
	lockedNpm(['run', '--silent', 'build']);
	mkdirSync(packDir, { recursive: true });
	const packed = JSON.parse(lockedNpm(['pack', '--json', '--pack-destination', packDir])) as Array<{ filename: string }>;
	return join(packDir, packed[0].filename);
}

export interface PackageN8n {
	client: N8nClient;
	instance: N8nInstance;
	/** Everything of this n8n: its user folder (database, logs, settings) and the packed tarball. */
	workDir: string;
	stop(): Promise<void>;
}

/** Builds, packs and installs the package, starts n8n with `env` and creates the owner and an API key. */
export async function startN8nWithPackage(env: Record<string, string> = {}): Promise<PackageN8n> {
	const workDir = mkdtempSync(join(tmpdir(), 'n8n-nodes-billit-faults-'));
	try {
		const userFolder = join(workDir, 'user');
		installPackageInto(userFolder, buildAndPackLocked(join(workDir, 'pack')));
		const instance = await startN8n({ runtime: ensureN8nRuntime(), userFolder, env, startTimeoutMs: START_TIMEOUT_MS });
		const access = await prepareAccess(instance.baseUrl).catch(async (error: unknown) => {
			await instance.stop();
			throw error;
		});
		const packageName = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { name: string }).name;
		const client = new N8nClient({ baseUrl: instance.baseUrl, ...access, userFolder, logFile: instance.logFile, packageName });
		const stop = async () => {
			await instance.stop();
			if (process.env.N8N_E2E_KEEP) console.log(`[faults] kept ${workDir}`);
			else rmSync(workDir, { recursive: true, force: true });
		};
		return { client, instance, workDir, stop };
	} catch (error) {
		rmSync(workDir, { recursive: true, force: true });
		throw error;
	}
}
