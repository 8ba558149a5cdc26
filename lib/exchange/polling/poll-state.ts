import type { RemoteEntry } from '../client';
import { PART_SUFFIX } from '../base-client';
import { decodeEmission, encodeEmission, isDueAgain, type Emission } from './emission';

/** What a polling trigger remembers between runs (kept in workflow static data, so plain JSON). */
export interface PollState {
	/**
	 * Emitted files still present: path → `size:mtime@emittedAt:attempt` (states saved before
	 * re-emission existed hold only `size:mtime`).
	 */
	seen: Record<string, string>;
	/** Files waiting to be complete: path → `size:mtime` of the previous poll. */
	pending: Record<string, string>;
	/** Files not older than this (ms) that are not in `seen` count as new; older ones were forgotten. */
	watermark?: number;
}

export interface PollSettings {
	/** `twoPolls`: same size and time in two polls in a row; `minAge`: untouched for `minAgeMs`. */
	stability: 'twoPolls' | 'minAge';
	minAgeMs: number;
	/** `new`: each path once; `newOrChanged`: again whenever size or time change. */
	detect: 'new' | 'newOrChanged';
	/** At most this many files per poll; the rest follow in later polls. */
	maxFiles: number;
	/** Upper bound of remembered paths; the oldest are folded into the watermark. */
	maxSeen: number;
	/**
	 * A file emitted this long ago (ms) and still in the folder is emitted again: the folder is the
	 * queue, so a file a run finished with has been moved away. 0 = never.
	 */
	emitAgainAfterMs: number;
}

/** A file to emit, with how many times it has been emitted while it stayed in the folder (1 = first). */
export type PolledFile = RemoteEntry & { attempt: number };

export interface PollDecision {
	ready: PolledFile[];
	next: PollState;
}

interface SeenRecord {
	signature: string;
	emission: Emission;
}

export function emptyPollState(): PollState {
	return { seen: {}, pending: {} };
}

function signatureOf(entry: RemoteEntry): string {
	return `${entry.size}:${entry.modifiedAt?.getTime() ?? 0}`;
}

function decodeSeen(encoded: string, now: number): SeenRecord {
	const [signature, emission] = encoded.split('@');
	return { signature, emission: decodeEmission(emission, now) };
}

function encodeSeen(record: SeenRecord): string {
	return `${record.signature}@${encodeEmission(record.emission)}`;
}

function modifiedTime(entry: RemoteEntry | undefined): number {
	return entry?.modifiedAt?.getTime() ?? 0;
}

/** The attempt a candidate would be emitted as; undefined when it is not a candidate now. */
function candidateAttempt(
	state: PollState,
	earlier: SeenRecord | undefined,
	entry: RemoteEntry,
	now: number,
	settings: PollSettings,
): number | undefined {
	if (earlier === undefined) {
		const modified = entry.modifiedAt?.getTime();
		const isNew = state.watermark === undefined || modified === undefined || modified > state.watermark;
		return isNew ? 1 : undefined;
	}
	if (settings.detect === 'newOrChanged' && earlier.signature !== signatureOf(entry)) return 1;
	return isDueAgain(earlier.emission, now, settings.emitAgainAfterMs) ? earlier.emission.attempt + 1 : undefined;
}

function isStable(
	state: PollState,
	earlier: SeenRecord | undefined,
	entry: RemoteEntry,
	now: number,
	settings: PollSettings,
): boolean {
	// Unchanged since it was emitted: it has long been complete.
	if (earlier?.signature === signatureOf(entry)) return true;
	if (settings.stability === 'minAge') {
		const modified = entry.modifiedAt?.getTime();
		return modified !== undefined && now - modified >= settings.minAgeMs;
	}
	return state.pending[entry.path] === signatureOf(entry);
}

function boundSeen(
	seen: Record<string, string>,
	entries: Map<string, RemoteEntry>,
	maxSeen: number,
	watermark?: number,
) {
	const paths = Object.keys(seen);
	if (paths.length <= maxSeen) return { seen, watermark };
	const byAge = paths.sort((a, b) => modifiedTime(entries.get(a)) - modifiedTime(entries.get(b)));
	const bounded = { ...seen };
	let newWatermark = watermark;
	for (const path of byAge.slice(0, paths.length - maxSeen)) {
		delete bounded[path];
		newWatermark = Math.max(newWatermark ?? 0, modifiedTime(entries.get(path)));
	}
	return { seen: bounded, watermark: newWatermark };
}

/**
 * Decides which listed files to emit now. Half-written files (still changing, or `.part`) wait;
 * files that vanished are forgotten, so the state stays as small as the folder; a file still there
 * long after it was emitted comes back (at-least-once).
 */
export function decidePoll(
	state: PollState,
	listing: RemoteEntry[],
	now: number,
	settings: PollSettings,
): PollDecision {
	const files = listing.filter((entry) => entry.type === 'file' && !entry.name.endsWith(PART_SUFFIX));
	const present = new Map(files.map((entry) => [entry.path, entry]));
	const earlier = new Map<string, SeenRecord>();
	const seen: Record<string, string> = {};
	for (const [path, encoded] of Object.entries(state.seen)) {
		if (!present.has(path)) continue;
		const record = decodeSeen(encoded, now);
		earlier.set(path, record);
		seen[path] = encodeSeen(record);
	}

	const pending: Record<string, string> = {};
	const ready: PolledFile[] = [];
	const candidates = files
		.map((entry) => ({ entry, attempt: candidateAttempt(state, earlier.get(entry.path), entry, now, settings) }))
		.filter((candidate): candidate is { entry: RemoteEntry; attempt: number } => candidate.attempt !== undefined)
		.sort((a, b) => modifiedTime(a.entry) - modifiedTime(b.entry) || a.entry.path.localeCompare(b.entry.path));
	for (const { entry, attempt } of candidates) {
		if (ready.length < settings.maxFiles && isStable(state, earlier.get(entry.path), entry, now, settings)) {
			ready.push({ ...entry, attempt });
			seen[entry.path] = encodeSeen({ signature: signatureOf(entry), emission: { emittedAt: now, attempt } });
		} else {
			pending[entry.path] = signatureOf(entry);
		}
	}
	const bounded = boundSeen(seen, present, settings.maxSeen, state.watermark);
	const next: PollState = { seen: bounded.seen, pending };
	if (bounded.watermark !== undefined) next.watermark = bounded.watermark;
	return { ready, next };
}
