/**
 * Request pacing per budget: a credential (all its companies) or one company, as the credential chooses.
 *
 * Two rules, so that no window of 1 s (plus a jitter margin) ever holds more than `limit` starts:
 * - sliding window: a request may start only when fewer than `limit` requests started in the
 *   preceding window. An idle company may therefore send up to `limit` requests at once;
 * - steady pace: once the window is full, starts are spaced evenly, one per window ÷ limit, instead
 *   of the next full window's requests all leaving together. Billit counts arrivals, and a burst of
 *   requests arrives spread out by however long the network and the server take to get through it;
 *   evenly spaced requests arrive evenly spaced, so fixed windows of any phase see at most `limit`.
 * Slots are reserved synchronously, so concurrent callers in one process each get their own slot.
 * A caller woken late (a busy event loop) records when it really started, and a caller whose window
 * then holds too many real starts waits the difference: a late timer never compresses two windows
 * into one. The limit adapts (AIMD): a 429 halves it (down to `MIN_PER_WINDOW`), and every `limit`
 * successes in a row raise it by one again, up to the configured maximum.
 */
import type { Clock } from '../request/clock';

/** Billit's documentation mentions 25 requests per second; unverified, hence configurable. */
export const DEFAULT_REQUESTS_PER_SECOND = 25;
const WINDOW_MS = 1000;
/** Billit counts requests when they arrive, we count them when they leave: a request delayed in
 * transit (a busy event loop, a slow network) more than its neighbour 25 requests later would
 * land in that one's window. Keeping each window 5 % longer than a second absorbs 50 ms of such
 * jitter at a 5 % cost in throughput. */
const ARRIVAL_JITTER_MARGIN_MS = 50;
/** No one window of this length holds more than the limit's starts. */
export const PACING_WINDOW_MS = WINDOW_MS + ARRIVAL_JITTER_MARGIN_MS;
export const MIN_PER_WINDOW = 1;

/** The steady pace of a full window: whole milliseconds, rounded up so `limit` of them span a window. */
export function pacingIntervalMs(limit: number): number {
	return Math.ceil(PACING_WINDOW_MS / limit);
}

/** What the request core needs from a pacer: a slot before each attempt, and each attempt's outcome. */
export interface RequestPacer {
	acquire(clock: Clock): Promise<void>;
	onSuccess(): void | Promise<void>;
	onThrottled(): void | Promise<void>;
}

/** One request's start: reserved ahead, then moved to when it really started. */
interface Slot {
	at: number;
}

/**
 * When a start after `times` (ascending) may happen at the earliest so that no window holds more
 * than `limit` of them: one window after the `limit`-th most recent; `-Infinity` while fewer are known.
 */
function windowOpensAt(times: readonly number[], limit: number): number {
	return times.length >= limit ? times[times.length - limit] + PACING_WINDOW_MS : -Infinity;
}

export class CompanyPacer implements RequestPacer {
	private limit: number;
	private maxPerWindow: number;
	private successStreak = 0;
	/** Starts that may still matter: reserved ones and those less than a window old. */
	private slots: Slot[] = [];
	/** The latest reserved start: the steady pace runs on from here, however late callers wake. */
	private lastReserved = -Infinity;

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

	private startTimes(except?: Slot): number[] {
		return this.slots
			.filter((slot) => slot !== except)
			.map((slot) => slot.at)
			.sort((a, b) => a - b);
	}

	private reserveSlot(now: number): Slot {
		this.slots = this.slots.filter((slot) => slot.at > now - PACING_WINDOW_MS);
		const opensAt = windowOpensAt(this.startTimes(), this.limit);
		let start = Math.max(now, this.lastReserved, opensAt);
		if (opensAt > now) start = Math.max(start, this.lastReserved + pacingIntervalMs(this.limit));
		this.lastReserved = start;
		const slot = { at: start };
		this.slots.push(slot);
		return slot;
	}

	/** Reserves the earliest allowed start time at or after `now` and returns it. */
	reserve(now: number): number {
		return this.reserveSlot(now).at;
	}

	/**
	 * Waits for this caller's slot. On waking, its start is when it woke; while the other starts
	 * really made (at or before now) fill its window, it waits on.
	 */
	async acquire(clock: Clock): Promise<void> {
		let now = clock.now();
		const slot = this.reserveSlot(now);
		const reserved = slot.at;
		while (slot.at > now) {
			await clock.sleep(slot.at - now);
			now = clock.now();
			const started = this.startTimes(slot).filter((at) => at <= now);
			slot.at = Math.max(now, reserved, windowOpensAt(started, this.limit));
		}
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
// budget. In n8n queue mode the budget is shared through Redis (shared-pacer.ts); these pacers are
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
