/** Fixed one-second windows per key (company), as "max. 25 requests per second" reads. */
export class RateLimiter {
	private windows = new Map<string, { start: number; count: number }>();

	/** Undefined when allowed, else the seconds to wait (for `Retry-After`). */
	check(key: string, limitPerSecond: number, now: number): number | undefined {
		if (limitPerSecond <= 0) return undefined;
		const windowStart = now - (now % 1000);
		const window = this.windows.get(key);
		if (!window || window.start !== windowStart) {
			this.windows.set(key, { start: windowStart, count: 1 });
			return undefined;
		}
		window.count++;
		if (window.count <= limitPerSecond) return undefined;
		return Math.max(1, Math.ceil((windowStart + 1000 - now) / 1000));
	}

	clear(): void {
		this.windows.clear();
	}
}
