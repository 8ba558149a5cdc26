/** Executions of a workflow that have not finished yet: the public API lists them only by status. */
import type { N8nClient } from '../support/n8n/client';
import { requestJson } from '../support/n8n/http';

const UNFINISHED_STATUSES = ['new', 'running', 'waiting'] as const;

export async function unfinishedExecutions(n8n: N8nClient, workflowId: string): Promise<number> {
	let count = 0;
	for (const status of UNFINISHED_STATUSES) {
		const query = new URLSearchParams({ workflowId, status, limit: '100' });
		const { body } = await requestJson<{ data: unknown[] }>(n8n.coordinates.baseUrl, {
			method: 'GET',
			path: `/api/v1/executions?${query}`,
			headers: { 'X-N8N-API-KEY': n8n.coordinates.apiKey },
		});
		count += body.data.length;
	}
	return count;
}
