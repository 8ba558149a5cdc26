/**
 * Exponential backoff with full jitter: a uniformly random delay between 0 and
 * min(maxDelay, baseDelay * 2^(attempt - 1)), so clients that failed together do not retry together.
 */
export function fullJitterDelay(
	attempt: number,
	baseDelayMs: number,
	maxDelayMs: number,
	random: () => number,
): number {
	const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempt - 1));
	return Math.floor(random() * ceiling);
}
