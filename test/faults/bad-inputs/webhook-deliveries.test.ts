/**
 * Forged, replayed and malformed deliveries to the Billit Trigger: each is answered without
 * starting a workflow (401 with the reason, or acknowledged as a duplicate or unknown event).
 */
import { describe, expect, it } from 'vitest';

import { signatureHeader } from '../../../emulator/webhook-dispatcher';
import { webhookTrigger, type Delivery } from '../support/webhook';

const SECRET = 'whsec-faults-suite';
const body = JSON.stringify({
	UpdatedEntityID: 4711,
	UpdatedEntityType: 'Order',
	WebhookUpdateTypeTC: 'I',
	EntityDetail: { OrderID: 4711 },
});
const now = () => Math.floor(Date.now() / 1000);

function signed(rawBody: string, secret = SECRET, timestamp = now()): Delivery {
	return { rawBody, headers: { 'Billit-Signature': signatureHeader(secret, rawBody, timestamp) } };
}

function withSignature(signature: string): Delivery {
	return { rawBody: body, headers: { 'Billit-Signature': `t=${now()},s=${signature}` } };
}

const goodHex = signatureHeader(SECRET, body, now()).split('s=')[1];

const rejected: Array<{ name: string; delivery: () => Delivery; reason: RegExp }> = [
	{ name: 'missing signature header', delivery: () => ({ rawBody: body, headers: {} }), reason: /missing Billit-Signature header/ },
	{ name: 'signed with another secret', delivery: () => signed(body, 'someone-elses-secret'), reason: /signature does not match/ },
	{
		name: 'body changed after signing',
		delivery: () => ({ ...signed(body), rawBody: body.replace('4711', '4712') }),
		reason: /signature does not match/,
	},
	{ name: 'signature one hex digit short', delivery: () => withSignature(goodHex.slice(1)), reason: /signature does not match/ },
	{ name: 'signature twice as long', delivery: () => withSignature(goodHex + goodHex), reason: /signature does not match/ },
	{ name: 'signature not hex', delivery: () => withSignature('z'.repeat(64)), reason: /signature does not match/ },
	{ name: 'empty signature', delivery: () => withSignature(''), reason: /malformed Billit-Signature header/ },
	{
		name: 'header without a timestamp',
		delivery: () => ({ rawBody: body, headers: { 'Billit-Signature': `s=${goodHex}` } }),
		reason: /malformed Billit-Signature header/,
	},
	{
		name: 'old signature replayed after the tolerance window',
		delivery: () => signed(body, SECRET, now() - 3_600),
		reason: /timestamp outside the 300 s tolerance window/,
	},
	{
		name: 'timestamp from the future',
		delivery: () => signed(body, SECRET, now() + 3_600),
		reason: /timestamp outside the 300 s tolerance window/,
	},
];

describe('Billit Trigger refuses forged deliveries with 401 and no workflow run', () => {
	it.each(rejected)('$name', async ({ delivery, reason }) => {
		const { response, answered } = await webhookTrigger(SECRET)(delivery());
		expect(response.workflowData).toBeUndefined();
		expect(answered?.status).toBe(401);
		expect(JSON.stringify(answered?.body)).toMatch(reason);
		expect(JSON.stringify(answered?.body)).not.toContain(SECRET);
	});
});

describe('Billit Trigger runs a delivery once', () => {
	it('a valid delivery replayed inside the window starts one workflow', async () => {
		const deliver = webhookTrigger(SECRET);
		const first = await deliver(signed(body));
		const replay = await deliver(signed(body));
		expect(first.response.workflowData?.[0]).toHaveLength(1);
		expect(replay.response.workflowData).toBeUndefined();
		expect(replay.response.webhookResponse).toEqual({ received: true, duplicate: true });
	});

	it('malformed JSON, even correctly signed, starts no workflow', async () => {
		const { response } = await webhookTrigger(SECRET)(signed('{"UpdatedEntityType": "Order", '));
		expect(response.workflowData).toBeUndefined();
		expect(response.webhookResponse).toEqual({ received: true, ignored: 'unknown event' });
	});
});
