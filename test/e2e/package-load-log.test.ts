import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { declaredTypes } from '../support/n8n/package-manifest';
import { repoRoot } from '../support/n8n/repo';
import { sharedN8n } from '../support/n8n/shared-instance';

const n8n = sharedN8n();

// n8n prints this once it has loaded every node and credential and listens for the editor.
const READY_LINE = 'Editor is now accessible via';
const PROBLEM = /error|warn|fail|skipp|cannot|could not|unrecognized|invalid|deprecat/i;
const STACK_FRAME = /^\s+at /;

function escaped(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * What n8n says about this package while it starts: its installed folder, its quoted name (as the
 * package loaders quote it) or one of its node or credential types. The runtime's own cache folder
 * carries the package name too, so a bare mention is not enough.
 */
function mentionsThisPackage(): RegExp {
	const { packageName, credentials } = declaredTypes(repoRoot);
	const name = escaped(packageName);
	const types = credentials.map(escaped).join('|');
	return new RegExp(`node_modules/${name}/|["'\`]${name}["'\`]|${name}\\.[A-Za-z]|\\b(${types})\\b`);
}

describe("n8n's log while it loads the package", () => {
	it('has no error, warning or stack frame about this package before the editor is ready', () => {
		const lines = readFileSync(n8n.coordinates.logFile, 'utf8').split('\n');
		const ready = lines.findIndex((line) => line.includes(READY_LINE));
		expect(ready, `"${READY_LINE}" in ${n8n.coordinates.logFile}`).toBeGreaterThan(0);

		const ours = mentionsThisPackage();
		const problems = lines.slice(0, ready).filter((line) => ours.test(line) && (PROBLEM.test(line) || STACK_FRAME.test(line)));
		expect(problems).toEqual([]);
	});
});
