/**
 * Classifies errors thrown while sending (no HTTP answer). "not-sent" errors (the connection was
 * never made) are always safe to retry; for "unknown" ones the request may have reached Billit.
 */

export type TransportErrorKind = 'not-sent' | 'unknown';

export interface TransportError {
	code: string;
	kind: TransportErrorKind;
}

const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const UNKNOWN_OUTCOME_CODES = new Set([
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'ESOCKETTIMEDOUT',
	'UND_ERR_SOCKET',
]);

/** Walks the error and its `cause` chain (n8n wraps axios errors) for a known network code. */
export function classifyTransportError(error: unknown): TransportError | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 5 && typeof current === 'object' && current !== null; depth++) {
		const candidate = current as { code?: unknown; message?: unknown; cause?: unknown };
		const code = typeof candidate.code === 'string' ? candidate.code : undefined;
		if (code && NOT_SENT_CODES.has(code)) return { code, kind: 'not-sent' };
		if (code && UNKNOWN_OUTCOME_CODES.has(code)) return { code, kind: 'unknown' };
		if (typeof candidate.message === 'string' && /socket hang up/i.test(candidate.message)) {
			return { code: 'ECONNRESET', kind: 'unknown' };
		}
		current = candidate.cause;
	}
	return undefined;
}
