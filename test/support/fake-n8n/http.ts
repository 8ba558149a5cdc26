/**
 * Real HTTP for the fakes of n8n's contexts: `helpers.httpRequestWithAuthentication` sends with
 * fetch (so requests reach a real server such as the Billit emulator), adding credential headers the
 * way n8n's credential `authenticate` would, and answers like n8n's `httpRequest` for the options
 * this package uses.
 */
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

export interface HttpResponse {
	statusCode: number;
	headers: Record<string, string>;
	body: unknown;
}

export interface HttpCall {
	credentialType: string;
	request: IHttpRequestOptions;
}

export interface HttpOptions {
	/** Decrypted credentials by credential type name. */
	credentials?: Record<string, IDataObject>;
	/** Adds authentication to a request, as the credential's `authenticate` does in n8n. */
	authenticate?: (credentialType: string, credentials: IDataObject, request: IHttpRequestOptions) => void;
	/** Changes an answer before the node sees it (e.g. to simulate content corrupted in transit). */
	alterResponse?: (request: IHttpRequestOptions, response: HttpResponse) => void;
}

/** Default authentication for Billit's two credential types. */
export function billitAuthenticate(credentialType: string, credentials: IDataObject, request: IHttpRequestOptions): void {
	const headers = (request.headers ??= {});
	if (credentialType === 'billitOAuth2Api') {
		const token = (credentials.oauthTokenData as IDataObject | undefined)?.access_token;
		headers.Authorization = `Bearer ${String(token)}`;
	} else {
		headers.ApiKey = String(credentials.apiKey);
	}
}

function toQueryString(qs: IDataObject | undefined): string {
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(qs ?? {})) {
		if (value === undefined || value === null) continue;
		params.append(key, String(value));
	}
	const text = params.toString();
	return text ? `?${text}` : '';
}
/** Real HTTP with fetch, answering like n8n's `httpRequest` for the options Billit code uses. */
async function performHttp(
	request: IHttpRequestOptions,
	alterResponse?: HttpOptions['alterResponse'],
): Promise<unknown> {
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(request.headers ?? {})) {
		if (value !== undefined && value !== null) headers[name] = String(value);
	}
	let body: string | Buffer | undefined;
	if (request.body !== undefined && request.body !== null) {
		if (typeof request.body === 'string' || Buffer.isBuffer(request.body)) {
			body = request.body as string | Buffer;
		} else {
			body = JSON.stringify(request.body);
			headers['Content-Type'] ??= 'application/json';
		}
	}
	const response = await fetch(`${request.url}${toQueryString(request.qs as IDataObject)}`, {
		method: request.method ?? 'GET',
		headers,
		body,
	});
	const bytes = Buffer.from(await response.arrayBuffer());
	const responseHeaders = Object.fromEntries(response.headers.entries());
	let parsed: unknown;
	if (request.encoding === 'arraybuffer') {
		parsed = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
	} else if (request.encoding === 'text' || request.json === false) {
		parsed = bytes.toString('utf8');
	} else {
		const text = bytes.toString('utf8');
		try {
			parsed = text === '' ? undefined : JSON.parse(text);
		} catch {
			parsed = text;
		}
	}
	const answer: HttpResponse = {
		statusCode: response.status,
		headers: responseHeaders,
		body: parsed,
	};
	alterResponse?.(request, answer);
	parsed = answer.body;
	const ignore = request.ignoreHttpStatusErrors;
	const ignored =
		ignore === true ||
		(typeof ignore === 'object' &&
			ignore !== null &&
			(ignore as { except?: number[] }).except?.includes(response.status) === false);
	if (response.status >= 400 && !ignored) {
		const error = new Error(`Request failed with status code ${response.status}`) as Error &
			IDataObject;
		error.httpCode = String(response.status);
		error.response = { status: response.status, data: parsed, headers: responseHeaders };
		throw error;
	}
	if (request.returnFullResponse) {
		return {
			statusCode: response.status,
			statusMessage: response.statusText,
			headers: responseHeaders,
			body: parsed,
		};
	}
	return parsed;
}

/** `getCredentials`: the test's credentials of the type the node asks for. */
export function credentialsLookup(credentials: HttpOptions['credentials']) {
	return async (type: string) => {
		const found = credentials?.[type];
		if (!found) throw new Error(`No test credentials of type ${type}`);
		return found;
	};
}

/** `httpRequestWithAuthentication` doing real HTTP with the test credentials, recording each call. */
export function authenticatedHttp(options: HttpOptions, httpCalls: HttpCall[]) {
	const authenticate = options.authenticate ?? billitAuthenticate;
	return async (credentialType: string, request: IHttpRequestOptions) => {
		const credentials = options.credentials?.[credentialType];
		if (!credentials) throw new Error(`No test credentials of type ${credentialType}`);
		const authenticated = { ...request, headers: { ...request.headers } };
		authenticate(credentialType, credentials, authenticated);
		httpCalls.push({ credentialType, request: authenticated });
		return await performHttp(authenticated, options.alterResponse);
	};
}
