import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

import { README_INSTALL_ARGS } from '../../support/n8n/package-tarball';
import { repoRoot } from '../../support/n8n/repo';

// The end-to-end tests, the demo and the benchmarks install the packed tarball with README_INSTALL_ARGS:
// the README must tell users to run that same command, so what the tests prove is what users do.
describe("the README's install section", () => {
	const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
	const section = readme.slice(readme.indexOf('## Install in n8n'), readme.indexOf('\n## ', readme.indexOf('## Install in n8n') + 1));
	const { name, version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };

	it('packs the package and installs the tarball in the nodes folder with the command the tests use', () => {
		const commands = /```sh\n([\s\S]*?)```/.exec(section)?.[1].split('\n') ?? [];
		expect(commands).toContain('npm ci && npm run build && npm pack');
		expect(commands).toContain('mkdir -p ~/.n8n/nodes && cd ~/.n8n/nodes');
		expect(commands).toContain(`npm ${README_INSTALL_ARGS.join(' ')} /path/to/${name}-${version}.tgz`);
	});

	it('says to restart n8n after installing', () => {
		expect(section).toMatch(/restart n8n/i);
	});
});
