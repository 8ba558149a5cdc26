import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { systemClock } from '../../../lib/billit/request/clock';
import { CompanyPacer } from '../../../lib/billit/pacing/pacer';
import type { SharedPacingStore } from '../../../lib/billit/pacing/redis-pacing-store';
import { SharedCompanyPacer } from '../../../lib/billit/pacing/shared-pacer';

const KEY = 'https://api.billit.be#1001';

/** A store that answers reservations with the given waits, or fails while `down` is set. */
function scriptedStore(waits: number[]) {
	const calls: string[] = [];
	const state = { down: false };
	const guard = () => {
		if (state.down) throw new Error('connect ECONNREFUSED 127.0.0.1:6379');
	};
	const store: SharedPacingStore = {
		reserve: vi.fn(async (key: string, max: number) => {
			guard();
			calls.push(`reserve ${key} ${max}`);
			return waits.shift() ?? 0;
		}),
		throttled: vi.fn(async (key: string, max: number) => {
			guard();
			calls.push(`throttled ${key} ${max}`);
		}),
		succeeded: vi.fn(async (key: string, max: number) => {
			guard();
			calls.push(`succeeded ${key} ${max}`);
		}),
		close: async () => undefined,
	};
	return { store, calls, state };
}

async function settledWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
	let settled = false;
	void promise.then(() => (settled = true));
	await vi.advanceTimersByTimeAsync(ms);
	return settled;
}

describe('SharedCompanyPacer', () => {
	beforeEach(() => {
		vi.useFakeTimers();
	});
	afterEach(() => {
		vi.useRealTimers();
	});

	it('waits exactly as long as the shared store reserved', async () => {
		const { store, calls } = scriptedStore([0, 300]);
		const failures: unknown[] = [];
		const pacer = new SharedCompanyPacer({ key: KEY, store, fallback: new CompanyPacer(5), onStoreFailure: (error) => failures.push(error) }, 5);

		expect(await settledWithin(pacer.acquire(systemClock), 0)).toBe(true);
		const second = pacer.acquire(systemClock);
		expect(await settledWithin(second, 299)).toBe(false);
		expect(await settledWithin(second, 1)).toBe(true);
		expect(calls).toEqual([`reserve ${KEY} 5`, `reserve ${KEY} 5`]);
		expect(failures).toEqual([]);
	});

	it('paces with the process pacer while the store fails, and reports each failure', async () => {
		const { store, state } = scriptedStore([]);
		state.down = true;
		const failures: string[] = [];
		const pacer = new SharedCompanyPacer({
			key: KEY,
			store,
			fallback: new CompanyPacer(1),
			onStoreFailure: (error) => failures.push((error as Error).message),
		});

		expect(await settledWithin(pacer.acquire(systemClock), 0)).toBe(true);
		const second = pacer.acquire(systemClock);
		// The fallback allows one start per window of 1 s plus its 50 ms margin.
		expect(await settledWithin(second, 1049)).toBe(false);
		expect(await settledWithin(second, 1)).toBe(true);
		expect(failures).toEqual(['connect ECONNREFUSED 127.0.0.1:6379', 'connect ECONNREFUSED 127.0.0.1:6379']);
	});

	it('tells both the store and the process pacer about 429s and successes, even when the store fails', async () => {
		const { store, calls, state } = scriptedStore([]);
		const fallback = new CompanyPacer(8);
		const failures: unknown[] = [];
		const pacer = new SharedCompanyPacer({ key: KEY, store, fallback, onStoreFailure: (error) => failures.push(error) });

		await pacer.onThrottled();
		expect(fallback.currentLimit).toBe(4);
		state.down = true;
		await pacer.onThrottled();
		expect(fallback.currentLimit).toBe(2);
		for (let index = 0; index < 2; index++) await pacer.onSuccess();
		expect(fallback.currentLimit).toBe(3);
		expect(calls).toEqual([`throttled ${KEY} 8`]);
		expect(failures).toHaveLength(3);
	});

	it('passes a reconfigured rate to the store and the process pacer', async () => {
		const { store, calls } = scriptedStore([]);
		const fallback = new CompanyPacer(25);
		const pacer = new SharedCompanyPacer({ key: KEY, store, fallback, onStoreFailure: () => undefined });
		pacer.configure(10);
		await pacer.acquire(systemClock);
		expect(calls).toEqual([`reserve ${KEY} 10`]);
		expect(fallback.maxRate).toBe(10);
		expect(() => pacer.configure(0)).toThrow('at least 1 per second');
	});
});
