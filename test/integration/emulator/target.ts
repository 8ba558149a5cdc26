import { createEmulator, DEMO, type Emulator, type EmulatorOptions } from '../../../emulator';

/**
 * Where a contract test runs: the in-process emulator, or the real Billit sandbox when
 * BILLIT_SANDBOX_API_KEY and BILLIT_SANDBOX_PARTY_ID are set (BILLIT_SANDBOX_URL overrides the host).
 */
export interface Target {
	name: 'emulator' | 'sandbox';
	baseUrl: string;
	apiKey: string;
	partyId: string;
	/** Only for the emulator: its admin controls. */
	emulator?: Emulator;
}

export interface Answer {
	status: number;
	headers: Headers;
	text: string;
	json: unknown;
}

export interface CallOptions {
	body?: unknown;
	/** Sent as is (no JSON encoding). */
	rawBody?: string;
	headers?: Record<string, string>;
	/** Leave out the ApiKey and PartyID headers. */
	anonymous?: boolean;
	/** No pacing and no retry on 429: to observe the server's own limit. */
	raw?: boolean;
}

/** Requests per second a contract client allows itself, below Billit's documented 25. */
const PACE_PER_SECOND = 15;
const MAX_429_RETRIES = 5;
const nextSlot = new Map<string, number>();

/** Waits for this target's next request slot, like any well-behaved Billit client. */
async function pace(target: Target): Promise<void> {
	const now = Date.now();
	const slot = Math.max(now, nextSlot.get(target.baseUrl) ?? 0);
	nextSlot.set(target.baseUrl, slot + 1000 / PACE_PER_SECOND);
	if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
}

export const sandboxCredentials = () => {
	const apiKey = process.env.BILLIT_SANDBOX_API_KEY;
	const partyId = process.env.BILLIT_SANDBOX_PARTY_ID;
	return apiKey && partyId ? { apiKey, partyId, baseUrl: process.env.BILLIT_SANDBOX_URL ?? 'https://api.sandbox.billit.be' } : undefined;
};

export const SANDBOX_SKIP_REASON =
	'Billit sandbox contract run skipped: set BILLIT_SANDBOX_API_KEY and BILLIT_SANDBOX_PARTY_ID (optionally BILLIT_SANDBOX_URL) to run the same assertions against the real sandbox';

export async function startEmulatorTarget(options: EmulatorOptions = {}): Promise<Target> {
	const emulator = createEmulator(options);
	await emulator.start();
	return { name: 'emulator', baseUrl: emulator.url, apiKey: DEMO.apiKey, partyId: String(DEMO.partyIds[0]), emulator };
}

export function sandboxTarget(): Target | undefined {
	const credentials = sandboxCredentials();
	return credentials ? { name: 'sandbox', ...credentials } : undefined;
}

export async function call(target: Target, method: string, path: string, options: CallOptions = {}): Promise<Answer> {
	for (let attempt = 0; ; attempt++) {
		if (!options.raw) await pace(target);
		const answer = await send(target, method, path, options);
		if (answer.status !== 429 || options.raw || attempt >= MAX_429_RETRIES) return answer;
		const wait = Number(answer.headers.get('retry-after') ?? '1');
		await new Promise((resolve) => setTimeout(resolve, Math.min(Number.isFinite(wait) ? wait : 1, 5) * 1000));
	}
}

async function send(target: Target, method: string, path: string, options: CallOptions): Promise<Answer> {
	const headers: Record<string, string> = { Accept: 'application/json', ...(options.anonymous ? {} : { ApiKey: target.apiKey, PartyID: target.partyId }) };
	let body: string | undefined;
	if (options.rawBody !== undefined) body = options.rawBody;
	else if (options.body !== undefined) {
		body = JSON.stringify(options.body);
		headers['Content-Type'] = 'application/json';
	}
	const response = await fetch(new URL(path, target.baseUrl), { method, headers: { ...headers, ...options.headers }, body });
	const text = await response.text();
	let json: unknown;
	try {
		json = text ? JSON.parse(text) : undefined;
	} catch {
		json = undefined;
	}
	return { status: response.status, headers: response.headers, text, json };
}

/** Billit's error body: `{errors:[{Code,Description}]}` (or the legacy shape). */
export function errorCode(answer: Answer): string | undefined {
	const body = answer.json as { errors?: Array<{ Code?: string }>; ErrorEnum?: string } | undefined;
	return body?.errors?.[0]?.Code ?? body?.ErrorEnum;
}

/** Prints what a target did for a behaviour the documentation leaves open. */
export function observe(target: Target, behaviour: string, observed: unknown): void {
	console.log(`[${target.name}] assumed behaviour "${behaviour}": observed ${JSON.stringify(observed)}`);
}

/** A sales invoice body with a unique reference; totals 2 × 10.50 at 21 % (+ 1 × 4 at 6 %). */
export function invoiceBody(reference: string, customer: Record<string, unknown>): Record<string, unknown> {
	return {
		OrderType: 'Invoice',
		OrderDirection: 'Income',
		OrderDate: '2026-11-02',
		ExpiryDate: '2026-12-02',
		Reference: reference,
		Customer: customer,
		OrderLines: [
			{ Quantity: 2, UnitPriceExcl: 10.5, VATPercentage: 21, Description: 'Consultancy' },
			{ Quantity: 1, UnitPriceExcl: 4, VATPercentage: 6, Description: 'Book' },
		],
	};
}

export const uniqueSuffix = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
