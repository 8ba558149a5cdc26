import type { N8nClient } from '../../support/n8n/client';
import { requestJson } from '../../support/n8n/http';
import { isFinished, type N8nExecution } from '../../support/n8n/run-data';
import { orderIdsOf } from './emitted';

const POLL_MS = 1000;
const RECENT = 100;

async function pause(): Promise<void> {
	await new Promise((resolve) => setTimeout(resolve, POLL_MS));
}

/**
 * Waits until the finished executions of a workflow carry every expected OrderID at `nodeName`,
 * and returns those executions, oldest first.
 */
export async function waitForOrderIds(
	n8n: N8nClient,
	workflowId: string,
	nodeName: string,
	expected: number[],
	timeoutMs: number,
): Promise<N8nExecution[]> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const executions = (await n8n.executionsOf(workflowId, RECENT)).filter(isFinished).reverse();
		const carried = new Set(executions.flatMap((execution) => (execution.data ? orderIdsOf(execution, nodeName) : [])));
		const missing = expected.filter((id) => !carried.has(id));
		if (missing.length === 0) return executions;
		if (Date.now() > deadline) {
			throw new Error(`workflow ${workflowId}: ${missing.length} of ${expected.length} invoices never reached "${nodeName}" (e.g. ${missing.slice(0, 5).join(', ')})`);
		}
		await pause();
	}
}

/** Waits for an execution of the workflow that is still running, e.g. held by a slow step. */
export async function waitForRunningExecution(n8n: N8nClient, workflowId: string, timeoutMs: number): Promise<N8nExecution> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const running = await n8n.runningExecutionsOf(workflowId, RECENT);
		if (running.length) return running[0];
		if (Date.now() > deadline) throw new Error(`workflow ${workflowId} had no running execution within ${timeoutMs} ms`);
		await pause();
	}
}

/** Waits until a condition on the workflow's stored static data holds. */
export async function waitForStaticData(
	n8n: N8nClient,
	workflowId: string,
	holds: (staticData: Record<string, unknown>) => boolean,
	timeoutMs: number,
): Promise<Record<string, unknown>> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const raw = (await n8n.getWorkflow(workflowId)).staticData;
		const staticData = (typeof raw === 'string' ? JSON.parse(raw) : (raw ?? {})) as Record<string, unknown>;
		if (holds(staticData)) return staticData;
		if (Date.now() > deadline) throw new Error(`workflow ${workflowId}: static data never reached the expected state: ${JSON.stringify(staticData)}`);
		await pause();
	}
}

/**
 * "Retry" of an execution (public API); returns the id of the execution the retry started. n8n
 * answers only when that execution has finished, so the request may take as long as the workflow.
 */
export async function retryExecution(n8n: N8nClient, executionId: string | number, timeoutMs: number): Promise<string> {
	const { body } = await requestJson<{ id: string | number }>(n8n.coordinates.baseUrl, {
		method: 'POST',
		path: `/api/v1/executions/${executionId}/retry`,
		headers: { 'X-N8N-API-KEY': n8n.coordinates.apiKey },
		body: {},
		timeoutMs,
	});
	return String(body.id);
}
