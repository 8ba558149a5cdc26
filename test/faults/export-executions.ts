/**
 * A workflow's executions through n8n's public API, without their run data (a run over a thousand
 * invoices carries megabytes). The list leaves out unfinished executions unless asked for them.
 */
import { requestJson } from '../support/n8n/http';
import type { N8nExecution } from '../support/n8n/run-data';
import type { RestartableN8n } from './export-restartable-n8n';

const RECENT = '100';

async function publicApi<T>(n8n: RestartableN8n, path: string): Promise<T> {
	const { baseUrl, apiKey } = n8n.client.coordinates;
	return (await requestJson<T>(baseUrl, { method: 'GET', path: `/api/v1${path}`, headers: { 'X-N8N-API-KEY': apiKey } })).body;
}

/** Ids of the workflow's recent executions, running or finished. */
export async function executionIds(n8n: RestartableN8n, workflowId: string): Promise<Set<string>> {
	const lists = await Promise.all(
		[{}, { status: 'running' }].map(async (filter: { status?: string }) => {
			const query = new URLSearchParams({ workflowId, limit: RECENT });
			if (filter.status) query.set('status', filter.status);
			return (await publicApi<{ data: N8nExecution[] }>(n8n, `/executions?${query}`)).data;
		}),
	);
	return new Set(lists.flat().map((execution) => String(execution.id)));
}

/** One execution with its status, without run data. */
export async function executionSummary(n8n: RestartableN8n, executionId: string): Promise<N8nExecution> {
	return await publicApi<N8nExecution>(n8n, `/executions/${executionId}`);
}
