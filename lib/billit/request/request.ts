/**
 * The one request path of every Billit node: a thin n8n adapter around the pure request core.
 * It picks the credential from the node's `authentication` parameter, the base URL from the
 * credential's environment, adds PartyID / ContextPartyID (node override beats credential), paces
 * per company, and turns core errors into NodeApiError without credentials in them.
 */
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IPollFunctions,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { resolveApiBaseUrl } from '../environments';
import { BillitApiError, BillitRequestError, redactSecrets } from './errors';
import { nodeCompany, OAUTH2_NEEDS_COMPANY, type NodeCompany, type ParameterReader } from '../company';
import { companyPacer } from '../pacing/company-pacing';
import { BillitOAuth2RefreshError, detectOAuth2RefreshFailure } from './oauth-refresh-failure';
import { companyPacingKey } from '../pacing/pacer';
import { pacingSettings, type PacingSettings } from '../pacing/pacing-settings';
import { collectPages, resolveNextPageLink } from '../listing/paging';
import {
	executeBillitRequest,
	type BillitHttpMethod,
	type BillitHttpResponse,
	type BillitResponseType,
	type QueryValue,
	type RetryOptions,
	type SendFunction,
	type UnknownOutcomeCheck,
	type AlreadyAppliedResolver,
} from './request-core';

export type BillitContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IPollFunctions
	| IHookFunctions
	| IWebhookFunctions;

export const BILLIT_API_CREDENTIAL = 'billitApi';
export const BILLIT_OAUTH2_CREDENTIAL = 'billitOAuth2Api';

export type BillitAuthentication = 'apiKey' | 'oAuth2';

export interface BillitRequestOptions {
	method: BillitHttpMethod;
	/** `/v1/...` below the configured base URL, or an absolute URL on the configured host. */
	path: string;
	qs?: Record<string, QueryValue>;
	body?: unknown;
	/** Beats the node's Company and the credential's PartyID. */
	partyId?: string | number;
	/** Beats the node's Context Party ID and the credential's (accountant feed items carry their own). */
	contextPartyId?: string | number;
	/** Account-level calls (account information, company list) need no company, even over OAuth2. */
	withoutCompany?: boolean;
	/** Writes get a generated key unless one is given; `false` sends none. */
	idempotencyKey?: string | false;
	headers?: Record<string, string>;
	responseType?: BillitResponseType;
	/** Called before a create whose outcome is unknown is retried. */
	onUnknownOutcome?: UnknownOutcomeCheck;
	/** Resolves what an earlier request with the same idempotency key created (Billit answered 409). */
	onAlreadyApplied?: AlreadyAppliedResolver;
	/** Item whose parameters apply (action nodes; without it the node's parameters are read as in the editor and triggers). */
	itemIndex?: number;
	requestsPerSecond?: number;
	retry?: Partial<RetryOptions>;
}

interface BillitConnection {
	credentialType: string;
	baseUrl: string;
	partyId?: string;
	contextPartyId?: string;
	secrets: string[];
	pacing: PacingSettings;
}

/** The node's parameters: an item's when the request is for an item (action nodes), else the node's (editor, triggers). */
function parameterReader(context: BillitContext, itemIndex: number | undefined): ParameterReader {
	return (name, fallback) =>
		itemIndex === undefined
			? (context as Exclude<BillitContext, IExecuteFunctions>).getNodeParameter(name, fallback)
			: (context as IExecuteFunctions).getNodeParameter(name, itemIndex, fallback);
}

export function credentialTypeFor(authentication: unknown): string {
	return authentication === 'oAuth2' ? BILLIT_OAUTH2_CREDENTIAL : BILLIT_API_CREDENTIAL;
}

function optionalId(value: unknown): string | undefined {
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	if (typeof value === 'string' && value.trim() !== '') return value.trim();
	return undefined;
}

function credentialSecrets(credentials: ICredentialDataDecryptedObject): string[] {
	const token = (credentials.oauthTokenData ?? {}) as IDataObject;
	return [credentials.apiKey, credentials.clientSecret, token.access_token, token.refresh_token].filter(
		(value): value is string => typeof value === 'string' && value !== '',
	);
}

type ConnectionOptions = Pick<BillitRequestOptions, 'itemIndex' | 'partyId' | 'contextPartyId' | 'withoutCompany'>;

