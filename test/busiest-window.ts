/** Most starts in any window of `windowMs`: what a rate limiter with sliding windows would count. */
export function busiestWindow(starts: number[], windowMs: number): number {
	const sorted = [...starts].sort((a, b) => a - b);
	let most = 0;
	for (let first = 0, last = 0; first < sorted.length; first++) {
		while (last < sorted.length && sorted[last] < sorted[first] + windowMs) last++;
		most = Math.max(most, last - first);
	}
	return most;
}
