import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { authenticateUser, authorizeCompany, type AuthContext } from './auth';
import { errorResponse } from './errors';
import type { Faults } from './faults';
import type { ContractGuard } from './contract-guard';
import { ApiError, header, type EmuRequest, type EmuResponse } from './http';
import type { IdempotencyStore } from './idempotency';
import type { RateLimiter } from './rate-limit';
import { redactBody, redactHeaders, type RequestLog } from './request-log';
import { matchRoute, type Ctx, type Route } from './router';
import type { Store, User } from './store';

const MAX_BODY_BYTES = 25 * 1024 * 1024;
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const ADMIN_PREFIX = '/_emulator';

export interface Pipeline {
	store: Store;
	routes: Route[];
	adminRoutes: Route[];
	faults: Faults;
	rateLimiter: RateLimiter;
	idempotency: IdempotencyStore;
	log: RequestLog;
	baseUrl: () => string;
	/** Present when requests and answers are held to the written Billit contract. */
	contract?: ContractGuard;
}

/** The HTTP front: body reading, faults, routing, auth, rate limit, idempotency, errors, log. */
export function createHttpServer(pipeline: Pipeline): Server {
	return createServer((req, res) => {
		void handle(pipeline, req, res).catch((error: unknown) => {
			// Last resort: the emulator stays up whatever a handler did.
			if (!res.headersSent) {
				writeResponse(res, errorResponse(pipeline.store.switches, 500, 'InternalServerError', String(error)));
			} else {
				res.destroy();
			}
		});
	});
}

async function handle(pipeline: Pipeline, req: IncomingMessage, res: ServerResponse): Promise<void> {
	const { store } = pipeline;
	const rawBody = await readBody(req);
	// Links (NextPageLink) use the host the client addressed, as a server behind its own name does.
	const host = req.headers.host;
	const base = host && /^[A-Za-z0-9.\-[\]:]+$/.test(host) ? `http://${host}` : pipeline.baseUrl();
	const url = new URL(req.url ?? '/', base);
	const path = url.pathname.replace(/\/+$/, '') || '/';
	const method = (req.method ?? 'GET').toUpperCase();
	const request: EmuRequest = { method, url, path, headers: req.headers, rawBody: rawBody ?? Buffer.alloc(0), params: {} };
	const isAdmin = path === ADMIN_PREFIX || path.startsWith(`${ADMIN_PREFIX}/`);
	const faults = isAdmin ? [] : pipeline.faults.pick(method, path);
	const logEntry = (status: number, idempotentReplay?: boolean) => {
		if (isAdmin) return;
		pipeline.log.add({
			time: store.clock.nowIso(),
			method,
			path,
			query: url.search,
			headers: redactHeaders(req.headers),
			body: redactBody(path, request.rawBody.toString('utf8')),
			status,
			faults: faults.map((fault) => fault.kind),
			...(idempotentReplay ? { idempotentReplay } : {}),
		});
	};

	if (rawBody === undefined) {
		const response = errorResponse(store.switches, 413, 'RequestTooLarge', `The request body exceeds ${MAX_BODY_BYTES} bytes`);
		logEntry(413);
		writeResponse(res, response);
		return;
	}
	for (const fault of faults.filter((f) => f.kind === 'latency')) await delay(fault.latencyMs ?? 0);
	const terminal = faults.find((fault) => fault.kind !== 'latency');
	if (terminal?.kind === 'dropBefore') {
		logEntry(0);
		req.socket.destroy();
		return;
	}
	if (terminal?.kind === 'status') {
		const status = terminal.status ?? 500;
		const response = errorResponse(store.switches, status, 'InjectedFault', `Injected fault: HTTP ${status}`,
			status === 429 || status === 503 ? { 'Retry-After': '1' } : {});
		logEntry(status);
		writeResponse(res, response);
		return;
	}

	const { response, replayed } = await dispatch(pipeline, request, isAdmin, base);
	logEntry(response.status, replayed);
	if (terminal?.kind === 'dropAfter') {
		req.socket.destroy();
		return;
	}
	writeResponse(res, response);
}

