/** Runs `task` for indexes 0..count-1 with at most `limit` at a time; results keep the index order. */
export async function mapWithConcurrency<T>(
	count: number,
	limit: number,
	task: (index: number) => Promise<T>,
): Promise<T[]> {
	const results = new Array<T>(count);
	let next = 0;
	const worker = async () => {
		while (next < count) {
			const index = next++;
			results[index] = await task(index);
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, count)) }, worker));
	return results;
}

/** Upper bound of transfers in flight on one connection; each holds a file open on the server. */
export const MAX_TRANSFERS_IN_FLIGHT = 128;

/** `count` when it is a whole number from 1 to MAX_TRANSFERS_IN_FLIGHT; throws a RangeError otherwise. */
export function checkedTransfersInFlight(count: number): number {
	if (!Number.isInteger(count) || count < 1 || count > MAX_TRANSFERS_IN_FLIGHT) {
		throw new RangeError(`Transfers in flight must be a whole number from 1 to ${MAX_TRANSFERS_IN_FLIGHT}, not ${count}`);
	}
	return count;
}
