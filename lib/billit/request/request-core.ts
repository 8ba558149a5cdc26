/**
 * The Billit request core, free of n8n: one logical call = pacing, Idempotent-Key, null-free body,
 * bounded retries with backoff and Retry-After, unknown-outcome protection for creates, and
 * Billit errors mapped to `BillitApiError`. The transport is injected as `send`, time as `clock`.
 *
 * Retry rules:
 * - 429 and 503 mean "not processed": retried for every method.
 * - 502 and 504 come from a gateway that may have passed the request on, and network errors after
 *   the connection was made (ECONNRESET, ETIMEDOUT, socket hang up) leave the outcome unknown: a
 *   POST is retried only after `onUnknownOutcome` says it does not exist, or, without that hook,
 *   only when it carries an Idempotent-Key. Other methods are idempotent and simply retried.
 * - 500 is retried for GET, PUT, PATCH and DELETE, which are idempotent: a passing server fault must
 *   not stop an unattended run, and a 500 that repeats ends within the same bounds. A POST is not
 *   retried on 500: Billit documents 500 as its answer to requests it cannot handle, and a create
 *   repeated after a 500 could be applied twice.
 * - Connection refused / DNS failures never reached Billit and are always retried.
 *
 * Idempotency: Billit's pages name the header twice (`Idempotent-Key` on header-values,
 * `Idempotency-Key` on idempotent-tokens), so a write carries both with the same alphanumeric value.
 * A reused key is answered 409 "Idempotent token already exists": the write was applied earlier.
 * `onAlreadyApplied` then resolves the existing entity; without it a POST fails with a clear error
 * and other methods (idempotent by nature) succeed with `alreadyApplied` set.
 */
import { randomUUID } from 'node:crypto';

import { fullJitterDelay } from './backoff';
import { omitNullish } from './body';
import { systemClock, type Clock } from './clock';
import { BillitApiError, BillitRequestError, parseBillitErrorBody, redactValue } from './errors';
import type { RequestPacer } from '../pacing/pacer';
import { parseRetryAfter } from './retry-after';
import { classifyTransportError } from './transport-errors';

export type BillitHttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type BillitResponseType = 'json' | 'buffer';
export type QueryValue = string | number | boolean;

export interface BillitHttpRequest {
	method: BillitHttpMethod;
	url: string;
	qs?: Record<string, QueryValue>;
	headers: Record<string, string>;
	body?: unknown;
	responseType: BillitResponseType;
}

export interface BillitHttpResponse {
	statusCode: number;
	headers: Record<string, unknown>;
	body: unknown;
}

export type SendFunction = (request: BillitHttpRequest) => Promise<BillitHttpResponse>;

export interface UnknownOutcomeContext {
	method: BillitHttpMethod;
	url: string;
	idempotencyKey?: string;
	/** Number of attempts made so far. */
	attempt: number;
	/** What made the outcome unknown, e.g. `ECONNRESET` or `HTTP 504`. */
	cause: string;
}

/** `exists: true` ends the call with `result` as its answer; `exists: false` lets it be retried. */
export type UnknownOutcomeDecision = { exists: true; result: unknown } | { exists: false };

export type UnknownOutcomeCheck = (context: UnknownOutcomeContext) => Promise<UnknownOutcomeDecision>;

/** Finds what an earlier request with the same key created; its answer becomes this call's answer. */
export type AlreadyAppliedResolver = (context: UnknownOutcomeContext) => Promise<unknown>;

/** For commands whose answer nothing reads (confirm, refuse, send): applied before means done. */
export const alreadyDone: AlreadyAppliedResolver = async () => await Promise.resolve(true);

export interface RetryOptions {
	maxAttempts: number;
	/** Total time all retry waits of one call may add up to. */
	budgetMs: number;
	baseDelayMs: number;
	maxDelayMs: number;
}

export const DEFAULT_RETRY_OPTIONS: RetryOptions = {
	maxAttempts: 5,
	budgetMs: 60_000,
	baseDelayMs: 500,
	maxDelayMs: 30_000,
};

export interface BillitCoreRequest {
	method: BillitHttpMethod;
	/** Absolute URL. */
	url: string;
	qs?: Record<string, QueryValue>;
	headers?: Record<string, string>;
	body?: unknown;
	/** Writes get a generated key unless one is given; `false` sends none. */
	idempotencyKey?: string | false;
	responseType?: BillitResponseType;
	onUnknownOutcome?: UnknownOutcomeCheck;
	onAlreadyApplied?: AlreadyAppliedResolver;
}