async function dispatch(
	pipeline: Pipeline,
	request: EmuRequest,
	isAdmin: boolean,
	baseUrl: string,
): Promise<{ response: EmuResponse; replayed?: boolean }> {
	const { store } = pipeline;
	try {
		const match = matchRoute(isAdmin ? pipeline.adminRoutes : pipeline.routes, request.method, request.path);
		if (match === undefined) throw new ApiError(404, 'NotFound', `No resource at ${request.path}`);
		if (match === 'methodMismatch') {
			throw new ApiError(405, 'MethodNotAllowed', `${request.method} is not allowed on ${request.path}`);
		}
		request.params = match.params;
		const endpoint = isAdmin ? undefined : pipeline.contract?.request(request);
		let user: User | undefined;
		let auth: AuthContext | undefined;
		if (match.route.auth !== 'none') {
			user = authenticateUser(store, request);
			if (match.route.auth === 'company') auth = authorizeCompany(store, request, user);
			const rateKey = auth ? `company:${auth.companyId}` : `user:${user.Email}`;
			const wait = pipeline.rateLimiter.check(rateKey, store.switches.rateLimitPerSecond, Date.now());
			if (wait !== undefined) {
				throw new ApiError(429, 'TooManyRequests', 'Too many requests; slow down', { 'Retry-After': String(wait) });
			}
		}
		// header-values names `Idempotent-Key`, idempotent-tokens `Idempotency-Key`: either is honoured.
		const key = header(request, 'idempotency-key') ?? header(request, 'idempotent-key');
		const scope = auth ? String(auth.companyId) : (user?.Email ?? '');
		const idempotent = key !== undefined && WRITE_METHODS.has(request.method) && match.route.auth !== 'none' && store.switches.idempotency !== 'ignore';
		if (idempotent && pipeline.idempotency.has(scope, key)) {
			if (store.switches.idempotency === 'conflict') {
				throw new ApiError(409, 'Idempotent token already exists', `The idempotency key '${key}' was already used`);
			}
			return { response: pipeline.idempotency.get(scope, key) as EmuResponse, replayed: true };
		}
		const ctx = makeContext(store, request, baseUrl, user, auth);
		const answered = await match.route.handler(ctx);
		const response = endpoint && pipeline.contract ? pipeline.contract.answer(endpoint, answered) : answered;
		if (response instanceof ApiError) throw response;
		// idempotent-tokens: the key is stored only when the action succeeded.
		if (idempotent && response.status < 300) pipeline.idempotency.remember(scope, key, response);
		return { response };
	} catch (error) {
		if (error instanceof ApiError) {
			return { response: errorResponse(store.switches, error.status, error.code, error.description, error.headers) };
		}
		return {
			response: errorResponse(store.switches, 500, 'InternalServerError', 'An unexpected error occurred in the emulator'),
		};
	}
}

function makeContext(store: Store, req: EmuRequest, baseUrl: string, user?: User, auth?: AuthContext): Ctx {
	return {
		store,
		req,
		baseUrl,
		get user(): User {
			if (!user) throw new Error('This route has no authenticated user');
			return user;
		},
		get auth(): AuthContext {
			if (!auth) throw new Error('This route has no company context');
			return auth;
		},
	};
}

/** Resolves undefined when the body is larger than the limit. */
function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		let tooLarge = false;
		req.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > MAX_BODY_BYTES) tooLarge = true;
			else chunks.push(chunk);
		});
		req.on('end', () => resolve(tooLarge ? undefined : Buffer.concat(chunks)));
		req.on('error', reject);
	});
}

function writeResponse(res: ServerResponse, response: EmuResponse): void {
	const headers: Record<string, string> = { ...response.headers };
	let payload: Buffer | string = '';
	if (response.raw) {
		headers['Content-Type'] = response.raw.contentType;
		payload = response.raw.data;
	} else if (response.body !== undefined) {
		headers['Content-Type'] = 'application/json; charset=utf-8';
		payload = JSON.stringify(response.body);
	}
	headers['Content-Length'] = String(Buffer.byteLength(payload));
	res.writeHead(response.status, headers);
	res.end(payload);
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function listeningPort(server: Server): number {
	return (server.address() as AddressInfo).port;
}
