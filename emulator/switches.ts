import { badRequest, isRecord } from './http';

/**
 * Every behaviour of Billit that no official source confirms is a switch; the defaults are the most
 * likely reading (see README.md). `strict` mode picks the least generous reading of each.
 */
export interface Switches {
	/** `GET /v1/files/{id}` answers base64 JSON (documented) or raw bytes (some clients assume it). */
	fileDownload: 'json' | 'raw';
	/** What a reused idempotency key gets: 409 "Idempotent token already exists" (documented), the first answer again, or nothing special. */
	idempotency: 'replay' | 'conflict' | 'ignore';
	/** How the last page marks that there is no next page. */
	nextPageLink: 'null' | 'empty' | 'absent';
	/** Message webhooks: newer nested `OrderMessage` shape or the older flat one. */
	messagePayloadShape: 'nested' | 'flat';
	/** Error body `{errors:[{Code,Description}]}` or the legacy `{ErrorMessage,DefaultText,ErrorEnum}`. */
	errorShape: 'errors' | 'legacy';
	/** A Peppol send also adds the UBL (always the file of its Peppol message) to `Order.Attachments`: an older reading. */
	ublAttachmentOnPeppolSend: boolean;
	/** Order list answers carry `OrderPDF`, `Attachments` and `Messages` as a single read does (false: they leave them out). */
	listFileIds: boolean;
	/** Requests per second per company; 0 turns rate limiting off. */
	rateLimitPerSecond: number;
	/** Webhooks per company. */
	webhookLimit: number;
	/** Order deletions are sent to `Order`/`D` webhooks. */
	orderDeleteWebhooks: boolean;
	/** Webhook URLs must be HTTPS (loopback addresses are always allowed for tests). */
	webhookHttpsOnly: boolean;
	/** Attempts per webhook delivery, and the first retry delay (doubling). */
	webhookMaxAttempts: number;
	webhookRetryDelayMs: number;
	/** A second accountant feed item listing within a minute is answered 429. */
	feedListThrottle: boolean;
	/** Unknown fields in a request body are a 400 (instead of being ignored). */
	rejectUnknownFields: boolean;
	/** Answer status for a PartyID the user has no access to. */
	forbiddenPartyStatus: 401 | 403;
	/** Consecutive changes get the same `LastModified` (to exercise keyset-paging ties). */
	lastModifiedTies: boolean;
	/** Items per page of a list. */
	pageSize: number;
	/** Inbox items visible before confirming. */
	inboxVisibleItems: number;
	/** `Letter` sends are refused as in the sandbox. */
	sandboxTransportLimits: boolean;
}

export const defaultSwitches: Readonly<Switches> = Object.freeze({
	fileDownload: 'json',
	idempotency: 'conflict',
	nextPageLink: 'null',
	messagePayloadShape: 'nested',
	errorShape: 'errors',
	ublAttachmentOnPeppolSend: false,
	listFileIds: true,
	rateLimitPerSecond: 25,
	webhookLimit: 4,
	orderDeleteWebhooks: false,
	webhookHttpsOnly: true,
	webhookMaxAttempts: 3,
	webhookRetryDelayMs: 1000,
	feedListThrottle: true,
	rejectUnknownFields: true,
	forbiddenPartyStatus: 403,
	lastModifiedTies: false,
	pageSize: 120,
	inboxVisibleItems: 10,
	sandboxTransportLimits: true,
} satisfies Switches);

/** The least generous reading of every assumption: what a client must cope with. */
export const strictSwitches: Partial<Switches> = {
	ublAttachmentOnPeppolSend: false,
	listFileIds: false,
	idempotency: 'ignore',
	nextPageLink: 'absent',
	messagePayloadShape: 'flat',
};

/** Applies a partial update after checking every key and value type against the defaults. */
export function updateSwitches(current: Switches, patch: unknown): Switches {
	if (!isRecord(patch)) throw badRequest('InvalidRequest', 'Switches must be a JSON object');
	const next: Record<string, unknown> = { ...current };
	for (const [key, value] of Object.entries(patch)) {
		if (!(key in defaultSwitches)) throw badRequest('UnknownSwitch', `Unknown switch '${key}'`);
		const expected = typeof defaultSwitches[key as keyof Switches];
		if (typeof value !== expected) {
			throw badRequest('InvalidSwitchValue', `Switch '${key}' must be a ${expected}`);
		}
		next[key] = value;
	}
	const result = next as unknown as Switches;
	checkEnum(result.fileDownload, ['json', 'raw'], 'fileDownload');
	checkEnum(result.idempotency, ['replay', 'conflict', 'ignore'], 'idempotency');
	checkEnum(result.nextPageLink, ['null', 'empty', 'absent'], 'nextPageLink');
	checkEnum(result.messagePayloadShape, ['nested', 'flat'], 'messagePayloadShape');
	checkEnum(result.errorShape, ['errors', 'legacy'], 'errorShape');
	checkEnum(result.forbiddenPartyStatus, [401, 403], 'forbiddenPartyStatus');
	if (result.pageSize < 1 || result.inboxVisibleItems < 1 || result.webhookMaxAttempts < 1) {
		throw badRequest('InvalidSwitchValue', 'pageSize, inboxVisibleItems and webhookMaxAttempts must be at least 1');
	}
	return result;
}

function checkEnum<T>(value: T, allowed: readonly T[], name: string): void {
	if (!allowed.includes(value)) {
		throw badRequest('InvalidSwitchValue', `Switch '${name}' must be one of ${allowed.join(', ')}`);
	}
}
