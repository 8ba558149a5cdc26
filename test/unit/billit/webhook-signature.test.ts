import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';

import { signatureHeader } from '../../../emulator/webhook-dispatcher';
import { hexDigestsEqual, verifyBillitSignature } from '../../../lib/billit/webhooks/webhook-signature';

const secret = 'whsec_4f2a';
const rawBody = '{"UpdatedEntityID":42,"UpdatedEntityType":"Order","WebhookUpdateTypeTC":"I"}';
const now = 1_770_000_000;

describe('Billit webhook signatures', () => {
	it('the emulator signs t.body with HMAC-SHA256 as Billit documents', () => {
		const expected = createHmac('sha256', secret).update(`${now}.${rawBody}`).digest('hex');
		expect(signatureHeader(secret, rawBody, now)).toBe(`t=${now},s=${expected}`);
	});

	it('accepts its own signature within the tolerance window, also for a Buffer body', () => {
		const header = signatureHeader(secret, rawBody, now - 60);
		expect(verifyBillitSignature({ header, rawBody: Buffer.from(rawBody), secret, nowSeconds: now })).toEqual({
			valid: true,
			timestamp: now - 60,
		});
	});

	it.each([
		['a changed body', signatureHeader(secret, rawBody, now), `${rawBody} `, 'signature does not match'],
		['another secret', signatureHeader('other', rawBody, now), rawBody, 'signature does not match'],
		['a stale timestamp', signatureHeader(secret, rawBody, now - 301), rawBody, 'timestamp outside the 300 s tolerance window'],
		['a truncated signature', signatureHeader(secret, rawBody, now).slice(0, -2), rawBody, 'signature does not match'],
		['a malformed header', 'v1=abc', rawBody, 'malformed Billit-Signature header'],
		['a non-numeric timestamp', 't=soon,s=abcd', rawBody, 'malformed Billit-Signature header'],
		['no header', undefined, rawBody, 'missing Billit-Signature header'],
	])('rejects %s without throwing', (_case, header, body, reason) => {
		expect(verifyBillitSignature({ header, rawBody: body, secret, nowSeconds: now })).toEqual({ valid: false, reason });
	});

	it('compares digests of different lengths as unequal instead of throwing', () => {
		expect(hexDigestsEqual('abcd', 'abc')).toBe(false);
		expect(hexDigestsEqual('abcd', 'ABCD')).toBe(true);
		expect(hexDigestsEqual('abcd', 'zzzz')).toBe(false);
	});
});
