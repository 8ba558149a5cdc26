import { afterAll, beforeAll, inject } from 'vitest';

import type { N8nClient, StoredWorkflow, WorkflowFile } from '../../support/n8n/client';
import { sharedN8n } from '../../support/n8n/shared-instance';
import { createCredentialsFor } from '../../support/pipelines/credentials';

/** A change made to an imported workflow through n8n's API, as a user would in the editor (e.g. `shortenSchedule`). */
export type WorkflowEdit = (n8n: N8nClient, workflowId: string) => Promise<void>;

export interface ExampleImport {
	/** The shipped file, unchanged (see `readExample`). */
	example: WorkflowFile;
	/** Applied in order right after the import. */
	edits?: WorkflowEdit[];
}

/**
 * Registers the hooks of the enclosing file or `describe`: before all tests, creates through n8n's
 * API the credentials the examples refer to (pointing at the emulator and the SFTP server of this
 * run), imports each example unchanged and applies its edits; after all tests, unpublishes what a
 * test left published and deletes the workflows and the credentials. Returns the stored workflow
 * of a key, available from the first test (and later `beforeAll` hooks) on.
 */
export function useImportedExamples<Key extends string>(imports: Record<Key, ExampleImport>): (key: Key) => StoredWorkflow {
	const n8n = sharedN8n();
	const targets = { emulatorUrl: inject('billitEmulator').url, sftp: inject('testServers').sftp };
	const entries = Object.entries(imports) as Array<[Key, ExampleImport]>;
	const stored = new Map<Key, StoredWorkflow>();
	let deleteCredentials: (() => Promise<void>) | undefined;

	beforeAll(async () => {
		deleteCredentials = await createCredentialsFor(
			n8n,
			entries.map(([, { example }]) => example),
			targets,
		);
		for (const [key, { example, edits = [] }] of entries) {
			const workflow = await n8n.importWorkflow(example);
			stored.set(key, workflow);
			for (const edit of edits) await edit(n8n, workflow.id);
		}
	});

	afterAll(async () => {
		// Deleted in reverse import order, so a workflow goes before the one it names as error workflow.
		for (const workflow of [...stored.values()].reverse()) {
			// Unpublished first, as a user would before deleting (a test may leave one published).
			if ((await n8n.getWorkflow(workflow.id)).active) await n8n.deactivateWorkflow(workflow.id);
			await n8n.deleteWorkflow(workflow.id);
		}
		await deleteCredentials?.();
	});

	return (key) => {
		const workflow = stored.get(key);
		if (!workflow) throw new Error(`example '${key}' is not imported: use it in a test or a later beforeAll hook`);
		return workflow;
	};
}

/** `useImportedExamples` for a test of one example: returns its stored workflow. */
export function useImportedExample(example: WorkflowFile, edits: WorkflowEdit[] = []): () => StoredWorkflow {
	const workflowOf = useImportedExamples({ example: { example, edits } });
	return () => workflowOf('example');
}
