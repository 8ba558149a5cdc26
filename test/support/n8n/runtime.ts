import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

import { node24, repoRoot } from './repo';

/** Where scripts/n8n-runtime.mjs installed n8n. */
export interface N8nRuntime {
	dir: string;
	n8nBin: string;
	node: string;
	version: string;
}

const installer = join(repoRoot, 'scripts', 'n8n-runtime.mjs');

/**
 * The n8n version a test run uses: N8N_RUNTIME_VERSION (e.g. 1.123.81, set by the version matrix),
 * else undefined for the installer's default.
 */
export function selectedN8nVersion(): string | undefined {
	return process.env.N8N_RUNTIME_VERSION || undefined;
}

/**
 * Installs n8n (the selected version) into its cache folder unless it is there already (the
 * installer is idempotent and prints its own progress), then returns where it is.
 */
export function ensureN8nRuntime(version = selectedN8nVersion()): N8nRuntime {
	const versionArgs = version ? [version] : [];
	const install = spawnSync(node24, [installer, 'install', ...versionArgs], { stdio: 'inherit' });
	if (install.status !== 0) {
		throw new Error(`installing n8n failed (${install.signal ?? `exit ${install.status}`}); see the output above`);
	}
	const locate = spawnSync(node24, [installer, 'locate', ...versionArgs], { encoding: 'utf8' });
	if (locate.status !== 0) throw new Error(`locating n8n failed: ${locate.stderr.trim()}`);
	return JSON.parse(locate.stdout) as N8nRuntime;
}
