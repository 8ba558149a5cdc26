import { describe, expect, it } from 'vitest';

import type { RemoteEntry } from '../../../lib/exchange/client';
import { decidePoll, emptyPollState, type PollSettings } from '../../../lib/exchange/polling/poll-state';

const settings: PollSettings = {
	stability: 'twoPolls',
	minAgeMs: 60_000,
	detect: 'new',
	maxFiles: 100,
	maxSeen: 1000,
	emitAgainAfterMs: 0,
};

function file(name: string, size: number, modified: number): RemoteEntry {
	return { path: `/in/${name}`, name, type: 'file', size, modifiedAt: new Date(modified) };
}

describe('decidePoll', () => {
	it('waits for two polls with the same size before emitting a file', () => {
		const first = decidePoll(emptyPollState(), [file('a.xml', 10, 1000)], 2000, settings);
		expect(first.ready).toEqual([]);
		const growing = decidePoll(first.next, [file('a.xml', 20, 1500)], 3000, settings);
		expect(growing.ready).toEqual([]);
		const stable = decidePoll(growing.next, [file('a.xml', 20, 1500)], 4000, settings);
		expect(stable.ready.map((entry) => entry.name)).toEqual(['a.xml']);
		const again = decidePoll(stable.next, [file('a.xml', 20, 1500)], 5000, settings);
		expect(again.ready).toEqual([]);
	});

	it('with a minimum age, emits only files untouched long enough', () => {
		const minAge = { ...settings, stability: 'minAge' as const };
		const now = 100_000;
		const decision = decidePoll(
			emptyPollState(),
			[file('old.xml', 1, now - 61_000), file('new.xml', 1, now - 1000)],
			now,
			minAge,
		);
		expect(decision.ready.map((entry) => entry.name)).toEqual(['old.xml']);
		expect(
			decidePoll(
				decision.next,
				[file('old.xml', 1, now - 61_000), file('new.xml', 1, now - 1000)],
				now + 60_000,
				minAge,
			).ready.map((e) => e.name),
		).toEqual(['new.xml']);
	});

	it('never takes .part files or folders', () => {
		const listing: RemoteEntry[] = [
			file('a.xml.part', 5, 1),
			{ path: '/in/sub', name: 'sub', type: 'directory', size: 0 },
		];
		const first = decidePoll(emptyPollState(), listing, 10, settings);
		expect(decidePoll(first.next, listing, 20, settings).ready).toEqual([]);
	});

	it('emits a changed file again only when asked to', () => {
		const state = decidePoll(
			decidePoll(emptyPollState(), [file('a', 1, 1)], 2, settings).next,
			[file('a', 1, 1)],
			3,
			settings,
		).next;
		const changed = [file('a', 2, 5)];
		expect(decidePoll(decidePoll(state, changed, 6, settings).next, changed, 7, settings).ready).toEqual([]);
		const changedMode = { ...settings, detect: 'newOrChanged' as const };
		expect(decidePoll(decidePoll(state, changed, 6, changedMode).next, changed, 7, changedMode).ready).toHaveLength(1);
	});

	it('caps the files per poll and delivers the rest, oldest first, in later polls', () => {
		const capped = { ...settings, maxFiles: 2 };
		const listing = [file('c', 1, 3), file('a', 1, 1), file('b', 1, 2)];
		const seenOnce = decidePoll(emptyPollState(), listing, 10, capped).next;
		const first = decidePoll(seenOnce, listing, 11, capped);
		expect(first.ready.map((entry) => entry.name)).toEqual(['a', 'b']);
		expect(decidePoll(first.next, listing, 12, capped).ready.map((entry) => entry.name)).toEqual(['c']);
	});

	it('forgets vanished files and folds the oldest into the watermark when the seen set is full', () => {
		const small = { ...settings, maxSeen: 2 };
		const listing = [file('a', 1, 1), file('b', 1, 2), file('c', 1, 3)];
		const emitted = decidePoll(decidePoll(emptyPollState(), listing, 10, small).next, listing, 11, small);
		expect(emitted.ready).toHaveLength(3);
		expect(Object.keys(emitted.next.seen).sort()).toEqual(['/in/b', '/in/c']);
		expect(emitted.next.watermark).toBe(1);
		// "a" is older than the watermark: not new although it is no longer in the seen set.
		expect(decidePoll(emitted.next, listing, 12, small).ready).toEqual([]);
		const vanished = decidePoll(emitted.next, [file('c', 1, 3)], 13, small);
		expect(Object.keys(vanished.next.seen)).toEqual(['/in/c']);
	});

	it('survives a restart: the state is plain JSON', () => {
		const listing = [file('a', 1, 1)];
		const saved = JSON.parse(JSON.stringify(decidePoll(emptyPollState(), listing, 2, settings).next));
		expect(decidePoll(saved, listing, 3, settings).ready).toHaveLength(1);
	});
});

