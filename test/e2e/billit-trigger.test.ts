import { createHmac } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { StoredCredential, StoredWorkflow } from '../support/n8n/client';
import { assertSucceeded, type N8nExecution } from '../support/n8n/run-data';
import { sharedN8n } from '../support/n8n/shared-instance';
import { BillitScene } from './trigger-helpers/billit-scene';
import { orderIdsOf } from './trigger-helpers/emitted';
import { TRIGGER, webhookWorkflow } from './trigger-helpers/workflows';

const n8n = sharedN8n();
const scene = new BillitScene();

let credential: StoredCredential;
const created: StoredWorkflow[] = [];
let first: { workflow: StoredWorkflow; productionUrl: string };

async function importWebhookWorkflow(name: string) {
	const { workflow, productionUrl } = webhookWorkflow(n8n, name, credential, ['orderCreated']);
	const stored = await n8n.importWorkflow(workflow);
	created.push(stored);
	return { workflow: stored, productionUrl };
}

async function executionIds(workflowId: string): Promise<string[]> {
	return (await n8n.executionsOf(workflowId, 100)).map((execution) => String(execution.id));
}

/** Creates one invoice and returns its id with the execution its webhook delivery started. */
async function invoiceStartsExecution(workflowId: string): Promise<{ orderId: number; execution: N8nExecution; known: string[] }> {
	const known = await executionIds(workflowId);
	const [orderId] = scene.createInvoices(1);
	const execution = await n8n.waitForExecutionOf(workflowId, { after: known, timeoutMs: 60_000 });
	assertSucceeded(execution);
	return { orderId, execution, known };
}

function signedWithWrongSecret(body: string): string {
	const timestamp = Math.floor(Date.now() / 1000);
	const signature = createHmac('sha256', 'not-the-webhook-secret').update(`${timestamp}.${body}`).digest('hex');
	return `t=${timestamp},s=${signature}`;
}

beforeAll(async () => {
	await scene.start();
	// One webhook per company, so a second workflow on the same event meets Billit's limit at once
	// (Billit documents four; the emulator's switch makes the limit reachable with one event).
	scene.setSwitches({ webhookLimit: 1 });
	credential = await scene.createCredential(n8n, 'Billit emulator (trigger e2e)');
});

afterAll(async () => {
	for (const workflow of created) {
		await n8n.deactivateWorkflow(workflow.id).catch(() => undefined);
		await n8n.deleteWorkflow(workflow.id);
	}
	if (credential) await n8n.deleteCredential(credential.id);
	await scene.stop();
});

describe('Billit Trigger in a real n8n', () => {
	it('registers its webhook at Billit with n8n\'s production URL when published', async () => {
		first = await importWebhookWorkflow('Billit Trigger e2e: first');
		await n8n.activateWorkflow(first.workflow.id);

		const hooks = await scene.webhooks();
		expect(hooks).toEqual([expect.objectContaining({ EntityType: 'Order', EntityUpdateType: 'I', WebhookURL: first.productionUrl })]);
		expect(first.productionUrl).toMatch(new RegExp(`^${n8n.coordinates.baseUrl}/webhook/[0-9a-f-]{36}/webhook$`));
	});

	it('starts an execution carrying the order id when an invoice is created', async () => {
		const { orderId, execution } = await invoiceStartsExecution(first.workflow.id);

		expect(execution.mode).toBe('webhook');
		expect(orderIdsOf(execution, TRIGGER)).toEqual([orderId]);
		const delivery = scene.deliveries().find((candidate) => candidate.UpdatedEntityID === orderId);
		expect(delivery).toMatchObject({ WebhookURL: first.productionUrl, EventType: 'Order I', Status: 200 });
	});

	it('answers a delivery with a bad signature 401 and starts nothing', async () => {
		const known = await executionIds(first.workflow.id);
		const body = JSON.stringify({ UpdatedEntityID: 999_999, UpdatedEntityType: 'Order', WebhookUpdateTypeTC: 'I', EntityDetail: {} });
		const forged = await fetch(first.productionUrl, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'Billit-Signature': signedWithWrongSecret(body) },
			body,
		});
		expect(forged.status).toBe(401);
		expect(await forged.text()).toMatch(/Invalid Billit signature/);

		// n8n answered before anything could start; a genuine delivery afterwards proves the forged
		// one left no execution behind: the genuine one is the only new execution.
		const { orderId, execution } = await invoiceStartsExecution(first.workflow.id);
		const started = (await executionIds(first.workflow.id)).filter((id) => !known.includes(id));
		expect(started).toEqual([String(execution.id)]);
		expect(orderIdsOf(execution, TRIGGER)).toEqual([orderId]);
	});

	it('answers every earlier delivery, replayed as Billit sent it, 200 as a duplicate and starts nothing', async () => {
		// In queue mode the trigger's memory is written on the main instance and the executions run on
		// the workers: this proves that memory outlives the deliveries' runs.
		const delivered = scene.deliveries().filter((delivery) => delivery.Status === 200);
		expect(delivered.length).toBeGreaterThanOrEqual(2);
		const known = await executionIds(first.workflow.id);
		for (const delivery of delivered) {
			const replay = await fetch(first.productionUrl, {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'Billit-Signature': delivery.Signature },
				body: delivery.Body,
			});
			expect(replay.status).toBe(200);
			expect(await replay.json()).toEqual({ received: true, duplicate: true });
		}

		// As with the forged delivery: the next genuine delivery's execution is the only new one.
		const { orderId, execution } = await invoiceStartsExecution(first.workflow.id);
		const started = (await executionIds(first.workflow.id)).filter((id) => !known.includes(id));
		expect(started).toEqual([String(execution.id)]);
		expect(orderIdsOf(execution, TRIGGER)).toEqual([orderId]);
	});

	it('refuses to publish a second workflow on the same event at Billit\'s limit, naming the existing webhook', async () => {
		const second = await importWebhookWorkflow('Billit Trigger e2e: second');
		const [existing] = await scene.webhooks();

		const publishing = n8n.activateWorkflow(second.workflow.id);
		await expect(publishing).rejects.toThrow(/Billit refused the webhook for Invoice Created \(Order I\)/);
		await expect(publishing).rejects.toThrow(new RegExp(`#${existing.WebhookID} Invoice Created \\(Order I\\) → ${first.productionUrl}`));

		// The first workflow keeps its registration and its deliveries.
		expect(await scene.webhooks()).toEqual([existing]);
		const secondBefore = await executionIds(second.workflow.id);
		const { orderId, execution } = await invoiceStartsExecution(first.workflow.id);
		expect(orderIdsOf(execution, TRIGGER)).toEqual([orderId]);
		expect(await executionIds(second.workflow.id)).toEqual(secondBefore);
	});

	it('removes its webhook at Billit when unpublished', async () => {
		await n8n.deactivateWorkflow(first.workflow.id);

		expect(await scene.webhooks()).toEqual([]);
	});
});
