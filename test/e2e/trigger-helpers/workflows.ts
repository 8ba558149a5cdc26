import { randomUUID } from 'node:crypto';

import type { N8nClient, StoredCredential, WorkflowFile } from '../../support/n8n/client';

type WorkflowNode = WorkflowFile['nodes'][number];

export const TRIGGER = 'Billit Trigger';
export const POLL_TRIGGER = 'Billit Poll Trigger';
export const SLOW_STEP = 'Slow Step';
export const DONE = 'Done';

function node(name: string, type: string, typeVersion: number, parameters: Record<string, unknown>, x: number): WorkflowNode {
	return { id: randomUUID(), name, type, typeVersion, position: [x, 0], parameters };
}

function withCredential(target: WorkflowNode, credential: StoredCredential): WorkflowNode {
	return { ...target, credentials: { billitApi: { id: credential.id, name: credential.name } } };
}

/** Straight chain: each node feeds the next on its first output. */
function chain(name: string, nodes: WorkflowNode[]): WorkflowFile {
	const connections: Record<string, unknown> = {};
	for (let index = 0; index + 1 < nodes.length; index++) {
		connections[nodes[index].name] = { main: [[{ node: nodes[index + 1].name, type: 'main', index: 0 }]] };
	}
	return { name, nodes, connections, settings: { executionOrder: 'v1' } };
}

/**
 * A workflow started by the Billit Trigger on the given events. The node carries a webhook id as the
 * editor gives it, so its production URL is `<base>/webhook/<webhookId>/webhook`. n8n's webhook URL
 * is plain http here, hence "Allow Plain HTTP" (the emulator accepts loopback URLs).
 */
export function webhookWorkflow(n8n: N8nClient, name: string, credential: StoredCredential, events: string[]) {
	const webhookId = randomUUID();
	const trigger = withCredential(
		{
			...node(TRIGGER, n8n.typeName('billitTrigger'), 1, { authentication: 'apiKey', events, options: { allowPlainHttp: true } }, 0),
			webhookId,
		},
		credential,
	);
	return { workflow: chain(name, [trigger]), productionUrl: `${n8n.coordinates.baseUrl}/webhook/${webhookId}/webhook` };
}

export interface PollWorkflowOptions {
	/** Seconds a Wait node holds the execution after the poll emitted (kept in memory under 65 s). */
	slowStepSeconds?: number;
	maxDocuments?: number;
}

/**
 * Billit Poll Trigger on changed invoices, polled every minute (n8n refuses shorter poll times),
 * optionally followed by a Wait node, ending in a No Operation node whose output is what the run
 * finally carried.
 */
export function pollWorkflow(n8n: N8nClient, name: string, credential: StoredCredential, options: PollWorkflowOptions = {}): WorkflowFile {
	const trigger = withCredential(
		node(
			POLL_TRIGGER,
			n8n.typeName('billitPollTrigger'),
			1,
			{
				pollTimes: { item: [{ mode: 'everyMinute' }] },
				authentication: 'apiKey',
				event: 'changedInvoice',
				maxDocuments: options.maxDocuments ?? 1000,
			},
			0,
		),
		credential,
	);
	const slow =
		options.slowStepSeconds === undefined
			? []
			: [node(SLOW_STEP, 'n8n-nodes-base.wait', 1.1, { resume: 'timeInterval', amount: options.slowStepSeconds, unit: 'seconds' }, 250)];
	const done = node(DONE, 'n8n-nodes-base.noOp', 1, {}, 500);
	return chain(name, [trigger, ...slow, done]);
}
