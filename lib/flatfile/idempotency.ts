import { createHash } from 'node:crypto';

export function fileHash(bytes: Uint8Array): string {
	return createHash('sha256').update(bytes).digest('hex');
}

/**
 * The Idempotent-Key of a payment: the same file (by content) and the same payment index give the
 * same key, so a retried run cannot post a payment twice.
 */
export function paymentIdempotencyKey(hash: string, index: number): string {
	return `remittance-${hash.slice(0, 32)}-${index}`;
}
