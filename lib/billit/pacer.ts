/**
 * Request pacing per Billit company (key: API base URL + PartyID).
 *
 * A sliding window: a request may start only when fewer than `limit` requests started in the
 * preceding window (1 s plus a jitter margin), so no one-second window ever holds more than `limit` starts. Slots are
 * reserved synchronously, so concurrent callers in one process each get their own slot.
 * The limit adapts (AIMD): a 429 halves it (down to `minPerWindow`), and every `limit` successes
 * in a row raise it by one again, up to the configured maximum.
 */
import type { Clock } from './clock';

/** Billit's documentation mentions 25 requests per second; unverified, hence configurable. */
export const DEFAULT_REQUESTS_PER_SECOND = 25;
const WINDOW_MS = 1000;
/** Billit counts requests when they arrive, we count them when they leave: a request delayed in
 * transit (a busy event loop, a slow network) would land in the next one's window. Keeping each
 * window 5 % longer than a second absorbs that jitter at a 5 % cost in throughput. */
const ARRIVAL_JITTER_MARGIN_MS = 50;
/** No one window of this length holds more than the limit's starts. */
export const PACING_WINDOW_MS = WINDOW_MS + ARRIVAL_JITTER_MARGIN_MS;
export const MIN_PER_WINDOW = 1;

/** What the request core needs from a pacer: a slot before each attempt, and each attempt's outcome. */
export interface RequestPacer {
	acquire(clock: Clock): Promise<void>;
	onSuccess(): void | Promise<void>;
	onThrottled(): void | Promise<void>;
}

export class CompanyPacer implements RequestPacer {
	private limit: number;
	private maxPerWindow: number;
	private successStreak = 0;
	/** Reserved start times, ascending; only the most recent `maxPerWindow` matter. */
	private readonly starts: number[] = [];

	constructor(requestsPerSecond: number = DEFAULT_REQUESTS_PER_SECOND) {
		this.maxPerWindow = CompanyPacer.validRate(requestsPerSecond);
		this.limit = this.maxPerWindow;
	}

	static validRate(requestsPerSecond: number): number {
		if (!Number.isFinite(requestsPerSecond) || requestsPerSecond < MIN_PER_WINDOW) {
			throw new Error(
				`The Billit request rate must be at least ${MIN_PER_WINDOW} per second (got ${requestsPerSecond})`,
			);
		}
		return Math.floor(requestsPerSecond);
	}

	get currentLimit(): number {
		return this.limit;
	}

	/** The configured requests per window, which the limit recovers to. */
	get maxRate(): number {
		return this.maxPerWindow;
	}

	/** Applies a changed configured rate (another node may configure the same company). */
	configure(requestsPerSecond: number): void {
		const max = CompanyPacer.validRate(requestsPerSecond);
		if (max === this.maxPerWindow) return;
		this.maxPerWindow = max;
		this.limit = Math.min(this.limit, max);
	}

	/** Reserves the earliest allowed start time at or after `now` and returns it. */
	reserve(now: number): number {
		const count = this.starts.length;
		let start = Math.max(now, count > 0 ? this.starts[count - 1] : now);
		if (count >= this.limit) {
			start = Math.max(start, this.starts[count - this.limit] + PACING_WINDOW_MS);
		}
		this.starts.push(start);
		if (this.starts.length > this.maxPerWindow) this.starts.splice(0, this.starts.length - this.maxPerWindow);
		return start;
	}

	/** Waits for this caller's slot. */
	async acquire(clock: Clock): Promise<void> {
		const now = clock.now();
		const start = this.reserve(now);
		if (start > now) await clock.sleep(start - now);
	}

	onThrottled(): void {
		this.limit = Math.max(MIN_PER_WINDOW, Math.floor(this.limit / 2));
		this.successStreak = 0;
	}

	onSuccess(): void {
		if (this.limit >= this.maxPerWindow) return;
		this.successStreak += 1;
		if (this.successStreak >= this.limit) {
			this.limit += 1;
			this.successStreak = 0;
		}
	}
}

// Module-level so every caller in this process (all nodes, all executions) shares one pace per
// company. In n8n queue mode the budget is shared through Redis (shared-pacer.ts); these pacers are
// then its fallback while Redis cannot be reached.
const pacers = new Map<string, CompanyPacer>();

export function companyPacingKey(baseUrl: string, partyId: string | undefined): string {
	return `${baseUrl}#${partyId ?? ''}`;
}

export function getCompanyPacer(key: string, requestsPerSecond?: number): CompanyPacer {
	let pacer = pacers.get(key);
	if (!pacer) {
		pacer = new CompanyPacer(requestsPerSecond);
		pacers.set(key, pacer);
	} else if (requestsPerSecond !== undefined) {
		pacer.configure(requestsPerSecond);
	}
	return pacer;
}
