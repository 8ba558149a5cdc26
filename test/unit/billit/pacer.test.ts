import { setImmediate as nextTurn } from 'node:timers/promises';

import { describe, expect, it } from 'vitest';

import type { Clock } from '../../../lib/billit/request/clock';
import { CompanyPacer, companyPacingKey, getCompanyPacer, PACING_WINDOW_MS } from '../../../lib/billit/pacing/pacer';
import { busiestWindow } from '../../busiest-window';

/** A clock whose sleepers wake only when the test says so, late if it says so. */
function manualClock() {
	let time = 0;
	let sleepers: Array<{ due: number; wake: () => void }> = [];
	const clock: Clock = {
		now: () => time,
		sleep: async (ms) => await new Promise<void>((wake) => sleepers.push({ due: time + ms, wake })),
	};
	return {
		clock,
		pendingWakeUps: () => sleepers.map((sleeper) => sleeper.due),
		/** Sets the time to `at` and wakes the sleepers due by `dueBy`: late by `at - due`. */
		async wake(at: number, dueBy = at): Promise<void> {
			time = at;
			const woken = sleepers.filter((sleeper) => sleeper.due <= dueBy);
			sleepers = sleepers.filter((sleeper) => sleeper.due > dueBy);
			for (const sleeper of woken) sleeper.wake();
			await nextTurn();
		},
	};
}

describe('CompanyPacer', () => {
	it('lets an idle company start the configured number at once, then spaces starts evenly, a window (1 s plus margin) ÷ limit apart', () => {
		const pacer = new CompanyPacer(3);
		const starts = Array.from({ length: 7 }, () => pacer.reserve(0));
		// Windows are 1 s plus the 50 ms arrival-jitter margin: 1050 ms ÷ 3 = 350 ms.
		expect(starts).toEqual([0, 0, 0, 1050, 1400, 1750, 2100]);
	});

	it('keeps 25 per 1.05 s with evenly spaced starts once the window is full', () => {
		const pacer = new CompanyPacer(25);
		const starts = Array.from({ length: 200 }, () => pacer.reserve(0));
		expect(busiestWindow(starts, PACING_WINDOW_MS)).toBe(25);
		const gaps = starts.slice(26).map((start, index) => start - starts[25 + index]);
		expect(new Set(gaps)).toEqual(new Set([42]));
	});

	it('lets a company idle for a window start at once again', () => {
		const pacer = new CompanyPacer(2);
		expect([pacer.reserve(0), pacer.reserve(0), pacer.reserve(0)]).toEqual([0, 0, 1050]);
		expect(pacer.reserve(2100)).toBe(2100);
		expect(pacer.reserve(2100)).toBe(2100);
	});

	it('holds a caller back when a late wake-up put more real starts into its window than the limit', async () => {
		const { clock, pendingWakeUps, wake } = manualClock();
		const pacer = new CompanyPacer(3);
		const started = new Map<string, number>();
		const requests = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map(async (name) => {
			await pacer.acquire(clock);
			started.set(name, clock.now());
		});
		await nextTurn();
		expect(Object.fromEntries(started)).toEqual({ a: 0, b: 0, c: 0 });
		expect(pendingWakeUps()).toEqual([1050, 1400, 1750, 2100]);

		await wake(1200, 1050); // d's timer fires 150 ms late
		await wake(1400);
		await wake(1750);
		await wake(2100);
		// g's slot was one window after d's reserved start; d really started at 1200, so (1050, 2100] holds d, e and f.
		expect(started.has('g')).toBe(false);
		expect(pendingWakeUps()).toEqual([2250]);
		await wake(2250);
		await Promise.all(requests);
		expect(Object.fromEntries(started)).toEqual({ a: 0, b: 0, c: 0, d: 1200, e: 1400, f: 1750, g: 2250 });
	});

	it('halves on a 429 down to one per second and adds one back per full window of successes', () => {
		const pacer = new CompanyPacer(25);
		pacer.onThrottled();
		expect(pacer.currentLimit).toBe(12);
		for (let index = 0; index < 5; index++) pacer.onThrottled();
		expect(pacer.currentLimit).toBe(1);
		pacer.onSuccess();
		expect(pacer.currentLimit).toBe(2);
		pacer.onSuccess();
		expect(pacer.currentLimit).toBe(2);
		pacer.onSuccess();
		expect(pacer.currentLimit).toBe(3);
	});

	it('never recovers above the configured rate', () => {
		const pacer = new CompanyPacer(2);
		for (let index = 0; index < 10; index++) pacer.onSuccess();
		expect(pacer.currentLimit).toBe(2);
	});

	it('applies the reduced limit to new reservations', () => {
		const pacer = new CompanyPacer(4);
		pacer.onThrottled();
		expect([pacer.reserve(0), pacer.reserve(0), pacer.reserve(0)]).toEqual([0, 0, 1050]);
	});

	it('rejects a rate below one per second', () => {
		expect(() => new CompanyPacer(0)).toThrow('at least 1 per second');
	});
});

describe('getCompanyPacer', () => {
	it('shares one pacer per base URL and company across callers', () => {
		const key = companyPacingKey('https://api.sandbox.billit.be', '1001');
		expect(getCompanyPacer(key)).toBe(getCompanyPacer(key));
		expect(getCompanyPacer(key)).not.toBe(getCompanyPacer(companyPacingKey('https://api.sandbox.billit.be', '1002')));
	});

	it('applies a newly configured rate to the shared pacer', () => {
		const key = companyPacingKey('https://api.billit.be', 'reconfigured');
		const pacer = getCompanyPacer(key, 10);
		getCompanyPacer(key, 4);
		expect(pacer.currentLimit).toBe(4);
	});
});
