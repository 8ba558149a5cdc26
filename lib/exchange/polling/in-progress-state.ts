import type { RemoteEntry } from '../client';
import { PART_SUFFIX } from '../base-client';
import { decodeEmission, encodeEmission, isDueAgain } from './emission';
import type { PolledFile } from './poll-state';

/**
 * Files a trigger moved to its in-progress folder on pick-up: path → `emittedAt:attempt`. A move
 * keeps the file's modification time, so only this record tells how long a file has been waiting.
 */
export type InProgressState = Record<string, string>;

export interface InProgressDecision {
	ready: PolledFile[];
	next: InProgressState;
}

/**
 * Decides which files of the in-progress folder to emit again: a run that finished with a file has
 * moved it on, so one still there `emitAgainAfterMs` after it was emitted was not handled. Files the
 * state does not know (moved there by a run whose state was never saved, or by another poller) start
 * their period now; files that left the folder are forgotten.
 */
export function decideInProgress(
	state: InProgressState,
	listing: RemoteEntry[],
	now: number,
	emitAgainAfterMs: number,
	maxFiles: number,
): InProgressDecision {
	const next: InProgressState = {};
	const ready: PolledFile[] = [];
	const files = listing
		.filter((entry) => entry.type === 'file' && !entry.name.endsWith(PART_SUFFIX))
		.map((entry) => ({ entry, emission: decodeEmission(state[entry.path], now) }))
		.sort((a, b) => a.emission.emittedAt - b.emission.emittedAt || a.entry.path.localeCompare(b.entry.path));
	for (const { entry, emission } of files) {
		if (ready.length < maxFiles && isDueAgain(emission, now, emitAgainAfterMs)) {
			const attempt = emission.attempt + 1;
			ready.push({ ...entry, attempt });
			next[entry.path] = encodeEmission({ emittedAt: now, attempt });
		} else {
			next[entry.path] = encodeEmission(emission);
		}
	}
	return { ready, next };
}

/** Records a file just moved to the in-progress folder and emitted. */
export function recordPickUp(state: InProgressState, path: string, now: number, attempt: number): InProgressState {
	return { ...state, [path]: encodeEmission({ emittedAt: now, attempt }) };
}
