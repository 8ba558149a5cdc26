/** The emulator's time: real time plus an adjustable offset, and monotonic change stamps. */
export class Clock {
	offsetMs = 0;
	private lastStamp = 0;

	now(): number {
		return Date.now() + this.offsetMs;
	}

	nowIso(): string {
		return new Date(this.now()).toISOString();
	}

	/**
	 * A `LastModified` value: strictly increasing at millisecond resolution, or equal to the previous
	 * one when `ties` is set, so keyset paging can be tested on equal timestamps.
	 */
	stamp(ties: boolean): string {
		const now = this.now();
		if (ties && this.lastStamp !== 0) return new Date(this.lastStamp).toISOString();
		this.lastStamp = now > this.lastStamp ? now : this.lastStamp + 1;
		return new Date(this.lastStamp).toISOString();
	}

	today(): string {
		return this.nowIso().slice(0, 10);
	}
}
