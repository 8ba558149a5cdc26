import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

import { repoRoot } from '../../support/n8n/repo';

// Test suites are leaves: benchmarks, scripts, the emulator, the product and test/support import
// from test/support (fakes, harnesses, shared samples), never from a suite's folder, so a suite
// can be reorganised or left out without breaking anything else.
const SUITES = ['unit', 'integration', 'faults', 'e2e', 'queue'].map((suite) => join('test', suite));
const SOURCE = /\.(ts|mts|cts|js|mjs|cjs)$/;
const SKIPPED = new Set(['node_modules', 'dist', '.git']);
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\bvi\.mock\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]*)['"]/g;

function suiteOf(path: string): string | undefined {
	return SUITES.find((suite) => path === suite || path.startsWith(suite + sep));
}

function sourceFiles(folder: string): string[] {
	return readdirSync(join(repoRoot, folder), { withFileTypes: true }).flatMap((entry) => {
		if (SKIPPED.has(entry.name)) return [];
		const path = join(folder, entry.name);
		if (entry.isDirectory()) return suiteOf(path) ? [] : sourceFiles(path);
		return SOURCE.test(entry.name) ? [path] : [];
	});
}

/** The suite folders a file (path relative to the repository) imports, as `specifier → suite`. */
export function suiteImports(file: string, source: string): string[] {
	return [...source.matchAll(SPECIFIER)].flatMap(([, specifier]) => {
		const target = relative(repoRoot, resolve(repoRoot, dirname(file), specifier));
		const suite = suiteOf(target);
		return suite ? [`${specifier} → ${suite}`] : [];
	});
}

describe('test suite folders', () => {
	it('are imported by nothing outside the suites', () => {
		const files = sourceFiles('.');
		for (const folder of ['bench', 'scripts', 'emulator', 'lib', 'nodes', join('test', 'support')]) {
			expect(files.some((file) => file.startsWith(folder + sep)), folder).toBe(true);
		}
		const violations = files.flatMap((file) =>
			suiteImports(file, readFileSync(join(repoRoot, file), 'utf8')).map((found) => `${file}: ${found}`),
		);
		expect(violations).toEqual([]);
	});

	it('are recognised in every import form', () => {
		const source = [
			"import { a } from '../test/unit/ubl/samples';",
			"export * from '../../test/e2e/pipelines/examples';",
			"const b = await import('../test/integration/emulator/own-ubl');",
			"const c = require('../test/faults/support/billit');",
			"import '../test/queue/setup';",
			"import { d } from '../test/support/ubl/mutations';",
		].join('\n');
		expect(suiteImports(join('scripts', 'tool.ts'), source)).toEqual([
			`../test/unit/ubl/samples → ${join('test', 'unit')}`,
			`../test/integration/emulator/own-ubl → ${join('test', 'integration')}`,
			`../test/faults/support/billit → ${join('test', 'faults')}`,
			`../test/queue/setup → ${join('test', 'queue')}`,
		]);
		expect(suiteImports(join('bench', 'tool.ts'), "import { e } from '../test/e2e/pipelines/examples';")).toHaveLength(1);
	});
});
