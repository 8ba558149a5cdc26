import type { RemoteEntry } from './client';
import { PART_SUFFIX } from './base-client';

/** What a polling trigger remembers between runs (kept in workflow static data, so plain JSON). */
export interface PollState {
	/** Emitted files still present: path → `size:mtime`. */
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
}

export interface PollDecision {
	ready: RemoteEntry[];
	next: PollState;
}

export function emptyPollState(): PollState {
	return { seen: {}, pending: {} };
}

function signatureOf(entry: RemoteEntry): string {
	return `${entry.size}:${entry.modifiedAt?.getTime() ?? 0}`;
}

function isCandidate(state: PollState, entry: RemoteEntry, settings: PollSettings): boolean {
	const earlier = state.seen[entry.path];
	if (earlier !== undefined) return settings.detect === 'newOrChanged' && earlier !== signatureOf(entry);
	const modified = entry.modifiedAt?.getTime();
	return state.watermark === undefined || modified === undefined || modified > state.watermark;
}

function isStable(state: PollState, entry: RemoteEntry, now: number, settings: PollSettings): boolean {
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
	const byAge = paths.sort(
		(a, b) => (entries.get(a)?.modifiedAt?.getTime() ?? 0) - (entries.get(b)?.modifiedAt?.getTime() ?? 0),
	);
	const bounded = { ...seen };
	let newWatermark = watermark;
	for (const path of byAge.slice(0, paths.length - maxSeen)) {
		delete bounded[path];
		const modified = entries.get(path)?.modifiedAt?.getTime() ?? 0;
		newWatermark = Math.max(newWatermark ?? 0, modified);
	}
	return { seen: bounded, watermark: newWatermark };
}

/**
 * Decides which listed files to emit now. Half-written files (still changing, or `.part`) wait;
 * files that vanished are forgotten, so the state stays as small as the folder.
 */
export function decidePoll(
	state: PollState,
	listing: RemoteEntry[],
	now: number,
	settings: PollSettings,
): PollDecision {
	const files = listing.filter((entry) => entry.type === 'file' && !entry.name.endsWith(PART_SUFFIX));
	const present = new Map(files.map((entry) => [entry.path, entry]));
	const seen: Record<string, string> = {};
	for (const [path, signature] of Object.entries(state.seen)) if (present.has(path)) seen[path] = signature;

	const pending: Record<string, string> = {};
	const ready: RemoteEntry[] = [];
	const candidates = files
		.filter((entry) => isCandidate(state, entry, settings))
		.sort((a, b) => (a.modifiedAt?.getTime() ?? 0) - (b.modifiedAt?.getTime() ?? 0) || a.path.localeCompare(b.path));
	for (const entry of candidates) {
		if (ready.length < settings.maxFiles && isStable(state, entry, now, settings)) {
			ready.push(entry);
			seen[entry.path] = signatureOf(entry);
		} else {
			pending[entry.path] = signatureOf(entry);
		}
	}
	const bounded = boundSeen(seen, present, settings.maxSeen, state.watermark);
	const next: PollState = { seen: bounded.seen, pending };
	if (bounded.watermark !== undefined) next.watermark = bounded.watermark;
	return { ready, next };
}
