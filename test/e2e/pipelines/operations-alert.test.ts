import { beforeAll, describe, expect, inject, it } from 'vitest';

import type { StoredWorkflow } from '../../support/n8n/client';
import { assertSucceeded, nodeOutput } from '../../support/n8n/run-data';
import { sharedN8n } from '../../support/n8n/shared-instance';
import { BillitEmulatorClient } from './billit-emulator';
import { setErrorWorkflow } from './error-workflow';
import { readExample } from '../../support/pipelines/examples';
import { useImportedExamples } from './imported-example';
import { runOnceOnSchedule, shortenSchedule } from '../../support/pipelines/production-run';
import { SftpFolder } from '../../support/pipelines/sftp-folder';

const n8n = sharedN8n();
const billit = new BillitEmulatorClient();
const sftp = inject('testServers').sftp;
const alerts = new SftpFolder(sftp, '/alerts');
const exportFolder = new SftpFolder(sftp, '/export');
const alertExample = readExample('operations-alert.json');
const pipelineExample = readExample('sales-export.json');

const workflows = useImportedExamples({
	alert: { example: alertExample },
	pipeline: { example: pipelineExample, edits: [shortenSchedule] },
});
let alertWorkflow: StoredWorkflow;
let pipeline: StoredWorkflow;

beforeAll(async () => {
	alertWorkflow = workflows('alert');
	pipeline = workflows('pipeline');
	await setErrorWorkflow(n8n, pipeline.id, alertWorkflow.id);
	// n8n runs only a published error workflow, as the example's note says.
	await n8n.activateWorkflow(alertWorkflow.id);
});

describe('examples/operations-alert.json as the error workflow of the sales export, in a real n8n', () => {
	it('writes its example alert when run from Run Now in the editor', async () => {
		alerts.reset();
		const execution = await n8n.runManually(alertWorkflow.id);
		assertSucceeded(execution);
		const files = alerts.files();
		expect(files.map((file) => file.remotePath)).toEqual([expect.stringMatching(/^\/alerts\/\d{4}\/\d{8}T\d{6}-execution-231\.txt$/)]);
		const alert = alerts.read(files[0].remotePath);
		expect(alert).toContain('Workflow: Billit sales export to SFTP (every 30 minutes) (ID 1)');
		expect(alert).toContain('Failed node: Mark Exported');
		expect(alert).toContain('Item: input item 1 of that node');
		expect(alert).toContain('Details: Example only');
	});

	it('writes an alert file naming the workflow, execution, failing node, item and reason of a failed production run', async () => {
		alerts.reset();
		exportFolder.reset();
		await billit.reset();
		// The seed rotates customers (on Peppol, e-mail only, no contact): invoices 0 and 3 can go over Peppol.
		const ids = await billit.seedInvoices(4);
		await billit.send([ids[0], ids[3]], 'Peppol');
		// Billit refuses to mark the second invoice exported once: the run fails after its uploads.
		await billit.addFault({ kind: 'status', status: 400, method: 'PATCH', path: `/v1/orders/${ids[3]}`, count: 1 });
		const knownAlerts = (await n8n.executionsOf(alertWorkflow.id)).map((execution) => execution.id);

		const failed = await runOnceOnSchedule(n8n, pipeline.id);
		expect(failed.status).toBe('error');
		const markInputs = nodeOutput(failed, 'Upload PDF');
		const failedItem = markInputs.findIndex((item) => item.OrderID === ids[3]);
		expect(failedItem).toBeGreaterThanOrEqual(0);

		const alertRun = await n8n.waitForExecutionOf(alertWorkflow.id, { after: knownAlerts });
		assertSucceeded(alertRun);
		expect(alertRun.mode).toBe('error');

		const files = alerts.files();
		expect(files).toHaveLength(1);
		const year = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric' }).format(new Date());
		expect(files[0].remotePath).toMatch(new RegExp(`^/alerts/${year}/\\d{8}T\\d{6}-execution-${failed.id}\\.txt$`));
		expect(files[0].mode.toString(8)).toBe('664');
		const alert = alerts.read(files[0].remotePath);
		expect(alert).toContain(`Workflow: ${pipeline.name} (ID ${pipeline.id})`);
		expect(alert).toContain(`Execution: ${failed.id}, mode trigger`);
		expect(alert).toMatch(new RegExp(`Open in n8n: http\\S+/workflow/${pipeline.id}/executions/${failed.id}`));
		expect(alert).toContain('Failed node: Mark Exported');
		expect(alert).toContain(`Item: input item ${failedItem} of that node`);
		expect(alert).toMatch(/Reason: .*InjectedFault/);
	});
});
