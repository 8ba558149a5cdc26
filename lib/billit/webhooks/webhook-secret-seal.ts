/**
 * Webhook secrets sealed for workflow static data. n8n stores static data in clear in its database
 * and puts it in every workflow export, while credentials are stored encrypted; so a secret is kept
 * there only as AES-256-GCM ciphertext under a key derived (HKDF-SHA256) from the credential's own
 * secret. When that secret changes, sealed values no longer open and the trigger registers again.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const ALGORITHM = 'aes-256-gcm';
const KEY_INFO = 'n8n-nodes-billit webhook secret';
const IV_BYTES = 12;

function keyFrom(keyMaterial: string): Buffer {
	if (!keyMaterial) throw new Error('No credential secret to seal the webhook secret with');
	return Buffer.from(hkdfSync('sha256', keyMaterial, '', KEY_INFO, 32));
}

/** `v1.<iv>.<tag>.<ciphertext>`, each part base64url. */
export function sealSecret(secret: string, keyMaterial: string): string {
	const iv = randomBytes(IV_BYTES);
	const cipher = createCipheriv(ALGORITHM, keyFrom(keyMaterial), iv);
	const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
	return [VERSION, iv, cipher.getAuthTag(), ciphertext].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
}

/** The secret, or undefined when the value is not sealed with this key material (or was altered). */
export function openSecret(sealed: string, keyMaterial: string): string | undefined {
	const [version, iv, tag, ciphertext, ...rest] = sealed.split('.');
	if (version !== VERSION || ciphertext === undefined || rest.length > 0) return undefined;
	try {
		const decipher = createDecipheriv(ALGORITHM, keyFrom(keyMaterial), Buffer.from(iv, 'base64url'));
		decipher.setAuthTag(Buffer.from(tag, 'base64url'));
		return Buffer.concat([decipher.update(Buffer.from(ciphertext, 'base64url')), decipher.final()]).toString('utf8');
	} catch {
		return undefined;
	}
}
