import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
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
 * Installs the tarball the way a self-hosted user does: into `<user folder>/.n8n/nodes`, where n8n
 * loads community packages as `<package name>.<node name>`, with the package's runtime dependencies
 * and without install scripts. Peer dependencies stay out: nodes must use n8n's own n8n-workflow.
 */
export function installPackageInto(userFolder: string, tarball: string): string {
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	mkdirSync(nodesDir, { recursive: true });
	writeFileSync(join(nodesDir, 'package.json'), `${JSON.stringify({ name: 'installed-nodes', private: true }, null, 2)}\n`);
	npm(
		['install', '--ignore-scripts', '--omit=dev', '--omit=peer', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=warn', tarball],
		nodesDir,
		false,
	);
	return nodesDir;
}