export interface BillitCoreDependencies {
	send: SendFunction;
	clock?: Clock;
	random?: () => number;
	pacer?: RequestPacer;
	retry?: Partial<RetryOptions>;
	/** Values that must never appear in error messages (API key, tokens). */
	secrets?: readonly string[];
	newIdempotencyKey?: () => string;
}

export interface BillitCoreResponse {
	statusCode: number;
	headers: Record<string, unknown>;
	body: unknown;
	/** Billit answered that a request with this idempotency key was already applied. */
	alreadyApplied?: boolean;
}

const WRITE_METHODS = new Set<BillitHttpMethod>(['POST', 'PUT', 'PATCH', 'DELETE']);
const NOT_PROCESSED_STATUSES = new Set([429, 503]);
const UNKNOWN_OUTCOME_STATUSES = new Set([502, 504]);
const IDEMPOTENT_RETRY_STATUSES = new Set([500]);
export const IDEMPOTENCY_HEADERS = ['Idempotent-Key', 'Idempotency-Key'] as const;

/** A fresh key: alphanumeric, as the idempotent-tokens page asks. */
export function newIdempotencyKey(): string {
	return randomUUID().replace(/-/g, '');
}

/** Billit's answer to a reused idempotency key: 409 "Idempotent token already exists". */
export function isIdempotentConflict(statusCode: number, body: unknown): boolean {
	if (statusCode !== 409) return false;
	const entries = parseBillitErrorBody(body);
	const text = entries.length > 0 ? entries.map((entry) => `${entry.code ?? ''} ${entry.description ?? ''}`).join(' ') : String(body ?? '');
	return /idempot/i.test(text);
}

/** Reads a body as JSON when it is JSON (a bare integer included), else keeps the text. */
export function parseResponseBody(body: unknown, responseType: BillitResponseType): unknown {
	if (responseType === 'buffer' && Buffer.isBuffer(body)) return body;
	const text = Buffer.isBuffer(body) ? body.toString('utf8') : body;
	if (typeof text !== 'string') return text;
	const trimmed = text.trim();
	if (trimmed === '') return undefined;
	try {
		return JSON.parse(trimmed) as unknown;
	} catch {
		return text;
	}
}

function headerValue(headers: Record<string, unknown>, name: string): unknown {
	const wanted = name.toLowerCase();
	const entry = Object.entries(headers).find(([key]) => key.toLowerCase() === wanted);
	return entry?.[1];
}

function withoutQuery(url: string): string {
	const index = url.indexOf('?');
	return index === -1 ? url : url.slice(0, index);
}

function seconds(ms: number): string {
	return String(Math.round(ms / 100) / 10);
}

class RetryPlanner {
	private waitedMs = 0;

	constructor(
		private readonly options: RetryOptions,
		private readonly random: () => number,
	) {}

	/** The wait before the next attempt, or throws `failure()` when no attempt is left. */
	nextDelay(attempt: number, retryAfterMs: number | undefined, failure: () => Error): number {
		if (attempt >= this.options.maxAttempts) throw failure();
		const remaining = this.options.budgetMs - this.waitedMs;
		if (retryAfterMs !== undefined) {
			if (retryAfterMs > remaining) {
				const budget =
					remaining === this.options.budgetMs
						? `the retry budget of ${seconds(this.options.budgetMs)} s`
						: `the ${seconds(remaining)} s left of the ${seconds(this.options.budgetMs)} s retry budget`;
				throw new BillitRequestError(
					'retry-after-too-long',
					`Billit asked to retry after ${seconds(retryAfterMs)} s, longer than ${budget}: ${failure().message}`,
				);
			}
			this.waitedMs += retryAfterMs;
			return retryAfterMs;
		}
		if (remaining <= 0) throw failure();
		const delay = Math.min(
			remaining,
			fullJitterDelay(attempt, this.options.baseDelayMs, this.options.maxDelayMs, this.random),
		);
		this.waitedMs += delay;
		return delay;
	}
}

async function sendCapturingFailure(
	send: SendFunction,
	request: BillitHttpRequest,
): Promise<{ response: BillitHttpResponse } | { failure: unknown }> {
	try {
		return { response: await send(request) };
	} catch (failure) {
		return { failure };
	}
}