/** The one place a Billit node's credential and company are read: the node's Company beats the credential's PartyID. */
async function resolveConnection(context: BillitContext, options: ConnectionOptions): Promise<BillitConnection> {
	const read = parameterReader(context, options.itemIndex);
	const credentialType = credentialTypeFor(read('authentication', 'apiKey'));
	const company = nodeCompany(read);
	const chosenPartyId = optionalId(options.partyId) ?? company.partyId;
	if (credentialType === BILLIT_OAUTH2_CREDENTIAL && chosenPartyId === undefined && !options.withoutCompany) {
		throw new Error(OAUTH2_NEEDS_COMPANY);
	}
	const credentials = await context.getCredentials<ICredentialDataDecryptedObject>(credentialType);
	const baseUrl = resolveApiBaseUrl(credentials);
	const partyId = chosenPartyId ?? optionalId(credentials.partyId);
	const credentialId = context.getNode().credentials?.[credentialType]?.id ?? undefined;
	return {
		credentialType,
		baseUrl,
		partyId,
		contextPartyId:
			optionalId(options.contextPartyId) ?? company.contextPartyId ?? optionalId(credentials.contextPartyId),
		secrets: credentialSecrets(credentials),
		pacing: pacingSettings(credentials, { baseUrl, partyId }, credentialId),
	};
}

/** Status, headers and body of a failed answer n8n threw instead of returning (OAuth2 401). */
function answerInsideError(error: unknown): BillitHttpResponse | undefined {
	const candidate = error as {
		httpCode?: unknown;
		response?: { status?: unknown; data?: unknown; headers?: unknown };
		cause?: { response?: { status?: unknown; data?: unknown; headers?: unknown }; error?: unknown };
	};
	const response = candidate?.cause?.response ?? candidate?.response;
	const status = Number(response?.status ?? candidate?.httpCode);
	if (!Number.isInteger(status) || status < 400) return undefined;
	return {
		statusCode: status,
		headers: (response?.headers ?? {}) as Record<string, unknown>,
		body: response?.data ?? candidate?.cause?.error,
	};
}

function n8nSend(context: BillitContext, connection: BillitConnection): SendFunction {
	const oauth = connection.credentialType === BILLIT_OAUTH2_CREDENTIAL;
	return async (request) => {
		const options: IHttpRequestOptions = {
			method: request.method,
			url: request.url,
			qs: request.qs,
			headers: request.headers,
			body: request.body as IHttpRequestOptions['body'],
			returnFullResponse: true,
			// For OAuth2 a 401 must throw: that is what makes n8n refresh the token and try again.
			ignoreHttpStatusErrors: oauth ? { ignore: true, except: [401] } : true,
			// Text, parsed by the core: Billit answers creates with a bare integer.
			encoding: request.responseType === 'buffer' ? 'arraybuffer' : 'text',
		};
		try {
			const response = (await context.helpers.httpRequestWithAuthentication.call(
				context,
				connection.credentialType,
				options,
			)) as IN8nHttpFullResponse;
			const body = response.body instanceof ArrayBuffer ? Buffer.from(response.body) : response.body;
			return { statusCode: response.statusCode, headers: response.headers, body };
		} catch (error) {
			// Checked first: a token endpoint's status must not pass for Billit's answer to the request.
			const refreshFailure = oauth ? detectOAuth2RefreshFailure(error) : undefined;
			if (refreshFailure) throw refreshFailure;
			const answer = answerInsideError(error);
			if (answer) return answer;
			// n8n already wraps transport failures in NodeApiError (this returns it as is); the core
			// reads the network code from its cause chain.
			throw new NodeApiError(context.getNode(), error as JsonObject);
		}
	};
}

/** The core passes a failure of `send` on as the cause of a 'request-failed' error. */
function refreshFailureOf(error: unknown): BillitOAuth2RefreshError | undefined {
	if (error instanceof BillitOAuth2RefreshError) return error;
	if (error instanceof BillitRequestError && error.cause instanceof BillitOAuth2RefreshError) return error.cause;
	return undefined;
}

