import type { N8nClient, StoredWorkflow } from '../../support/n8n/client';
import { requestJson } from '../../support/n8n/http';

/**
 * Sets a workflow's Error Workflow through n8n's API, as a user does in the workflow's settings:
 * n8n then starts that workflow whenever a production run fails.
 */
export async function setErrorWorkflow(n8n: N8nClient, workflowId: string, errorWorkflowId: string): Promise<void> {
	const workflow = await n8n.getWorkflow(workflowId);
	await requestJson<StoredWorkflow>(n8n.coordinates.baseUrl, {
		method: 'PUT',
		path: `/api/v1/workflows/${workflowId}`,
		headers: { 'X-N8N-API-KEY': n8n.coordinates.apiKey },
		body: {
			name: workflow.name,
			nodes: workflow.nodes,
			connections: workflow.connections,
			settings: { ...(workflow.settings ?? {}), errorWorkflow: errorWorkflowId },
		},
	});
}
