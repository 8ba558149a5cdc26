/** An n8n REST answer outside 2xx, with enough context to see what failed (never the auth headers). */
export class N8nHttpError extends Error {
	constructor(
		readonly method: string,
		readonly path: string,
		readonly status: number,
		readonly body: string,
	) {
		super(`${method} ${path} answered ${status}: ${body.slice(0, 1000)}`);
		this.name = 'N8nHttpError';
	}
}

/** The promise's value, or undefined when n8n answered 404; other failures pass through. */
export async function undefinedIfNotFound<T>(promise: Promise<T>): Promise<T | undefined> {
	try {
		return await promise;
	} catch (error) {
		if (error instanceof N8nHttpError && error.status === 404) return undefined;
		throw error;
	}
}

export interface JsonRequest {
	method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
	path: string;
	headers?: Record<string, string>;
	body?: unknown;
	timeoutMs?: number;
}

export interface JsonResponse<T> {
	body: T;
	headers: Headers;
}

// A kept-alive connection n8n closed just as it was reused resets; on a loaded machine that race is common.
const READ_ATTEMPTS = 3;

function isConnectionReset(error: unknown): boolean {
	const cause = error instanceof Error ? (error.cause as { code?: string } | undefined) : undefined;
	return error instanceof TypeError && (cause?.code === 'ECONNRESET' || cause?.code === 'UND_ERR_SOCKET');
}

async function send(baseUrl: string, request: JsonRequest): Promise<Response> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await fetch(`${baseUrl}${request.path}`, {
				method: request.method,
				headers: {
					accept: 'application/json',
					...(request.body === undefined ? {} : { 'content-type': 'application/json' }),
					...request.headers,
				},
				body: request.body === undefined ? undefined : JSON.stringify(request.body),
				signal: AbortSignal.timeout(request.timeoutMs ?? 30_000),
			});
		} catch (error) {
			// Only reads are repeated: a write may have been applied before the reset.
			if (request.method !== 'GET' || attempt >= READ_ATTEMPTS || !isConnectionReset(error)) throw error;
		}
	}
}

export async function requestJson<T>(baseUrl: string, request: JsonRequest): Promise<JsonResponse<T>> {
	const response = await send(baseUrl, request);
	const text = await response.text();
	if (!response.ok) throw new N8nHttpError(request.method, request.path, response.status, text);
	return { body: (text ? JSON.parse(text) : undefined) as T, headers: response.headers };
}
