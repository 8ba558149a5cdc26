import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { signatureHeader } from '../../../emulator/webhook-dispatcher';
import { BillitTrigger } from '../../../nodes/BillitTrigger/BillitTrigger.node';
import { fakeTrigger, type FakeTrigger } from '../../support/fake-n8n/trigger';

const SECRET = 'whsec-order-created-0123456789abcdef';
const NOW = Date.parse('2026-03-02T10:00:00Z');
const nowSeconds = () => Math.floor(Date.now() / 1000);

const body = JSON.stringify({
	UpdatedEntityID: 4711,
	UpdatedEntityType: 'Order',
	WebhookUpdateTypeTC: 'I',
	EntityDetail: { OrderID: 4711, OrderNumber: '2026/0001' },
});

let trigger: FakeTrigger;
const node = new BillitTrigger();

beforeEach(() => {
	vi.useFakeTimers();
	vi.setSystemTime(NOW);
	trigger = fakeTrigger({
		parameters: { authentication: 'apiKey', events: ['orderCreated'], options: {} },
		credentials: {},
		staticData: {
			registrations: {
				orderCreated: { webhookId: 1, secret: SECRET, url: 'https://n8n.example.test/webhook/abc/webhook' },
			},
		},
	});
});
afterEach(() => {
	vi.useRealTimers();
});

async function deliver(rawBody: string, signature: string | undefined) {
	trigger.deliver({ rawBody, headers: signature === undefined ? {} : { 'Billit-Signature': signature } });
	return await node.webhook.call(trigger.context);
}

function expectRefused(result: Awaited<ReturnType<typeof deliver>>, reason: RegExp) {
	expect(result.workflowData).toBeUndefined();
	expect(result.noWebhookResponse).toBe(true);
	expect(trigger.answer.status).toBe(401);
	expect(JSON.stringify(trigger.answer.body)).toMatch(reason);
	expect(JSON.stringify(trigger.answer.body)).not.toContain(SECRET);
}

describe('Billit Trigger: signature check', () => {
	it('emits a delivery with a valid signature', async () => {
		const result = await deliver(body, signatureHeader(SECRET, body, nowSeconds()));
		expect(trigger.answer.status).toBeUndefined();
		const json = result.workflowData![0][0].json;
		expect(json).toMatchObject({ event: 'orderCreated', orderId: 4711, entityType: 'Order', updateType: 'I' });
		expect(json.envelope).toMatchObject({ UpdatedEntityID: 4711 });
	});

	it('refuses a tampered body', async () => {
		const signature = signatureHeader(SECRET, body, nowSeconds());
		expectRefused(await deliver(body.replace('4711', '4712'), signature), /does not match/);
	});

	it('refuses a signature made with another secret', async () => {
		expectRefused(await deliver(body, signatureHeader('another-secret', body, nowSeconds())), /does not match/);
	});

	it('refuses a stale timestamp and accepts one inside a configured tolerance', async () => {
		const tenMinutesAgo = nowSeconds() - 600;
		expectRefused(await deliver(body, signatureHeader(SECRET, body, tenMinutesAgo)), /tolerance/);
		trigger.parameters.options = { signatureToleranceSeconds: 900 };
		const result = await deliver(body, signatureHeader(SECRET, body, tenMinutesAgo));
		expect(result.workflowData).toHaveLength(1);
	});

	it('refuses a delivery without the header', async () => {
		expectRefused(await deliver(body, undefined), /missing Billit-Signature/);
	});

	it('refuses malformed headers', async () => {
		for (const header of ['garbage', 't=abc,s=00', `s=${'a'.repeat(64)}`, 't=,s=', `t=${nowSeconds()}`]) {
			expectRefused(await deliver(body, header), /malformed/);
		}
	});

	it('answers 401, not 500, to a signature of the wrong length', async () => {
		const valid = signatureHeader(SECRET, body, nowSeconds());
		expectRefused(await deliver(body, valid.slice(0, -2)), /does not match/);
		expectRefused(await deliver(body, `${valid}ab`), /does not match/);
	});

	it('refuses every delivery while no secret is stored', async () => {
		trigger.staticData.registrations = {};
		expectRefused(await deliver(body, signatureHeader(SECRET, body, nowSeconds())), /no webhook secret/);
	});

	it('answers a replay inside the window with 200 and emits it once', async () => {
		const signature = signatureHeader(SECRET, body, nowSeconds());
		const first = await deliver(body, signature);
		expect(first.workflowData).toHaveLength(1);
		vi.advanceTimersByTime(60_000);
		const replay = await deliver(body, signature);
		expect(replay.workflowData).toBeUndefined();
		expect(replay.webhookResponse).toMatchObject({ duplicate: true });
		expect(trigger.answer.status).toBeUndefined();
		// Re-signed later with the same body: still the same delivery.
		const resigned = await deliver(body, signatureHeader(SECRET, body, nowSeconds()));
		expect(resigned.workflowData).toBeUndefined();
		// Another change is a new delivery.
		const other = body.replace('2026/0001', '2026/0002');
		const next = await deliver(other, signatureHeader(SECRET, other, nowSeconds()));
		expect(next.workflowData).toHaveLength(1);
	});

	it('still answers a replay as a duplicate when the static data written by the first delivery was not kept', async () => {
		const signature = signatureHeader(SECRET, body, nowSeconds());
		expect((await deliver(body, signature)).workflowData).toHaveLength(1);
		// What a real n8n 2.41 handed the next delivery: the registrations, no remembered deliveries.
		delete trigger.staticData.deliveries;
		vi.advanceTimersByTime(60_000);
		const replay = await deliver(body, signature);
		expect(replay.workflowData).toBeUndefined();
		expect(replay.webhookResponse).toMatchObject({ duplicate: true });
	});

	it('does not record a refused delivery as seen', async () => {
		await deliver(body, signatureHeader('wrong', body, nowSeconds()));
		const result = await deliver(body, signatureHeader(SECRET, body, nowSeconds()));
		expect(result.workflowData).toHaveLength(1);
	});

	it('answers events that were not chosen without starting the workflow', async () => {
		const updated = body.replace('"I"', '"U"');
		const result = await deliver(updated, signatureHeader(SECRET, updated, nowSeconds()));
		expect(result.workflowData).toBeUndefined();
		expect(result.webhookResponse).toMatchObject({ ignored: 'orderUpdated' });
	});
});
