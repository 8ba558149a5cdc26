import { describe, expect, it } from 'vitest';

import { openSecret, sealSecret } from '../../../lib/billit/webhooks/webhook-secret-seal';

const SECRET = 'whsec-0123456789abcdef-canary';
const API_KEY = 'billit-api-key-of-this-credential';

describe('webhook secrets sealed for static data', () => {
	it('opens with the key material it was sealed with, and shows nothing of the secret', () => {
		const sealed = sealSecret(SECRET, API_KEY);
		expect(sealed).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
		expect(sealed).not.toContain(SECRET);
		expect(Buffer.from(sealed.split('.')[3], 'base64url').toString('latin1')).not.toContain(SECRET.slice(0, 8));
		expect(openSecret(sealed, API_KEY)).toBe(SECRET);
	});

	it('seals the same secret differently each time (fresh IV)', () => {
		expect(sealSecret(SECRET, API_KEY)).not.toBe(sealSecret(SECRET, API_KEY));
	});

	it('does not open with other key material, after tampering, or from another format', () => {
		const sealed = sealSecret(SECRET, API_KEY);
		const [version, iv, tag, ciphertext] = sealed.split('.');
		const flipped = Buffer.from(ciphertext, 'base64url');
		flipped[0] ^= 1;
		expect(openSecret(sealed, 'another-api-key')).toBeUndefined();
		expect(openSecret([version, iv, tag, flipped.toString('base64url')].join('.'), API_KEY)).toBeUndefined();
		expect(openSecret(SECRET, API_KEY)).toBeUndefined();
		expect(openSecret(`v2.${iv}.${tag}.${ciphertext}`, API_KEY)).toBeUndefined();
		expect(openSecret(sealed, '')).toBeUndefined();
	});

	it('refuses to seal without key material', () => {
		expect(() => sealSecret(SECRET, '')).toThrow(/No credential secret/);
	});
});