describe('decidePoll emits a file again when it is still there after the period', () => {
	const hour = 3_600_000;
	const again = { ...settings, emitAgainAfterMs: hour };
	const start = 10 * hour;

	/** Two polls, so the file is complete and emitted at `start`. */
	function emittedAtStart(listing: RemoteEntry[], pollSettings = again) {
		const first = decidePoll(emptyPollState(), listing, start - 1000, pollSettings);
		const emitted = decidePoll(first.next, listing, start, pollSettings);
		expect(emitted.ready.map((entry) => [entry.name, entry.attempt])).toEqual(listing.map((entry) => [entry.name, 1]));
		return emitted.next;
	}

	it('not before the period, then once per period with the attempt counting up', () => {
		const listing = [file('a.xml', 10, 1000)];
		const state = emittedAtStart(listing);
		const early = decidePoll(state, listing, start + hour - 1, again);
		expect(early.ready).toEqual([]);
		const due = decidePoll(early.next, listing, start + hour, again);
		expect(due.ready.map((entry) => [entry.name, entry.attempt])).toEqual([['a.xml', 2]]);
		expect(decidePoll(due.next, listing, start + 2 * hour - 1, again).ready).toEqual([]);
		expect(decidePoll(due.next, listing, start + 2 * hour, again).ready.map((entry) => entry.attempt)).toEqual([3]);
	});

	it('never with a period of 0', () => {
		const listing = [file('a.xml', 10, 1000)];
		const never = { ...settings, emitAgainAfterMs: 0 };
		const state = emittedAtStart(listing, never);
		expect(decidePoll(state, listing, start + 1000 * hour, never).ready).toEqual([]);
	});

	it('forgets a file that left the folder: back later, it is new (attempt 1)', () => {
		const listing = [file('a.xml', 10, start - 5000)];
		const state = emittedAtStart(listing);
		const moved = decidePoll(state, [], start + 1000, again);
		expect(moved.next.seen).toEqual({});
		const back = decidePoll(moved.next, listing, start + 2000, again);
		expect(decidePoll(back.next, listing, start + 3000, again).ready.map((entry) => entry.attempt)).toEqual([1]);
	});

	it('a file changed since it was emitted comes back only when it is complete again', () => {
		const state = emittedAtStart([file('a.xml', 10, 1000)]);
		const rewritten = [file('a.xml', 20, start + 500)];
		const firstLook = decidePoll(state, rewritten, start + hour, again);
		expect(firstLook.ready).toEqual([]);
		const stable = decidePoll(firstLook.next, rewritten, start + hour + 1000, again);
		expect(stable.ready.map((entry) => [entry.size, entry.attempt])).toEqual([[20, 2]]);
	});

	it('with "new or changed", a change is a new version: emitted at once as attempt 1', () => {
		const changedMode = { ...again, detect: 'newOrChanged' as const };
		const state = emittedAtStart([file('a.xml', 10, 1000)], changedMode);
		const changed = [file('a.xml', 20, 2000)];
		const firstLook = decidePoll(state, changed, start + 1000, changedMode);
		const emitted = decidePoll(firstLook.next, changed, start + 2000, changedMode);
		expect(emitted.ready.map((entry) => entry.attempt)).toEqual([1]);
		expect(decidePoll(emitted.next, changed, start + 2000 + hour - 1, changedMode).ready).toEqual([]);
	});

	it('shares the files per poll with new files, oldest first', () => {
		const capped = { ...again, maxFiles: 2 };
		const old = [file('old1', 1, 1), file('old2', 1, 2)];
		const state = emittedAtStart(old, capped);
		const listing = [...old, file('new', 1, start + 10)];
		const seenNew = decidePoll(state, listing, start + hour - 10, capped);
		expect(seenNew.ready).toEqual([]);
		const due = decidePoll(seenNew.next, listing, start + hour, capped);
		expect(due.ready.map((entry) => entry.name)).toEqual(['old1', 'old2']);
		expect(decidePoll(due.next, listing, start + hour + 10, capped).ready.map((entry) => entry.name)).toEqual(['new']);
	});

	it('starts the period at the first poll for a state saved before re-emission existed', () => {
		const listing = [file('a.xml', 10, 1000)];
		const legacy = { seen: { '/in/a.xml': '10:1000' }, pending: {} };
		const upgraded = decidePoll(legacy, listing, start, again);
		expect(upgraded.ready).toEqual([]);
		expect(decidePoll(upgraded.next, listing, start + hour - 1, again).ready).toEqual([]);
		expect(decidePoll(upgraded.next, listing, start + hour, again).ready.map((entry) => entry.attempt)).toEqual([2]);
	});

	it('keeps one short record per file present', () => {
		const listing = Array.from({ length: 50 }, (_, index) => file(`f${index}.xml`, 1000, 1000 + index));
		const state = emittedAtStart(listing);
		const size = JSON.stringify(decidePoll(state, listing, start + hour, again).next).length;
		expect(size).toBeLessThan(50 * 60);
	});
});
