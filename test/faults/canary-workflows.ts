/** The workflows that put each canary credential to use, with a succeeding and a failing step. */
import { randomUUID } from 'node:crypto';

import type { N8nClient, StoredCredential, WorkflowFile } from '../support/n8n/client';
import { chain, fileExchangeNode, manualTrigger, packageNode, type WorkflowNode } from '../e2e/billit-workflow-nodes';

export const MISSING_ORDER_ID = '987654321';

function sftpList(n8n: N8nClient, credential: StoredCredential, name: string, folder: string): WorkflowNode {
	// An empty folder lists no item; the next step must run all the same.
	return { ...fileExchangeNode(n8n, credential, name, { operation: 'list', folder, recursive: false }), alwaysOutputData: true };
}

/** Manual Trigger → list `/` → list a folder that does not exist (the second step fails). */
export function sftpWorkflow(n8n: N8nClient, credential: StoredCredential, name: string): WorkflowFile {
	return chain(name, [
		manualTrigger(),
		sftpList(n8n, credential, 'List Home', '/'),
		sftpList(n8n, credential, 'List Missing Folder', `/missing-${randomUUID()}`),
	]);
}

/** Manual Trigger → account information → an invoice that does not exist (the second step fails). */
export function billitWorkflow(n8n: N8nClient, credential: StoredCredential, name: string, partyId: number): WorkflowFile {
	const company = { __rl: true, mode: 'id', value: String(partyId) };
	return chain(name, [
		manualTrigger(),
		packageNode(n8n, credential, 'billit', 'Account Information', { resource: 'company', operation: 'getAccountInformation', company }),
		packageNode(n8n, credential, 'billit', 'Missing Invoice', {
			resource: 'invoice',
			operation: 'get',
			company,
			orderId: { __rl: true, mode: 'id', value: MISSING_ORDER_ID },
		}),
	]);
}
