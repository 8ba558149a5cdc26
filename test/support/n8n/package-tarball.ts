import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { pathWithNode24, repoRoot } from './repo';

function npm(args: string[], cwd: string, capture: boolean): string {
	const result = spawnSync('npm', args, {
		cwd,
		env: { ...process.env, PATH: pathWithNode24(), npm_config_update_notifier: 'false' },
		encoding: 'utf8',
		stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
	});
	if (result.status !== 0) {
		throw new Error(`npm ${args.join(' ')} failed in ${cwd} (${result.signal ?? `exit ${result.status}`})`);
	}
	return result.stdout ?? '';
}

/** `npm run build`, then `npm pack` into packDir; returns the tarball's path. */
export function buildAndPack(packDir: string): string {
	npm(['run', '--silent', 'build'], repoRoot, false);
	mkdirSync(packDir, { recursive: true });
	const packed = JSON.parse(npm(['pack', '--json', '--pack-destination', packDir], repoRoot, true)) as Array<{
		filename: string;
	}>;
	return join(packDir, packed[0].filename);
}

/**
 * The README's install command (section "Install in n8n"), run in `~/.n8n/nodes` with the tarball's
 * path after it: `--prefix .` keeps npm from installing into a parent folder that has a package.json,
 * `--omit=peer` keeps a second n8n-workflow out (nodes must use n8n's own), and `--ignore-scripts`
 * is how n8n installs community packages itself.
 */
export const README_INSTALL_ARGS = ['install', '--prefix', '.', '--omit=peer', '--ignore-scripts'];

/**
 * Installs the tarball the way the README tells a self-hosted user to: into `<user folder>/.n8n/nodes`,
 * where n8n loads community packages from `node_modules` on its next start.
 */
export function installPackageInto(userFolder: string, tarball: string): string {
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	mkdirSync(nodesDir, { recursive: true });
	npm([...README_INSTALL_ARGS, tarball], nodesDir, false);
	return nodesDir;
}
