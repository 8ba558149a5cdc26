import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Whether the running n8n moves a failed item to a node's error output only when the item carries
 * the error itself. n8n 1.x does (its engine ignores an item whose JSON holds `details`); n8n 2.x
 * also routes by the JSON, and there an item's own error makes the engine replace the JSON with the
 * bare message, dropping `details`. The n8n-workflow that n8n hands its nodes tells the line apart.
 */
export function routesOnlyByItemError(): boolean {
	return engineMajor() < 2;
}

let major: number | undefined;

function engineMajor(): number {
	major ??= readWorkflowMajor();
	return major;
}

function readWorkflowMajor(): number {
	try {
		let dir = dirname(require.resolve('n8n-workflow'));
		for (let depth = 0; depth < 5; depth++, dir = dirname(dir)) {
			const manifest = readManifest(join(dir, 'package.json'));
			if (manifest?.name === 'n8n-workflow') return Number.parseInt(manifest.version ?? '', 10) || 2;
		}
	} catch {
		// Not resolvable from here: assume the current line.
	}
	return 2;
}

function readManifest(path: string): { name?: string; version?: string } | undefined {
	try {
		return JSON.parse(readFileSync(path, 'utf8')) as { name?: string; version?: string };
	} catch {
		return undefined;
	}
}