function toNodeError(context: BillitContext, error: unknown, connection: BillitConnection, itemIndex?: number): Error {
	const refreshFailure = refreshFailureOf(error);
	if (refreshFailure) {
		const nodeError = new NodeApiError(
			context.getNode(),
			{
				reason: refreshFailure.reason,
				oauthError: refreshFailure.oauthError ?? null,
				tokenEndpointStatus: refreshFailure.tokenEndpointStatus ?? null,
			} as JsonObject,
			{
				message: refreshFailure.message,
				description: refreshFailure.description,
				itemIndex,
				...(refreshFailure.needsReconnect ? { failure: { cause: 'credential-invalid' as const } } : {}),
			},
		);
		nodeError.message = refreshFailure.message;
		return nodeError;
	}
	if (error instanceof BillitApiError) {
		const description = error.billitErrors
			.map((entry) => [entry.code, entry.description].filter(Boolean).join(': '))
			.join('\n');
		const nodeError = new NodeApiError(
			context.getNode(),
			{
				httpCode: String(error.httpCode),
				billitErrors: error.billitErrors,
				body: error.responseBody,
			} as unknown as JsonObject,
			{ message: error.message, description: description || undefined, httpCode: String(error.httpCode), itemIndex },
		);
		// NodeApiError swaps messages that mention common codes for generic texts; keep Billit's.
		nodeError.message = error.message;
		return nodeError;
	}
	if (error instanceof BillitRequestError) {
		const message = redactSecrets(error.message, connection.secrets);
		const nodeError = new NodeApiError(
			context.getNode(),
			{ reason: error.reason, networkCode: error.networkCode ?? null } as JsonObject,
			{ message, itemIndex },
		);
		nodeError.message = message;
		return nodeError;
	}
	if (error instanceof Error) {
		error.message = redactSecrets(error.message, connection.secrets);
		return error;
	}
	return new Error(redactSecrets(String(error), connection.secrets));
}

function buildHeaders(connection: BillitConnection, extra: Record<string, string> | undefined): Record<string, string> {
	return {
		...extra,
		...(connection.partyId ? { PartyID: connection.partyId } : {}),
		...(connection.contextPartyId ? { ContextPartyID: connection.contextPartyId } : {}),
	};
}

async function send(
	context: BillitContext,
	connection: BillitConnection,
	options: BillitRequestOptions,
	pathOrUrl: string,
): Promise<unknown> {
	const url = /^https?:\/\//i.test(pathOrUrl)
		? resolveNextPageLink(pathOrUrl, connection.baseUrl)
		: `${connection.baseUrl}${pathOrUrl.startsWith('/') ? '' : '/'}${pathOrUrl}`;
	const response = await executeBillitRequest(
		{
			method: options.method,
			url,
			qs: options.qs,
			headers: buildHeaders(connection, options.headers),
			body: options.body,
			idempotencyKey: options.idempotencyKey,
			responseType: options.responseType,
			onUnknownOutcome: options.onUnknownOutcome,
			onAlreadyApplied: options.onAlreadyApplied,
		},
		{
			send: n8nSend(context, connection),
			pacer: companyPacer(
				connection.pacing.key,
				options.requestsPerSecond ?? connection.pacing.requestsPerSecond,
				context.logger,
			),
			retry: options.retry,
			secrets: connection.secrets,
		},
	);
	return response.body;
}

function companyKeyOf(connection: BillitConnection): string {
	return companyPacingKey(connection.baseUrl, connection.partyId);
}

/** The key Billit's per-company limits are kept under (feed listings): API base URL and PartyID. */
export async function billitCompanyKey(this: BillitContext, options: ConnectionOptions): Promise<string> {
	return companyKeyOf(await resolveConnection(this, options));
}

/** The company and context party chosen on the node itself, without the credential's. */
export function chosenCompany(this: IExecuteFunctions, itemIndex: number): NodeCompany {
	return nodeCompany(parameterReader(this, itemIndex));
}

/** The PartyID and ContextPartyID a request with these options goes out with (node, else credential). */
export async function billitCompany(
	this: BillitContext,
	options: ConnectionOptions,
): Promise<{ partyId?: string; contextPartyId?: string }> {
	const { partyId, contextPartyId } = await resolveConnection(this, options);
	return { partyId, contextPartyId };
}

export async function billitRequest<T = unknown>(
	this: BillitContext,
	options: BillitRequestOptions,
): Promise<T> {
	const connection = await resolveConnection(this, options);
	try {
		return (await send(this, connection, options, options.path)) as T;
	} catch (error) {
		throw toNodeError(this, error, connection, options.itemIndex);
	}
}

/** All items of a paged list (`{ Items, NextPageLink, Count }`), stopping early at `limit`. */
export async function billitRequestAllItems<T = unknown>(
	this: BillitContext,
	options: BillitRequestOptions,
	paging: { limit?: number } = {},
): Promise<T[]> {
	const connection = await resolveConnection(this, options);
	try {
		return await collectPages<T>(
			async (nextPageUrl) =>
				await (nextPageUrl === undefined
					? send(this, connection, options, options.path)
					: send(this, connection, { ...options, qs: undefined }, nextPageUrl)),
			{ baseUrl: connection.baseUrl, limit: paging.limit },
		);
	} catch (error) {
		throw toNodeError(this, error, connection, options.itemIndex);
	}
}
