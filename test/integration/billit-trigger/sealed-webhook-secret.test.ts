/**
 * n8n stores workflow static data in clear and exports it with the workflow: the Billit Trigger
 * keeps a webhook's signing secret there only sealed with its credential, and still verifies
 * deliveries with it.
 */
import type { IDataObject } from 'n8n-workflow';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import type { Emulator } from '../../../emulator';
import { signatureHeader } from '../../../emulator/webhook-dispatcher';
import { BillitTrigger } from '../../../nodes/BillitTrigger/BillitTrigger.node';
import { fakeTrigger, type FakeTrigger } from '../../support/fake-n8n/trigger';
import { COMPANY, credentialsFor, startBillitEmulator } from '../billit-node/harness';

const node = new BillitTrigger();
const URL = 'http://127.0.0.1:9/webhook/sealed/webhook';
// A different body per delivery: the trigger answers a repeated one as a replay, without a run.
const deliveryFor = (orderId: number) =>
	JSON.stringify({ UpdatedEntityID: orderId, UpdatedEntityType: 'Order', WebhookUpdateTypeTC: 'I', EntityDetail: { OrderID: orderId } });

let emulator: Emulator;

function trigger(staticData: IDataObject = {}, credentials: Record<string, IDataObject> = credentialsFor(emulator)): FakeTrigger {
	return fakeTrigger({
		parameters: { authentication: 'apiKey', events: ['orderCreated'], options: { allowPlainHttp: true } },
		credentials,
		webhookUrl: URL,
		staticData,
	});
}

function remoteSecret(): string {
	return [...emulator.store.companyData(COMPANY).webhooks.values()][0].Secret;
}

async function deliver(target: FakeTrigger, secret: string, body = deliveryFor(7)) {
	target.deliver({ rawBody: body, headers: { 'Billit-Signature': signatureHeader(secret, body, Math.floor(Date.now() / 1000)) } });
	return await node.webhook.call(target.context);
}

beforeAll(async () => {
	emulator = await startBillitEmulator();
});
afterAll(async () => {
	await emulator.stop();
});
beforeEach(() => {
	emulator.admin.reset();
});

describe('Billit Trigger webhook secret in static data', () => {
	it('is stored sealed, never in clear, and deliveries signed with it are accepted', async () => {
		const active = trigger();
		await node.webhookMethods.default.create.call(active.context);
		const secret = remoteSecret();
		expect(JSON.stringify(active.staticData)).not.toContain(secret);
		expect((await deliver(active, secret)).workflowData).toHaveLength(1);
	});

	it('no longer opens once the credential has another API key: deliveries are refused', async () => {
		const active = trigger();
		await node.webhookMethods.default.create.call(active.context);
		const credentials = credentialsFor(emulator);
		const rotated = trigger(active.staticData, { ...credentials, billitApi: { ...credentials.billitApi, apiKey: 'a-new-api-key' } });
		const result = await deliver(rotated, remoteSecret());
		expect(result.workflowData).toBeUndefined();
		expect(rotated.answer.status).toBe(401);
	});

	it('seals a secret an earlier version stored in clear on the next activation', async () => {
		const first = trigger();
		await node.webhookMethods.default.create.call(first.context);
		const secret = remoteSecret();
		const registration = (first.staticData.registrations as IDataObject).orderCreated as IDataObject;
		const legacy = trigger({ registrations: { orderCreated: { webhookId: registration.webhookId, url: URL, secret } } });
		expect((await deliver(legacy, secret)).workflowData).toHaveLength(1);
		await node.webhookMethods.default.create.call(legacy.context);
		expect(JSON.stringify(legacy.staticData)).not.toContain(secret);
		expect((await deliver(legacy, secret, deliveryFor(8))).workflowData).toHaveLength(1);
	});
});
