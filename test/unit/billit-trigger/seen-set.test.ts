import { describe, expect, it } from 'vitest';
import { SeenSet } from '../../../lib/billit/state/seen-set';

describe('SeenSet', () => {
	it('stays within its size bound, dropping the oldest keys', () => {
		const container: Record<string, unknown> = {};
		const set = SeenSet.in(container, 'seen', { maxEntries: 3 });
		['a', 'b', 'c', 'd'].forEach((key, index) => set.add(key, 1000 + index));
		expect(set.keys().sort()).toEqual(['b', 'c', 'd']);
		expect(set.has('a', 2000)).toBe(false);
		expect(Object.keys(container.seen as object)).toHaveLength(3);
	});

	it('forgets keys older than its age bound and keeps the first time seen', () => {
		const set = new SeenSet({}, { maxEntries: 10, maxAgeMs: 100 });
		set.add('x', 0);
		set.add('x', 90);
		expect(set.has('x', 100)).toBe(true);
		expect(set.has('x', 101)).toBe(false);
		set.add('y', 150);
		expect(set.keys()).toEqual(['y']);
	});

	it('reuses the record stored in static data', () => {
		const container: Record<string, unknown> = { seen: { k: 5 } };
		expect(SeenSet.in(container, 'seen', { maxEntries: 5 }).has('k', 6)).toBe(true);
	});

	it('keeps only listed keys when asked', () => {
		const set = new SeenSet({}, { maxEntries: 10 });
		['1', '2', '3'].forEach((key) => set.add(key, 0));
		set.retainOnly(['2', '4']);
		expect(set.keys()).toEqual(['2']);
	});
});
