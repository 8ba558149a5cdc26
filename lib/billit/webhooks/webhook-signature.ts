/**
 * Billit webhook signatures: header `Billit-Signature: t=<unix seconds>,s=<hex>` where `s` is the
 * hex HMAC-SHA256 of `<t>.<raw body>` keyed with the webhook secret. Verification never throws:
 * it answers `{ valid: false, reason }` for malformed headers, stale timestamps and mismatches.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const BILLIT_SIGNATURE_HEADER = 'Billit-Signature';
export const DEFAULT_SIGNATURE_TOLERANCE_SECONDS = 300;

export type SignatureVerification = { valid: true; timestamp: number } | { valid: false; reason: string };

export interface VerifySignatureInput {
	header: string | string[] | undefined;
	rawBody: string | Buffer;
	secret: string;
	nowSeconds: number;
	toleranceSeconds?: number;
}

function hmacHex(secret: string, timestamp: number | string, rawBody: string | Buffer): string {
	return createHmac('sha256', secret)
		.update(`${timestamp}.`)
		.update(rawBody)
		.digest('hex');
}

export function parseBillitSignatureHeader(
	header: string,
): { timestamp: string; signature: string } | undefined {
	const fields = new Map<string, string>();
	for (const part of header.split(',')) {
		const separator = part.indexOf('=');
		if (separator <= 0) return undefined;
		fields.set(part.slice(0, separator).trim(), part.slice(separator + 1).trim());
	}
	const timestamp = fields.get('t');
	const signature = fields.get('s');
	if (!timestamp || !signature || !/^\d+$/.test(timestamp)) return undefined;
	return { timestamp, signature };
}

/** Constant-time comparison of two hex strings; false (not an exception) when lengths differ. */
export function hexDigestsEqual(expectedHex: string, actualHex: string): boolean {
	if (!/^[0-9a-f]*$/i.test(actualHex)) return false;
	const expected = Buffer.from(expectedHex.toLowerCase(), 'utf8');
	const actual = Buffer.from(actualHex.toLowerCase(), 'utf8');
	if (expected.length !== actual.length) return false;
	return timingSafeEqual(expected, actual);
}

export function verifyBillitSignature(input: VerifySignatureInput): SignatureVerification {
	const header = Array.isArray(input.header) ? input.header[0] : input.header;
	if (!header) return { valid: false, reason: `missing ${BILLIT_SIGNATURE_HEADER} header` };
	if (!input.secret) return { valid: false, reason: 'no webhook secret is stored for this trigger' };
	const parsed = parseBillitSignatureHeader(header);
	if (!parsed) return { valid: false, reason: `malformed ${BILLIT_SIGNATURE_HEADER} header` };
	const timestamp = Number(parsed.timestamp);
	const tolerance = input.toleranceSeconds ?? DEFAULT_SIGNATURE_TOLERANCE_SECONDS;
	if (Math.abs(input.nowSeconds - timestamp) > tolerance) {
		return { valid: false, reason: `timestamp outside the ${tolerance} s tolerance window` };
	}
	const expected = hmacHex(input.secret, parsed.timestamp, input.rawBody);
	if (!hexDigestsEqual(expected, parsed.signature)) {
		return { valid: false, reason: 'signature does not match' };
	}
	return { valid: true, timestamp };
}
