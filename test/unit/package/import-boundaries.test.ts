import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

import { repoRoot } from '../../support/n8n/repo';

// The layout of nodes/: each node folder holds what only that node uses; what several nodes share
// lives in nodes/shared; protocol and file-format code lives in lib/, which knows no node.
const SHARED = 'shared';
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]*)\1/g;

function sourceFiles(folder: string): string[] {
	return readdirSync(join(repoRoot, folder), { recursive: true, encoding: 'utf8' })
		.filter((file) => /\.(ts|js|mjs)$/.test(file))
		.map((file) => join(folder, file));
}

/** Every relative import of a file, as a path from the repository root. */
function importsOf(file: string): string[] {
	const text = readFileSync(join(repoRoot, file), 'utf8');
	return [...text.matchAll(SPECIFIER)].map((match) =>
		relative(repoRoot, resolve(repoRoot, dirname(file), match[2])).split(sep).join('/'),
	);
}

/** The node folder a path lies in (`Billit` for `nodes/Billit/...`), or undefined outside nodes/. */
function nodeFolderOf(path: string): string | undefined {
	const [top, folder] = path.split('/');
	return top === 'nodes' ? folder : undefined;
}

function crossings(files: string[], isAllowed: (file: string, target: string) => boolean): string[] {
	return files.flatMap((file) =>
		importsOf(file)
			.filter((target) => !isAllowed(file, target))
			.map((target) => `${file} imports ${target}`),
	);
}

describe('import boundaries', () => {
	it('a node imports no other node: what nodes share lives in nodes/shared', () => {
		const files = sourceFiles('nodes');
		expect(files.length).toBeGreaterThan(50);
		const wrong = crossings(files, (file, target) => {
			const own = nodeFolderOf(file);
			const other = nodeFolderOf(target);
			return other === undefined || other === own || other === SHARED;
		});
		expect(wrong).toEqual([]);
	});

	it('nodes/shared imports no node folder', () => {
		const wrong = crossings(sourceFiles(`nodes/${SHARED}`), (_file, target) => {
			const folder = nodeFolderOf(target);
			return folder === undefined || folder === SHARED;
		});
		expect(wrong).toEqual([]);
	});

	it('lib/ imports no node and no credential', () => {
		const files = sourceFiles('lib');
		expect(files.length).toBeGreaterThan(50);
		const wrong = crossings(files, (_file, target) => !/^(nodes|credentials)\//.test(target));
		expect(wrong).toEqual([]);
	});

	it('reads imports as paths from the repository root, across folders', () => {
		const imports = importsOf('nodes/BillitPeppol/BillitPeppol.node.ts');
		expect(imports).toContain('nodes/BillitPeppol/actions/resources');
		expect(imports).toContain('nodes/shared/billit/descriptions/connection');
		expect(imports.map(nodeFolderOf)).toContain(SHARED);
	});
});
