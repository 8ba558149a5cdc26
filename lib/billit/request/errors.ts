/**
 * Billit error bodies and the errors the request core throws. Pure: the n8n adapter turns these
 * into NodeApiError. Messages never carry credentials (see `redactSecrets`).
 */

export interface BillitErrorEntry {
	code?: string;
	description?: string;
}

/** Reads `{"errors":[{"Code","Description"}]}` and the legacy `{ErrorMessage, DefaultText, ErrorEnum}`. */
export function parseBillitErrorBody(body: unknown): BillitErrorEntry[] {
	if (typeof body !== 'object' || body === null) return [];
	const record = body as Record<string, unknown>;
	const list = record.errors ?? record.Errors;
	if (Array.isArray(list)) {
		return list
			.filter((entry): entry is Record<string, unknown> => typeof entry === 'object' && entry !== null)
			.map((entry) => ({
				code: textOf(entry.Code ?? entry.code),
				description: textOf(entry.Description ?? entry.description ?? entry.Message),
			}))
			.filter((entry) => entry.code !== undefined || entry.description !== undefined);
	}
	const legacyCode = textOf(record.ErrorEnum);
	const legacyText = textOf(record.ErrorMessage) ?? textOf(record.DefaultText);
	if (legacyCode !== undefined || legacyText !== undefined) {
		return [{ code: legacyCode, description: legacyText }];
	}
	return [];
}

function textOf(value: unknown): string | undefined {
	if (typeof value === 'string' && value.trim() !== '') return value.trim();
	if (typeof value === 'number') return String(value);
	return undefined;
}

function describeEntries(entries: BillitErrorEntry[]): { codes: string; descriptions: string } {
	const codes = entries.map((entry) => entry.code).filter((code): code is string => !!code);
	const descriptions = entries
		.map((entry) => entry.description)
		.filter((text): text is string => !!text);
	return { codes: codes.join(', '), descriptions: descriptions.join('; ') };
}

/** What to do when Billit asks for a PartyID; the credential test says the same. */
export const PARTY_ID_ADVICE =
	"fill in Party ID in the Billit API credential, or choose a Company on the node (the Billit node's Company → Get Account Information lists your companies and their PartyIDs)";

function messageFor(status: number, entries: BillitErrorEntry[], bodyText: string | undefined): string {
	const { codes, descriptions } = describeEntries(entries);
	const label = codes ? `${status} ${codes}` : String(status);
	if (status === 401) {
		return (
			`Billit rejected the credentials (${codes || '401'}): check the API key or OAuth2 connection ` +
			'and that the environment (production, sandbox or custom URL) is the one the credential belongs to'
		);
	}
	if (codes.split(', ').includes('PartyIDRequired')) {
		return `Billit needs to know which company to act for (${label}): ${PARTY_ID_ADVICE}`;
	}
	if (status === 403) {
		return `Billit refused access (${label}): check that the PartyID / ContextPartyID is a company this credential may act for${descriptions ? `: ${descriptions}` : ''}`;
	}
	const detail = descriptions || bodyText;
	return `Billit rejected the request (${label})${detail ? `: ${detail}` : ''}`;
}

/** An HTTP error answer from Billit. */
export class BillitApiError extends Error {
	readonly httpCode: number;
	readonly billitErrors: BillitErrorEntry[];
	readonly responseBody: unknown;

	constructor(httpCode: number, responseBody: unknown, options: { attempts?: number } = {}) {
		const entries = parseBillitErrorBody(responseBody);
		const bodyText =
			typeof responseBody === 'string' && responseBody.trim() !== ''
				? responseBody.trim().slice(0, 300)
				: undefined;
		const suffix = options.attempts && options.attempts > 1 ? ` (after ${options.attempts} attempts)` : '';
		super(messageFor(httpCode, entries, bodyText) + suffix);
		this.name = 'BillitApiError';
		this.httpCode = httpCode;
		this.billitErrors = entries;
		this.responseBody = responseBody;
	}

	get codes(): string[] {
		return this.billitErrors.map((entry) => entry.code).filter((code): code is string => !!code);
	}
}

export type BillitRequestFailure =
	| 'retry-after-too-long'
	| 'retry-budget-exhausted'
	| 'unknown-outcome'
	| 'already-applied'
	| 'network'
	| 'request-failed'
	| 'foreign-next-page-link'
	| 'paging-loop';

/** A failure that is not a Billit error answer: transport, retry budget, paging safety. */
export class BillitRequestError extends Error {
	readonly reason: BillitRequestFailure;
	readonly networkCode?: string;

	constructor(reason: BillitRequestFailure, message: string, networkCode?: string, cause?: unknown) {
		super(message, cause === undefined ? undefined : { cause });
		this.name = 'BillitRequestError';
		this.reason = reason;
		this.networkCode = networkCode;
	}
}

const MIN_SECRET_LENGTH = 4;

/** Replaces every occurrence of the given secrets in a text. */
export function redactSecrets(text: string, secrets: readonly string[]): string {
	let result = text;
	for (const secret of secrets) {
		if (secret.length >= MIN_SECRET_LENGTH) result = result.split(secret).join('[redacted]');
	}
	return result;
}

/** Deep copy of a JSON-like value with every secret replaced, for error payloads. */
export function redactValue(value: unknown, secrets: readonly string[]): unknown {
	if (typeof value === 'string') return redactSecrets(value, secrets);
	if (Array.isArray(value)) return value.map((entry) => redactValue(entry, secrets));
	if (typeof value === 'object' && value !== null) {
		return Object.fromEntries(
			Object.entries(value).map(([key, entry]) => [key, redactValue(entry, secrets)]),
		);
	}
	return value;
}

const SENSITIVE_HEADERS = new Set(['apikey', 'authorization', 'cookie', 'set-cookie', 'proxy-authorization']);

/** Header map with credential-bearing headers masked, for anything that may be logged. */
export function redactHeaders(headers: Record<string, unknown>): Record<string, unknown> {
	return Object.fromEntries(
		Object.entries(headers).map(([name, value]) => [
			name,
			SENSITIVE_HEADERS.has(name.toLowerCase()) ? '[redacted]' : value,
		]),
	);
}
