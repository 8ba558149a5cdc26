import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

interface ExampleNode {
	type: string;
	parameters?: { folder?: unknown };
}

/** The server folders the examples' File Exchange Triggers poll; a trigger on a missing folder fails. */
export function createWatchedFolders(sftpRoot: string, workflows: Array<{ workflow: { nodes: unknown[] } }>): string[] {
	const folders = new Set<string>();
	for (const { workflow } of workflows) {
		for (const node of workflow.nodes as ExampleNode[]) {
			const folder = node.parameters?.folder;
			if (node.type.endsWith('.fileExchangeTrigger') && typeof folder === 'string') folders.add(folder);
		}
	}
	for (const folder of folders) mkdirSync(join(sftpRoot, folder), { recursive: true, mode: 0o755 });
	return [...folders].sort();
}
