import type { N8nClient, StoredWorkflow } from '../n8n/client';
import { requestJson } from '../n8n/http';
import type { N8nExecution } from '../n8n/run-data';

const SCHEDULE_TRIGGER = 'n8n-nodes-base.scheduleTrigger';
// Short enough to wait for, long enough that the workflow is unpublished before it fires again.
const TEST_INTERVAL_SECONDS = 15;
const POLL_MS = 250;

type StoredNode = StoredWorkflow['nodes'][number];

/** Saves the workflow with some of its nodes changed, through n8n's public API as the editor would. */
export async function editNodes(n8n: N8nClient, workflowId: string, edit: (node: StoredNode) => StoredNode): Promise<void> {
	const workflow = await n8n.getWorkflow(workflowId);
	await requestJson<StoredWorkflow>(n8n.coordinates.baseUrl, {
		method: 'PUT',
		path: `/api/v1/workflows/${workflowId}`,
		headers: { 'X-N8N-API-KEY': n8n.coordinates.apiKey },
		body: { name: workflow.name, nodes: workflow.nodes.map(edit), connections: workflow.connections, settings: workflow.settings ?? {} },
	});
}

/**
 * The one change a test makes to an imported example, through n8n's API as a user would in the
 * editor: its Schedule Trigger fires every few seconds instead of every 30 minutes, so a test can
 * wait for a real, schedule-started production execution.
 */
export async function shortenSchedule(n8n: N8nClient, workflowId: string): Promise<void> {
	const workflow = await n8n.getWorkflow(workflowId);
	const schedules = workflow.nodes.filter((node) => node.type === SCHEDULE_TRIGGER);
	if (schedules.length !== 1) throw new Error(`workflow ${workflowId} has ${schedules.length} Schedule Triggers, expected 1`);
	await editNodes(n8n, workflowId, (node) =>
		node.type === SCHEDULE_TRIGGER
			? { ...node, parameters: { rule: { interval: [{ field: 'seconds', secondsInterval: TEST_INTERVAL_SECONDS }] } } }
			: node,
	);
}

async function waitForNewExecutionId(n8n: N8nClient, workflowId: string, known: Set<string>, timeoutMs: number): Promise<string> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		// Running executions count too: a slow run must not let the schedule fire again before unpublishing.
		const listed = [...(await n8n.executionsOf(workflowId)), ...(await n8n.runningExecutionsOf(workflowId))];
		const started = listed.filter((execution) => !known.has(String(execution.id)));
		if (started.length) return String(started[started.length - 1].id);
		if (Date.now() > deadline) throw new Error(`the trigger of workflow ${workflowId} started no execution within ${timeoutMs} ms`);
		await new Promise((resolve) => setTimeout(resolve, POLL_MS));
	}
}

/**
 * Publishes the workflow, waits until its trigger starts one production execution, unpublishes it
 * at once (so exactly one run happens) and returns that execution when it has finished.
 */
async function runOnceInProduction(n8n: N8nClient, workflowId: string, startTimeoutMs: number): Promise<N8nExecution> {
	const known = new Set((await n8n.executionsOf(workflowId, 100)).map((execution) => String(execution.id)));
	await n8n.activateWorkflow(workflowId);
	let executionId: string;
	try {
		executionId = await waitForNewExecutionId(n8n, workflowId, known, startTimeoutMs);
	} finally {
		await n8n.deactivateWorkflow(workflowId);
	}
	const execution = await n8n.waitForExecution(executionId);
	const others = (await n8n.executionsOf(workflowId, 100)).filter(
		(candidate) => !known.has(String(candidate.id)) && String(candidate.id) !== executionId,
	);
	if (others.length) throw new Error(`the trigger started ${others.length + 1} executions instead of one`);
	return execution;
}

/** One production execution started by the workflow's (shortened) Schedule Trigger. */
export async function runOnceOnSchedule(n8n: N8nClient, workflowId: string): Promise<N8nExecution> {
	return await runOnceInProduction(n8n, workflowId, (TEST_INTERVAL_SECONDS + 30) * 1000);
}

/**
 * One production execution started by a polling trigger: n8n polls once when the workflow is
 * published, so files already waiting are emitted without waiting for the first minute.
 */
export async function runOncePolled(n8n: N8nClient, workflowId: string): Promise<N8nExecution> {
	return await runOnceInProduction(n8n, workflowId, 60_000);
}