export async function executeBillitRequest(
	request: BillitCoreRequest,
	dependencies: BillitCoreDependencies,
): Promise<BillitCoreResponse> {
	const clock = dependencies.clock ?? systemClock;
	const secrets = dependencies.secrets ?? [];
	const retry = { ...DEFAULT_RETRY_OPTIONS, ...dependencies.retry };
	const planner = new RetryPlanner(retry, dependencies.random ?? Math.random);
	const method = request.method.toUpperCase() as BillitHttpMethod;
	const idempotencyKey =
		WRITE_METHODS.has(method) && request.idempotencyKey !== false
			? (request.idempotencyKey ?? (dependencies.newIdempotencyKey ?? newIdempotencyKey)())
			: undefined;
	const responseType = request.responseType ?? 'json';
	const httpRequest: BillitHttpRequest = {
		method,
		url: request.url,
		qs: request.qs,
		headers: {
			Accept: 'application/json',
			...request.headers,
			...(idempotencyKey ? Object.fromEntries(IDEMPOTENCY_HEADERS.map((name) => [name, idempotencyKey])) : {}),
		},
		body: request.body === undefined ? undefined : omitNullish(request.body),
		responseType,
	};
	const target = `${method} ${withoutQuery(request.url)}`;

	/** Whether a POST whose outcome is unknown may be sent again; throws when it may not. */
	const guardUnknownOutcome = (cause: string): boolean => {
		if (method !== 'POST') return false;
		if (request.onUnknownOutcome) return true;
		if (idempotencyKey) return false;
		throw new BillitRequestError(
			'unknown-outcome',
			`${target} failed with ${cause} after it was sent, so Billit may or may not have processed it. ` +
				'It was not repeated, to avoid creating it twice: check in Billit, or send it with an Idempotent-Key.',
		);
	};

	let checkBeforeRetry: string | undefined;
	for (let attempt = 1; ; attempt++) {
		if (checkBeforeRetry !== undefined && request.onUnknownOutcome) {
			const decision = await request.onUnknownOutcome({
				method,
				url: request.url,
				idempotencyKey,
				attempt: attempt - 1,
				cause: checkBeforeRetry,
			});
			if (decision.exists) return { statusCode: 200, headers: {}, body: decision.result };
		}
		checkBeforeRetry = undefined;

		if (dependencies.pacer) await dependencies.pacer.acquire(clock);
		const sent = await sendCapturingFailure(dependencies.send, httpRequest);
		if ('failure' in sent) {
			const transport = classifyTransportError(sent.failure);
			if (!transport) {
				const detail = sent.failure instanceof Error ? sent.failure.message : String(sent.failure);
				throw new BillitRequestError('request-failed', `${target} failed: ${detail}`, undefined, sent.failure);
			}
			if (transport.kind === 'unknown' && guardUnknownOutcome(transport.code)) {
				checkBeforeRetry = transport.code;
			}
			const delay = planner.nextDelay(
				attempt,
				undefined,
				() =>
					new BillitRequestError(
						'network',
						`Could not reach Billit for ${target} (${transport.code}) after ${attempt} attempt${attempt === 1 ? '' : 's'}`,
						transport.code,
					),
			);
			await clock.sleep(delay);
			continue;
		}

		const { response } = sent;
		const { statusCode } = response;
		if (statusCode < 400) {
			await dependencies.pacer?.onSuccess();
			return {
				statusCode,
				headers: response.headers,
				body: parseResponseBody(response.body, responseType),
			};
		}
		if (statusCode === 429) await dependencies.pacer?.onThrottled();
		const body = redactValue(parseResponseBody(response.body, 'json'), secrets);
		if (idempotencyKey && isIdempotentConflict(statusCode, body)) {
			const context = { method, url: request.url, idempotencyKey, attempt, cause: 'HTTP 409' };
			if (request.onAlreadyApplied) {
				return { statusCode: 200, headers: {}, body: await request.onAlreadyApplied(context), alreadyApplied: true };
			}
			if (method !== 'POST') return { statusCode, headers: response.headers, body: undefined, alreadyApplied: true };
			throw new BillitRequestError(
				'already-applied',
				`${target} was already applied by Billit under idempotency key ${idempotencyKey} (an earlier attempt whose answer was lost, ` +
					'or an earlier run with the same key), so it was not applied again. Check the result in Billit.',
			);
		}
		const failure = () => new BillitApiError(statusCode, body, { attempts: attempt });
		const unknownOutcome = UNKNOWN_OUTCOME_STATUSES.has(statusCode);
		const idempotentRetry = method !== 'POST' && IDEMPOTENT_RETRY_STATUSES.has(statusCode);
		if (!NOT_PROCESSED_STATUSES.has(statusCode) && !unknownOutcome && !idempotentRetry) throw failure();
		if (unknownOutcome && guardUnknownOutcome(`HTTP ${statusCode}`)) {
			checkBeforeRetry = `HTTP ${statusCode}`;
		}
		const retryAfterMs = parseRetryAfter(headerValue(response.headers, 'retry-after'), clock.now());
		await clock.sleep(planner.nextDelay(attempt, retryAfterMs, failure));
	}
}
