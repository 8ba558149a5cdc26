import type { SFTPWrapper } from 'ssh2';

/** What every SFTP server must accept (34,000-byte packets), less the request's own fields. */
export const PORTABLE_DATA_BYTES = 32 * 1024;
/** As many requests as OpenSSH's `sftp` keeps outstanding by default. */
export const DEFAULT_REQUESTS_IN_FLIGHT = 64;
/**
 * Data one stream may have outstanding by default: with 255 KiB requests (OpenSSH's limit) 64 would
 * hold 16 MiB per transfer, and File Exchange runs up to 32 transfers at once.
 */
export const DEFAULT_BYTES_IN_FLIGHT = 4 * 1024 * 1024;

/**
 * ssh2 keeps the per-request data limits it derived from the server (limits@openssh.com) on the
 * wrapper, undocumented; test/integration/exchange/library-internals.test.ts fails if that changes.
 */
interface NegotiatedLimits {
	_maxReadLen?: unknown;
	_maxWriteLen?: unknown;
}

function positiveOr(value: unknown, fallback: number): number {
	return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : fallback;
}

/** The most data one WRITE request may carry on this connection. */
export function maxWriteBytes(sftp: SFTPWrapper): number {
	return positiveOr((sftp as unknown as NegotiatedLimits)._maxWriteLen, PORTABLE_DATA_BYTES);
}

/** The most data one READ request may ask for on this connection. */
export function maxReadBytes(sftp: SFTPWrapper): number {
	return positiveOr((sftp as unknown as NegotiatedLimits)._maxReadLen, PORTABLE_DATA_BYTES);
}

/** The requests one stream keeps outstanding: the given count, else 64 within 4 MiB of data. */
export function checkedRequestsInFlight(count: number | undefined, requestBytes: number): number {
	const value = count ?? Math.max(1, Math.min(DEFAULT_REQUESTS_IN_FLIGHT, Math.floor(DEFAULT_BYTES_IN_FLIGHT / requestBytes)));
	if (!Number.isInteger(value) || value < 1) throw new RangeError(`requests in flight must be a positive integer, got ${value}`);
	return value;
}

/** Closes a handle without waiting for the answer: after a lost connection it never comes. */
export function closeWithoutWaiting(sftp: SFTPWrapper, handle: Buffer): void {
	try {
		sftp.close(handle, () => undefined);
	} catch {
		// The channel is gone; so is the handle.
	}
}
