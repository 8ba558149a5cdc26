/**
 * The sandbox suite's HTTP client: paced plain fetch with a bounded wait on 429, recording every
 * answer (status, Billit error code and text, never a header or the API key) and checking each
 * successful JSON answer against the written contract of Billit's published model.
 */
import { billitContract, checkAnswer, findEndpoint } from '../../emulator/contract';

export interface SandboxTarget {
	baseUrl: string;
	apiKey: string;
	partyId: string;
}

export interface Answer {
	status: number;
	headers: Headers;
	json: unknown;
	text: string;
}

/** What the report keeps of one request. */
export interface Exchange {
	request: string;
	status: number;
	errorCode?: string;
	errorText?: string;
	retryAfter?: string;
	/** Ways the answer departs from the contract's answer type. */
	departures?: string[];
}

export interface RequestOptions {
	body?: unknown;
	headers?: Record<string, string>;
	/** No pacing and no retry on 429: to observe Billit's own limit. */
	raw?: boolean;
}

/** Well below Billit's documented 25 per second, so only the rate check meets the limit. */
const PACE_MS = 100;
const MAX_429_WAITS = 3;
const MAX_WAIT_SECONDS = 10;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Billit's error body: `{ errors: [{ Code, Description }] }`, or the legacy `ErrorEnum` shape. */
export function billitError(json: unknown): { code?: string; text?: string } {
	const body = json as { errors?: Array<{ Code?: string; Description?: string }>; ErrorEnum?: string; Message?: string } | undefined;
	const first = body?.errors?.[0];
	return { code: first?.Code ?? body?.ErrorEnum, text: first?.Description ?? body?.Message };
}

/** The body's JSON; undefined for an empty or non-JSON body (a file, an HTML error page). */
function jsonOf(text: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		return undefined;
	}
}

export class SandboxClient {
	/** Every exchange of the run, for the contract check. */
	readonly all: Exchange[] = [];
	/** The exchanges of the check that runs now. */
	current: Exchange[] = [];
	private nextSlot = 0;

	constructor(private readonly target: SandboxTarget) {}

	async request(method: string, path: string, options: RequestOptions = {}): Promise<Answer> {
		for (let waits = 0; ; waits++) {
			if (!options.raw) await this.pace();
			const answer = await this.send(method, path, options);
			if (answer.status !== 429 || options.raw || waits >= MAX_429_WAITS) return answer;
			const seconds = Number(answer.headers.get('retry-after'));
			await sleep(Math.min(Number.isFinite(seconds) && seconds > 0 ? seconds : 1, MAX_WAIT_SECONDS) * 1000);
		}
	}

	private async pace(): Promise<void> {
		const now = Date.now();
		const slot = Math.max(now, this.nextSlot);
		this.nextSlot = slot + PACE_MS;
		if (slot > now) await sleep(slot - now);
	}

	private async send(method: string, path: string, options: RequestOptions): Promise<Answer> {
		const headers: Record<string, string> = { Accept: 'application/json', ApiKey: this.target.apiKey, PartyID: this.target.partyId, ...options.headers };
		if (options.body !== undefined) headers['Content-Type'] = 'application/json';
		const url = new URL(path, this.target.baseUrl);
		const response = await fetch(url, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
		const text = await response.text();
		const json = jsonOf(text);
		this.record(method, url, { status: response.status, headers: response.headers, json, text });
		return { status: response.status, headers: response.headers, json, text };
	}

	private record(method: string, url: URL, answer: Answer): void {
		const exchange: Exchange = { request: `${method} ${decodeURIComponent(url.pathname + url.search)}`, status: answer.status };
		if (answer.status >= 400) {
			const error = billitError(answer.json);
			exchange.errorCode = error.code;
			exchange.errorText = (error.text ?? (answer.json === undefined ? answer.text : undefined))?.slice(0, 200);
		}
		const retryAfter = answer.headers.get('retry-after');
		if (retryAfter !== null) exchange.retryAfter = retryAfter;
		const match = answer.status < 300 && answer.json !== undefined ? findEndpoint(billitContract, method, url.pathname) : undefined;
		if (match) {
			const departures = checkAnswer(billitContract, match.endpoint, answer.json);
			if (departures.length > 0) exchange.departures = departures;
		}
		this.current.push(exchange);
		this.all.push(exchange);
	}
}
