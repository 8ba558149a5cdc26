/** Why an exchange operation failed, so nodes and tests can react without parsing messages. */
export type ExchangeErrorKind =
	| 'authentication'
	| 'connectionLost'
	| 'exists'
	| 'hostKey'
	| 'invalidName'
	| 'notFound'
	| 'noSpace'
	| 'other'
	| 'outsideBase'
	| 'permissionDenied'
	| 'privateKey'
	| 'timeout'
	| 'tls'
	| 'unreachable';

export class ExchangeError extends Error {
	readonly kind: ExchangeErrorKind;

	constructor(kind: ExchangeErrorKind, message: string, options?: { cause?: unknown }) {
		super(message, options);
		this.name = 'ExchangeError';
		this.kind = kind;
	}
}

/** SSH_FX_* status codes of SFTP version 3 (draft-ietf-secsh-filexfer-02). */
const SFTP_STATUS = {
	noSuchFile: 2,
	permissionDenied: 3,
	failure: 4,
	noConnection: 6,
	connectionLost: 7,
} as const;

const UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
const LOST_CODES = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED', 'ERR_STREAM_PREMATURE_CLOSE']);

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

function codeOf(error: unknown): unknown {
	return typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
}

/** Socket-level failures shared by SFTP and FTP; undefined when the error is not one of them. */
export function socketError(error: unknown, endpoint: string): ExchangeError | undefined {
	if (error instanceof ExchangeError) return error;
	const code = codeOf(error);
	if (typeof code !== 'string') return undefined;
	if (UNREACHABLE_CODES.has(code)) {
		return new ExchangeError('unreachable', `cannot reach ${endpoint}: ${code}`, { cause: error });
	}
	if (code === 'ETIMEDOUT') {
		return new ExchangeError('timeout', `${endpoint} did not answer in time`, {
			cause: error,
		});
	}
	if (LOST_CODES.has(code)) {
		return new ExchangeError('connectionLost', `the connection to ${endpoint} was lost (${code})`, { cause: error });
	}
	return undefined;
}

/** Maps an SFTP status error of one operation on one path to a clear ExchangeError. */
export function sftpOperationError(error: unknown, operation: string, path: string, endpoint: string): ExchangeError {
	if (error instanceof ExchangeError) return error;
	const fromSocket = socketError(error, endpoint);
	if (fromSocket) return fromSocket;
	const detail = messageOf(error);
	switch (codeOf(error)) {
		case SFTP_STATUS.noSuchFile:
			return new ExchangeError('notFound', `${operation} ${path}: no such file or folder`, { cause: error });
		case SFTP_STATUS.permissionDenied:
			return new ExchangeError('permissionDenied', `${operation} ${path}: permission denied`, { cause: error });
		case SFTP_STATUS.failure:
			// SFTP v3 reports a full disk, a file size limit and most other refusals all as "Failure".
			return new ExchangeError(
				operation === 'write' ? 'noSpace' : 'other',
				operation === 'write'
					? `write ${path}: the server refused the data (disk full or file too large?): ${detail}`
					: `${operation} ${path}: the server reported a failure: ${detail}`,
				{ cause: error },
			);
		case SFTP_STATUS.noConnection:
		case SFTP_STATUS.connectionLost:
			return new ExchangeError('connectionLost', `${operation} ${path}: the connection to ${endpoint} was lost`, {
				cause: error,
			});
		default:
			if (/no response from server|not connected|channel closed|connection lost/i.test(detail)) {
				return new ExchangeError('connectionLost', `${operation} ${path}: the connection to ${endpoint} was lost`, {
					cause: error,
				});
			}
			return new ExchangeError('other', `${operation} ${path}: ${detail}`, {
				cause: error,
			});
	}
}

/** Maps an FTP reply error (basic-ftp's FTPError carries the numeric reply code) to an ExchangeError. */
export function ftpOperationError(error: unknown, operation: string, path: string, endpoint: string): ExchangeError {
	if (error instanceof ExchangeError) return error;
	const fromSocket = socketError(error, endpoint);
	if (fromSocket) return fromSocket;
	const detail = messageOf(error);
	const code = codeOf(error);
	if (code === 452 || code === 552) {
		return new ExchangeError('noSpace', `${operation} ${path}: the server is out of space or over quota: ${detail}`, {
			cause: error,
		});
	}
	// vsftpd says only "451 Failure writing to local file"; Node-based servers pass the errno on (550 ENOSPC).
	const writeRefused = code === 451 && operation === 'write' && /writ/i.test(detail);
	if (writeRefused || (typeof code === 'number' && /ENOSPC|EFBIG|EDQUOT|no space left|file too large|quota/i.test(detail))) {
		return new ExchangeError(
			'noSpace',
			`${operation} ${path}: the server could not write the file (disk full, quota or file size limit): ${detail}`,
			{ cause: error },
		);
	}
	if (code === 530) {
		return new ExchangeError('authentication', `${operation} ${path}: not logged in: ${detail}`, { cause: error });
	}
	if (code === 553) {
		return new ExchangeError(
			'permissionDenied',
			`${operation} ${path}: permission denied or name not allowed (${detail})`,
			{
				cause: error,
			},
		);
	}
	if (code === 550) {
		const kind = /permission|denied|not allowed|access/i.test(detail)
			? 'permissionDenied'
			: /no such|not found|doesn't exist|does not exist|failed to open|can't check/i.test(detail)
				? 'notFound'
				: 'other';
		const reason =
			kind === 'permissionDenied' ? 'permission denied' : kind === 'notFound' ? 'no such file or folder' : detail;
		return new ExchangeError(kind, `${operation} ${path}: ${reason} (${detail})`, { cause: error });
	}
	if (code === 451 || code === 426) {
		return new ExchangeError('other', `${operation} ${path}: the transfer was aborted by the server: ${detail}`, {
			cause: error,
		});
	}
	if (/closed|ECONNRESET|socket hang up|Client is closed|FIN packet/i.test(detail)) {
		return new ExchangeError('connectionLost', `${operation} ${path}: the connection to ${endpoint} was lost`, {
			cause: error,
		});
	}
	if (/timeout/i.test(detail)) {
		return new ExchangeError('timeout', `${operation} ${path}: ${endpoint} did not answer in time`, { cause: error });
	}
	return new ExchangeError('other', `${operation} ${path}: ${detail}`, {
		cause: error,
	});
}
