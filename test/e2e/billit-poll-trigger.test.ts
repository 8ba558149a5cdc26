import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { StoredCredential, StoredWorkflow } from '../support/n8n/client';
import { assertSucceeded, nodeOutput, type N8nExecution } from '../support/n8n/run-data';
import { BillitScene } from './trigger-helpers/billit-scene';
import { orderIdsOf, repeated } from './trigger-helpers/emitted';
import {
	retryExecution,
	waitForOrderIds,
	waitForRunningExecution,
	waitForStaticData,
} from './trigger-helpers/executions';
import { PrivateN8n } from './trigger-helpers/private-n8n';
import { DONE, POLL_TRIGGER, pollWorkflow } from './trigger-helpers/workflows';

// n8n polls at most once a minute: a poll is due within that, plus a loaded machine's slack.
const NEXT_POLL_MS = 150_000;
const SLOW_STEP_SECONDS = 45;
// Several polls a minute apart, and for the crash a restart of n8n on a loaded machine.
const POLLS_TEST_TIMEOUT_MS = 600_000;
const CRASH_TEST_TIMEOUT_MS = 900_000;

const scene = new BillitScene();
let n8n: PrivateN8n;
let credential: StoredCredential;

async function publishedPollWorkflow(name: string, slowStepSeconds?: number): Promise<StoredWorkflow> {
	const workflow = await n8n.client.importWorkflow(pollWorkflow(n8n.client, name, credential, { slowStepSeconds }));
	// Publishing polls once: the first activation only places the cursor at "now".
	await n8n.client.activateWorkflow(workflow.id);
	return workflow;
}

function carried(executions: N8nExecution[]): number[] {
	return executions.flatMap((execution) => orderIdsOf(execution, DONE));
}

function sorted(ids: number[]): number[] {
	return [...ids].sort((a, b) => a - b);
}

beforeAll(async () => {
	await scene.start();
	n8n = await PrivateN8n.start();
	credential = await scene.createCredential(n8n.client, 'Billit emulator (poll trigger e2e)');
});

afterAll(async () => {
	await n8n?.stop();
	await scene.stop();
});

describe('Billit Poll Trigger in a real n8n', () => {
	it('emits each of 250 invoices with equal LastModified exactly once across polls', { timeout: POLLS_TEST_TIMEOUT_MS }, async () => {
		const workflow = await publishedPollWorkflow('Billit Poll Trigger e2e: changed invoices');
		try {
			// The first invoice gets a fresh timestamp after the cursor; every later change repeats it.
			const firstBatch = scene.createInvoices(1);
			scene.setSwitches({ lastModifiedTies: true });
			firstBatch.push(...scene.createInvoices(119));
			await waitForOrderIds(n8n.client, workflow.id, DONE, firstBatch, NEXT_POLL_MS);

			const secondBatch = scene.createInvoices(130);
			const executions = await waitForOrderIds(n8n.client, workflow.id, DONE, [...firstBatch, ...secondBatch], NEXT_POLL_MS);

			executions.forEach(assertSucceeded);
			const emitted = carried(executions);
			expect(repeated(emitted)).toEqual([]);
			expect(sorted(emitted)).toEqual(sorted([...firstBatch, ...secondBatch]));
			expect(executions.length).toBeGreaterThanOrEqual(2);
			const tiedStamps = new Set(
				executions.flatMap((execution) =>
					nodeOutput(execution, DONE)
						.filter((item) => item.OrderID !== firstBatch[0])
						.map((item) => item.LastModified),
				),
			);
			expect(tiedStamps.size).toBe(1);
		} finally {
			await n8n.client.deactivateWorkflow(workflow.id);
			scene.setSwitches({ lastModifiedTies: false });
		}
	});

	it('loses nothing when n8n is killed between a poll and the end of its execution', { timeout: CRASH_TEST_TIMEOUT_MS }, async () => {
		const workflow = await publishedPollWorkflow('Billit Poll Trigger e2e: crash', SLOW_STEP_SECONDS);
		const batch = scene.createInvoices(5);
		const newest = Math.max(...batch);

		// The poll emitted the batch and the execution sits in the slow step; n8n saved the cursor.
		const interrupted = await waitForRunningExecution(n8n.client, workflow.id, NEXT_POLL_MS);
		await waitForStaticData(
			n8n.client,
			workflow.id,
			(staticData) => (staticData[`node:${POLL_TRIGGER}`] as { cursor?: { orderId?: number } } | undefined)?.cursor?.orderId === newest,
			30_000,
		);
		await n8n.kill();
		await n8n.restart();

		const crashed = await n8n.client.waitForExecution(interrupted.id, { timeoutMs: 60_000 });
		expect(crashed.status).toBe('crashed');

		// n8n 2.41 does not start the interrupted execution again and the trigger does not re-emit
		// its items (the cursor was saved when it emitted): the next poll carries only new invoices.
		const later = scene.createInvoices(1);
		const afterRestart = await waitForOrderIds(n8n.client, workflow.id, DONE, later, NEXT_POLL_MS + SLOW_STEP_SECONDS * 1000);
		const finishedSinceCrash = afterRestart.filter((execution) => Number(execution.id) > Number(interrupted.id));
		expect(sorted(carried(finishedSinceCrash))).toEqual(later);

		// The interrupted execution kept the emitted items: retrying it finishes the batch.
		const retryTimeoutMs = 60_000 + SLOW_STEP_SECONDS * 1000;
		const retried = await n8n.client.waitForExecution(await retryExecution(n8n.client, interrupted.id, retryTimeoutMs), {
			timeoutMs: retryTimeoutMs,
		});
		assertSucceeded(retried);
		expect(sorted(orderIdsOf(retried, DONE))).toEqual(sorted(batch));
		await n8n.client.deactivateWorkflow(workflow.id);
	});
});
