/**
 * A bounded set of keys kept in workflow static data (plain JSON: key → time first seen, in ms).
 * Used to emit a replayed webhook delivery once and to remember which documents sharing the poll
 * watermark's timestamp were already emitted. Oldest keys are dropped first, so the stored object
 * never grows past `maxEntries`.
 */
export type SeenRecord = Record<string, number>;

export interface SeenSetLimits {
	maxEntries: number;
	/** Keys older than this are forgotten; kept until the size bound when absent. */
	maxAgeMs?: number;
}

export class SeenSet {
	constructor(
		private readonly record: SeenRecord,
		private readonly limits: SeenSetLimits,
	) {
		if (!Number.isInteger(limits.maxEntries) || limits.maxEntries < 1) {
			throw new Error('A seen set needs room for at least one key');
		}
	}

	/** The set stored under `field` of a static data object, created there when missing. */
	static in(container: Record<string, unknown>, field: string, limits: SeenSetLimits): SeenSet {
		const existing = container[field];
		const record =
			existing !== null && typeof existing === 'object' && !Array.isArray(existing)
				? (existing as SeenRecord)
				: (container[field] = {} as SeenRecord);
		return new SeenSet(record as SeenRecord, limits);
	}

	has(key: string, nowMs: number): boolean {
		const seenAt = this.record[key];
		if (seenAt === undefined) return false;
		return this.limits.maxAgeMs === undefined || nowMs - seenAt <= this.limits.maxAgeMs;
	}

	/** Adds a key (keeping its first time) and drops expired and surplus keys. */
	add(key: string, nowMs: number): void {
		if (this.record[key] === undefined) this.record[key] = nowMs;
		this.prune(nowMs);
	}

	keys(): string[] {
		return Object.keys(this.record);
	}

	get size(): number {
		return Object.keys(this.record).length;
	}

	clear(): void {
		for (const key of Object.keys(this.record)) delete this.record[key];
	}

	/** Keeps only the given keys (for queues whose handled entries disappear from the listing). */
	retainOnly(keys: Iterable<string>): void {
		const keep = new Set(keys);
		for (const key of Object.keys(this.record)) if (!keep.has(key)) delete this.record[key];
	}

	private prune(nowMs: number): void {
		const { maxAgeMs, maxEntries } = this.limits;
		if (maxAgeMs !== undefined) {
			for (const [key, seenAt] of Object.entries(this.record)) {
				if (nowMs - seenAt > maxAgeMs) delete this.record[key];
			}
		}
		const entries = Object.entries(this.record);
		if (entries.length <= maxEntries) return;
		entries.sort((a, b) => a[1] - b[1]);
		for (const [key] of entries.slice(0, entries.length - maxEntries)) delete this.record[key];
	}
}
