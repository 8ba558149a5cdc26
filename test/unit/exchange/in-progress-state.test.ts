import { describe, expect, it } from 'vitest';

import type { RemoteEntry } from '../../../lib/exchange/client';
import { decideInProgress, recordPickUp } from '../../../lib/exchange/polling/in-progress-state';

const hour = 3_600_000;
const start = 5 * hour;

function file(name: string): RemoteEntry {
	// A move keeps the modification time: an old one must not make a file due.
	return { path: `/in-progress/${name}`, name, type: 'file', size: 1, modifiedAt: new Date(0) };
}

describe('decideInProgress', () => {
	it('emits a picked-up file still in the in-progress folder after the period, not before, attempt counting up', () => {
		const state = recordPickUp({}, '/in-progress/a.xml', start, 1);
		const listing = [file('a.xml')];
		const early = decideInProgress(state, listing, start + hour - 1, hour, 100);
		expect(early.ready).toEqual([]);
		const due = decideInProgress(early.next, listing, start + hour, hour, 100);
		expect(due.ready.map((entry) => [entry.path, entry.attempt])).toEqual([['/in-progress/a.xml', 2]]);
		expect(decideInProgress(due.next, listing, start + 2 * hour - 1, hour, 100).ready).toEqual([]);
		expect(decideInProgress(due.next, listing, start + 2 * hour, hour, 100).ready.map((e) => e.attempt)).toEqual([3]);
	});

	it('starts the period when it first sees a file it did not pick up', () => {
		const listing = [file('stray.xml')];
		const first = decideInProgress({}, listing, start, hour, 100);
		expect(first.ready).toEqual([]);
		expect(decideInProgress(first.next, listing, start + hour - 1, hour, 100).ready).toEqual([]);
		expect(decideInProgress(first.next, listing, start + hour, hour, 100).ready.map((e) => e.attempt)).toEqual([2]);
	});

	it('forgets files that left the folder and never takes .part files or folders', () => {
		const state = recordPickUp(recordPickUp({}, '/in-progress/a.xml', start, 1), '/in-progress/b.xml', start, 1);
		const listing: RemoteEntry[] = [
			file('b.xml'),
			file('c.xml.part'),
			{ path: '/in-progress/sub', name: 'sub', type: 'directory', size: 0 },
		];
		const decision = decideInProgress(state, listing, start + hour, hour, 100);
		expect(decision.ready.map((entry) => entry.name)).toEqual(['b.xml']);
		expect(Object.keys(decision.next)).toEqual(['/in-progress/b.xml']);
	});

	it('emits the longest waiting files first, at most the given number per poll', () => {
		let state = recordPickUp({}, '/in-progress/late.xml', start + 2, 1);
		state = recordPickUp(state, '/in-progress/early.xml', start, 1);
		state = recordPickUp(state, '/in-progress/middle.xml', start + 1, 1);
		const listing = [file('late.xml'), file('early.xml'), file('middle.xml')];
		const first = decideInProgress(state, listing, start + hour + 2, hour, 2);
		expect(first.ready.map((entry) => entry.name)).toEqual(['early.xml', 'middle.xml']);
		expect(decideInProgress(first.next, listing, start + hour + 3, hour, 2).ready.map((e) => e.name)).toEqual([
			'late.xml',
		]);
	});

	it('never emits again with a period of 0', () => {
		const state = recordPickUp({}, '/in-progress/a.xml', start, 1);
		expect(decideInProgress(state, [file('a.xml')], start + 1000 * hour, 0, 100).ready).toEqual([]);
	});
});
