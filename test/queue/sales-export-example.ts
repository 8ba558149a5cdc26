import { beforeAll } from 'vitest';

import type { StoredWorkflow } from '../support/n8n/client';
import { readExample } from '../support/pipelines/examples';
import { useImportedExample } from '../e2e/pipelines/imported-example';
import { SalesExportScene } from './sales-export-scene';

export interface SalesExportExample {
	scene: SalesExportScene;
	/** The imported workflow, available from the first test on. */
	workflow: () => StoredWorkflow;
}

/**
 * Registers the hooks of a queue-mode test file of `examples/sales-export.json`: the example
 * imported unchanged with its credentials (unpublished and deleted after the file's tests) and the
 * scene its tests read, prepared before the first test.
 */
export function useSalesExportExample(): SalesExportExample {
	const scene = new SalesExportScene();
	const workflow = useImportedExample(readExample('sales-export.json'));
	beforeAll(async () => {
		await scene.prepare();
	});
	return { scene, workflow };
}
