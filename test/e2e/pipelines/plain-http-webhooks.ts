import type { N8nClient } from '../../support/n8n/client';
import { editNodes } from '../../support/pipelines/production-run';

/**
 * The one change a test makes to an example with a Billit Trigger, through n8n's API as a user
 * would in the editor: the test's n8n listens on plain http on loopback, which Billit never
 * accepts, so the trigger's "Allow Plain HTTP" option (meant for the emulator) is switched on.
 */
export async function allowPlainHttpWebhooks(n8n: N8nClient, workflowId: string): Promise<void> {
	const triggerType = n8n.typeName('billitTrigger');
	const workflow = await n8n.getWorkflow(workflowId);
	if (!workflow.nodes.some((node) => node.type === triggerType)) throw new Error(`workflow ${workflowId} has no Billit Trigger`);
	await editNodes(n8n, workflowId, (node) => {
		if (node.type !== triggerType) return node;
		const parameters = node.parameters as { options?: Record<string, unknown> };
		return { ...node, parameters: { ...parameters, options: { ...parameters.options, allowPlainHttp: true } } };
	});
}
