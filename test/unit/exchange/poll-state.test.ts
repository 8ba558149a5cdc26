import { describe, expect, it } from 'vitest';

import type { RemoteEntry } from '../../../lib/exchange/client';
import { decidePoll, emptyPollState, type PollSettings } from '../../../lib/exchange/poll-state';

const settings: PollSettings = { stability: 'twoPolls', minAgeMs: 60_000, detect: 'new', maxFiles: 100, maxSeen: 1000 };

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
