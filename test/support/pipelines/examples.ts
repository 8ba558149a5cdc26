import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { WorkflowFile } from '../n8n/client';
import { repoRoot } from '../n8n/repo';

/** A shipped example exactly as it is on disk: the tests import this, never an edited copy. */
export function readExample(fileName: string): WorkflowFile {
	return JSON.parse(readFileSync(join(repoRoot, 'examples', fileName), 'utf8')) as WorkflowFile;
}

/** The credential names an example refers to, per credential type (n8n resolves them by name on import). */
export function credentialNamesOf(workflow: WorkflowFile): Map<string, string> {
	const names = new Map<string, string>();
	for (const node of workflow.nodes) {
		const credentials = (node.credentials ?? {}) as Record<string, { name: string }>;
		for (const [type, reference] of Object.entries(credentials)) names.set(type, reference.name);
	}
	return names;
}
