import { vi } from 'vitest';

// Captured before fake timers are installed; only setTimeout, clearTimeout and Date are faked.
const realSetImmediate = setImmediate;
const nextIoTurn = async () => await new Promise<void>((resolve) => realSetImmediate(resolve));

export function useFakeTime(start = new Date('2026-03-02T10:00:00Z')): void {
	vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
	vi.setSystemTime(start);
}

/**
 * Runs `work` to completion under fake timers while it talks to a real local server: waits for
 * real I/O to settle (nothing in flight), then jumps fake time to the next timer, and repeats.
 * Fake time therefore stands still while requests travel, so server-side timestamps are exact.
 */
export async function driveFakeTime<T>(work: Promise<T>, inFlight: () => number): Promise<T> {
	let done = false;
	const outcome = work.then(
		(value) => {
			done = true;
			return value;
		},
		(error: unknown) => {
			done = true;
			throw error;
		},
	);
	outcome.catch(() => undefined);
	for (let step = 0; step < 10_000 && !done; step++) {
		do {
			await nextIoTurn();
		} while (inFlight() > 0);
		for (let turn = 0; turn < 5 && !done; turn++) await nextIoTurn();
		if (done) break;
		if (vi.getTimerCount() > 0 && inFlight() === 0) await vi.advanceTimersToNextTimerAsync();
	}
	return await outcome;
}
