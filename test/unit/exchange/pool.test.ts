import { describe, expect, it } from 'vitest';

import { mapWithConcurrency } from '../../../lib/exchange/pool';

describe('mapWithConcurrency', () => {
	it('keeps the order of results and never exceeds the limit', async () => {
		let running = 0;
		let peak = 0;
		const results = await mapWithConcurrency(10, 3, async (index) => {
			running++;
			peak = Math.max(peak, running);
			await Promise.resolve();
			await Promise.resolve();
			running--;
			return index * 2;
		});
		expect(results).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
		expect(peak).toBe(3);
	});

	it('handles zero items', async () => {
		expect(await mapWithConcurrency(0, 4, async () => 1)).toEqual([]);
	});
});
