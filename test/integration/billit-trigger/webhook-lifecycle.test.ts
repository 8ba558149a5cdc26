import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IDataObject } from 'n8n-workflow';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../../emulator';
import { openSecret } from '../../../lib/billit/webhooks/webhook-secret-seal';
import { BillitTrigger } from '../../../nodes/BillitTrigger/BillitTrigger.node';
import { COMPANY, credentialsFor, received, startBillitEmulator } from '../billit-node/harness';
import { fakeTrigger, type FakeTrigger } from '../../support/fake-n8n/trigger';

const node = new BillitTrigger();
const ALL_FOUR = ['orderCreated', 'orderUpdated', 'messageCreated', 'messageUpdated'];

let emulator: Emulator;
let receiver: Server;
let receiverUrl: string;
let listening: FakeTrigger | undefined;
const emitted: IDataObject[] = [];

/** A stand-in for n8n's webhook endpoint: passes each delivery to the trigger's webhook(). */
async function startReceiver(): Promise<void> {
	receiver = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const trigger = listening;
			if (!trigger) return void res.writeHead(404).end();
			trigger.deliver({ rawBody: Buffer.concat(chunks).toString('utf8'), headers: req.headers as Record<string, string> });
			void node.webhook.call(trigger.context).then((result) => {
				for (const item of result.workflowData?.[0] ?? []) emitted.push(item.json);
				res.writeHead(trigger.answer.status ?? 200).end();
			});
		});
	});
	await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
	receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
}

function trigger(events: string[], path: string, options: IDataObject = { allowPlainHttp: true }): FakeTrigger {
	return fakeTrigger({
		parameters: { authentication: 'apiKey', events, options },
		credentials: credentialsFor(emulator),
		webhookUrl: `${receiverUrl}/${path}`,
	});
}

const remoteWebhooks = () => [...emulator.store.companyData(COMPANY).webhooks.values()];

beforeAll(async () => {
	emulator = await startBillitEmulator();
	await startReceiver();
});
afterAll(async () => {
	await emulator.stop();
	await new Promise((resolve) => receiver.close(resolve));
});
beforeEach(() => {
	emulator.admin.reset();
	emitted.length = 0;
});
afterEach(() => {
	listening = undefined;
});

describe('Billit Trigger against the emulator', () => {
	it('registers on activation, starts an execution per signed delivery, and unregisters', async () => {
		const first = trigger(['orderCreated', 'orderUpdated'], 'wf1/webhook');
		expect(await node.webhookMethods.default.checkExists.call(first.context)).toBe(false);
		expect(await node.webhookMethods.default.create.call(first.context)).toBe(true);
		expect(remoteWebhooks().map((hook) => [hook.EntityType, hook.EntityUpdateType, hook.WebhookURL])).toEqual([
			['Order', 'I', `${receiverUrl}/wf1/webhook`],
			['Order', 'U', `${receiverUrl}/wf1/webhook`],
		]);
		expect(await node.webhookMethods.default.checkExists.call(first.context)).toBe(true);

		listening = first;
		const [orderId] = emulator.admin.seed({ partyId: COMPANY, invoices: 1 }).OrderIDs;
		await emulator.webhooks.idle();
		expect(emitted).toEqual([expect.objectContaining({ event: 'orderCreated', orderId })]);
		expect(emulator.webhooks.list().every((delivery) => delivery.Status === 200)).toBe(true);

		expect(await node.webhookMethods.default.delete.call(first.context)).toBe(true);
		expect(remoteWebhooks()).toEqual([]);
		expect(await node.webhookMethods.default.checkExists.call(first.context)).toBe(false);
	});

	it('answers 401 to a delivery signed with another secret and starts nothing', async () => {
		const first = trigger(['orderCreated'], 'wf1/webhook');
		await node.webhookMethods.default.create.call(first.context);
		const hook = remoteWebhooks()[0];
		hook.Secret = 'a-secret-this-node-never-saw';
		listening = first;
		emulator.admin.setSwitches({ webhookMaxAttempts: 1 });
		emulator.admin.seed({ partyId: COMPANY, invoices: 1 });
		await emulator.webhooks.idle();
		expect(emitted).toEqual([]);
		expect(emulator.webhooks.list().map((delivery) => delivery.Status)).toEqual([401]);
	});

	it('fetches the full invoice when asked', async () => {
		const first = trigger(['orderCreated'], 'wf1/webhook', { allowPlainHttp: true, fetchInvoice: true });
		await node.webhookMethods.default.create.call(first.context);
		listening = first;
		const [orderId] = emulator.admin.seed({ partyId: COMPANY, invoices: 1 }).OrderIDs;
		await emulator.webhooks.idle();
		expect((emitted[0].invoice as IDataObject).OrderID).toBe(orderId);
		const stored = emulator.store.companyData(COMPANY).orders.get(orderId)!;
		expect((emitted[0].invoice as IDataObject).OrderLines).toHaveLength((stored.OrderLines as unknown[]).length);
		expect(received(emulator, { method: 'GET', path: `/v1/orders/${orderId}` })).toHaveLength(1);
	});

	it('reuses a registration already pointing at its URL instead of adding one', async () => {
		await node.webhookMethods.default.create.call(trigger(['orderCreated'], 'wf1/webhook').context);
		const [before] = remoteWebhooks();
		const again = trigger(['orderCreated'], 'wf1/webhook');
		expect(await node.webhookMethods.default.checkExists.call(again.context)).toBe(false);
		await node.webhookMethods.default.create.call(again.context);
		expect(remoteWebhooks().map((hook) => hook.WebhookID)).toEqual([before.WebhookID]);
		const registration = (again.staticData.registrations as IDataObject).orderCreated as IDataObject;
		expect(registration.webhookId).toBe(before.WebhookID);
		expect(openSecret(registration.sealedSecret as string, credentialsFor(emulator).billitApi.apiKey)).toBe(before.Secret);
	});

	it('tells a second workflow about the limit and leaves the first one registered', async () => {
		await node.webhookMethods.default.create.call(trigger(ALL_FOUR, 'wf1/webhook').context);
		const second = trigger(['orderCreated'], 'wf2/webhook');
		const failure = node.webhookMethods.default.create.call(second.context);
		await expect(failure).rejects.toThrow(/WebhookLimitReached/);
		await expect(failure).rejects.toThrow(new RegExp(`#\\d+ Invoice Created \\(Order I\\) → ${receiverUrl}/wf1/webhook`));
		await expect(failure).rejects.toThrow(/at most 4/);
		expect(remoteWebhooks()).toHaveLength(4);
		expect(remoteWebhooks().every((hook) => hook.WebhookURL.endsWith('/wf1/webhook'))).toBe(true);
		expect(second.staticData.registrations).toEqual({});
	});

	it('removes what it created when a later event is refused', async () => {
		await node.webhookMethods.default.create.call(trigger(['orderCreated', 'orderUpdated', 'messageCreated'], 'wf1/webhook').context);
		const second = trigger(['orderCreated', 'messageUpdated'], 'wf2/webhook');
		await expect(node.webhookMethods.default.create.call(second.context)).rejects.toThrow(/Billit refused the webhook for Delivery Message Updated/);
		expect(remoteWebhooks().filter((hook) => hook.WebhookURL.endsWith('/wf2/webhook'))).toEqual([]);
	});

	it('refuses a plain http URL unless allowed', async () => {
		const plain = trigger(['orderCreated'], 'wf1/webhook', {});
		await expect(node.webhookMethods.default.create.call(plain.context)).rejects.toThrow(/only delivers webhooks to HTTPS URLs/);
		expect(remoteWebhooks()).toEqual([]);
	});
});
