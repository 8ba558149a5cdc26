import type { Emulator } from '../../emulator';

const POLL_MS = 1000;

export interface RequestCounter {
	/** API requests the emulator answered since the counter started, and how many of them were 429s. */
	stop(): { requests: number; throttled: number };
}

/**
 * Counts the API requests the emulator logs (admin calls are not logged). The log keeps only its
 * latest entries, so it is read every second, far more often than it can roll over at 25 req/s.
 */
export function countEmulatorRequests(emulator: Emulator): RequestCounter {
	const lastId = () => emulator.admin.requests().at(-1)?.id ?? 0;
	const firstId = lastId();
	let seenId = firstId;
	let throttled = 0;
	const collect = () => {
		for (const entry of emulator.admin.requests()) {
			if (entry.id <= seenId) continue;
			if (entry.status === 429) throttled++;
			seenId = entry.id;
		}
	};
	const timer = setInterval(collect, POLL_MS);
	return {
		stop: () => {
			clearInterval(timer);
			collect();
			return { requests: seenId - firstId, throttled };
		},
	};
}
