import type { IncomingHttpHeaders } from 'node:http';

/** An answer the emulator gives for a Billit-like error; `code` is Billit's error code. */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		readonly description: string,
		readonly headers: Record<string, string> = {},
	) {
		super(`${code}: ${description}`);
	}
}

export const badRequest = (code: string, description: string) => new ApiError(400, code, description);
export const notFound = (what: string, id: string | number) =>
	new ApiError(404, 'NotFound', `${what} ${String(id)} was not found`);

/** A handler's answer; the server serialises it, so idempotent replay can store and repeat it. */
export interface EmuResponse {
	status: number;
	/** JSON value (bare integers and booleans included); ignored when `raw` is set. */
	body?: unknown;
	raw?: { contentType: string; data: Buffer | string };
	headers?: Record<string, string>;
}

export const ok = (body: unknown): EmuResponse => ({ status: 200, body });

export interface EmuRequest {
	method: string;
	url: URL;
	/** Path without trailing slash, as sent (case preserved). */
	path: string;
	headers: IncomingHttpHeaders;
	rawBody: Buffer;
	params: Record<string, string>;
}

export function header(req: EmuRequest, name: string): string | undefined {
	const value = req.headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

/** Parses the body as JSON; an empty body is `undefined`. Malformed JSON is Billit's 400. */
export function jsonBody(req: EmuRequest): unknown {
	const text = req.rawBody.toString('utf8').trim();
	if (text === '') return undefined;
	try {
		return JSON.parse(text) as unknown;
	} catch (error) {
		throw badRequest('InvalidJson', `The request body is not valid JSON: ${(error as Error).message}`);
	}
}

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The body as a JSON object, or Billit's 400. */
export function objectBody(req: EmuRequest): Record<string, unknown> {
	const body = jsonBody(req);
	if (!isRecord(body)) throw badRequest('InvalidRequest', 'The request body must be a JSON object');
	return body;
}

/** A positive integer route parameter, or 404 (Billit answers unknown or malformed ids alike). */
export function idParam(req: EmuRequest, name: string, what: string): number {
	const raw = req.params[name] ?? '';
	const id = /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
	if (!Number.isSafeInteger(id) || id <= 0) throw notFound(what, raw);
	return id;
}
