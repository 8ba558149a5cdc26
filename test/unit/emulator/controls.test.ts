import { describe, expect, it } from 'vitest';

import { Clock } from '../../../emulator/clock';
import { Faults } from '../../../emulator/faults';
import { normalizeParticipantId } from '../../../emulator/peppol-registry';
import { RateLimiter } from '../../../emulator/rate-limit';
import { defaultSwitches, updateSwitches } from '../../../emulator/switches';

describe('RateLimiter', () => {
	it('allows the limit per one-second window and answers the seconds until the next', () => {
		const limiter = new RateLimiter();
		const start = 1_700_000_000_000;
		expect([1, 2, 3].map(() => limiter.check('a', 3, start + 100))).toEqual([undefined, undefined, undefined]);
		expect(limiter.check('a', 3, start + 900)).toBe(1);
		expect(limiter.check('b', 3, start + 900)).toBeUndefined();
		expect(limiter.check('a', 3, start + 1000)).toBeUndefined();
		expect(limiter.check('a', 0, start + 1000)).toBeUndefined();
	});
});

describe('Faults', () => {
	it('fires counted rules for matching requests only, then forgets them', () => {
		const faults = new Faults();
		faults.add({ kind: 'status', status: 503, count: 2, method: 'post', path: '/V1/ORDERS' });
		expect(faults.pick('GET', '/v1/orders')).toEqual([]);
		expect(faults.pick('POST', '/v1/orders').map((f) => f.status)).toEqual([503]);
		expect(faults.pick('POST', '/v1/orders/1/payments').map((f) => f.status)).toEqual([503]);
		expect(faults.pick('POST', '/v1/orders')).toEqual([]);
		expect(faults.list()).toEqual([]);
	});

	it('combines latency with one terminal fault', () => {
		const faults = new Faults();
		faults.add({ kind: 'latency', latencyMs: 10, share: 1 });
		faults.add({ kind: 'dropBefore', share: 1 });
		faults.add({ kind: 'dropAfter', share: 1 });
		expect(faults.pick('GET', '/x').map((f) => f.kind)).toEqual(['latency', 'dropBefore']);
	});

	it('draws shares from a seeded sequence', () => {
		const run = (seed: number) => {
			const faults = new Faults(seed);
			faults.add({ kind: 'status', status: 500, share: 0.3 });
			return Array.from({ length: 200 }, () => faults.pick('GET', '/x').length);
		};
		const hits = run(7).reduce((a, b) => a + b, 0);
		expect(hits).toBeGreaterThan(35);
		expect(hits).toBeLessThan(85);
		expect(run(7)).toEqual(run(7));
		expect(run(7)).not.toEqual(run(8));
	});

	it('validates rules', () => {
		const faults = new Faults();
		expect(() => faults.add({ kind: 'status' })).toThrow(/needs status/);
		expect(() => faults.add({ kind: 'latency', latencyMs: -1 })).toThrow(/latencyMs/);
		expect(() => faults.add({ kind: 'status', status: 200 })).toThrow(/status/);
		expect(() => faults.add({ kind: 'status', status: 500, share: 2 })).toThrow(/share/);
	});
});

describe('Clock', () => {
	it('stamps strictly increasing times even within one millisecond, or ties on request', () => {
		const clock = new Clock();
		clock.offsetMs = 10_000_000_000; // far future, so real time never passes the stamps during the test
		const stamps = Array.from({ length: 5 }, () => Date.parse(clock.stamp(false)));
		for (let i = 1; i < stamps.length; i++) expect(stamps[i]).toBeGreaterThan(stamps[i - 1]);
		const tie = clock.stamp(true);
		expect(clock.stamp(true)).toBe(tie);
		expect(Date.parse(clock.stamp(false))).toBeGreaterThan(Date.parse(tie));
	});
});

describe('participant identifiers', () => {
	it.each([
		['BE0437.000.143', '9925:be0437000143'],
		['0437000143', '0208:0437000143'],
		['437000143', '0208:0437000143'],
		['5412345000013', '0088:5412345000013'],
		['iso6523-actorid-upis::0208:0437000143', '0208:0437000143'],
		['9925:BE0437000143', '9925:be0437000143'],
		['NL123456789B01', 'vat:nl123456789b01'],
	])('normalises %s to %s', (input, expected) => {
		expect(normalizeParticipantId(input)).toBe(expected);
	});

	it('refuses what is no identifier', () => {
		expect(() => normalizeParticipantId('hello world!')).toThrow(/not a VAT number/);
	});
});

describe('switches', () => {
	it('accepts known switches of the right type and enum values only', () => {
		expect(updateSwitches({ ...defaultSwitches }, { idempotency: 'conflict', pageSize: 5 })).toMatchObject({ idempotency: 'conflict', pageSize: 5 });
		expect(() => updateSwitches({ ...defaultSwitches }, { idempotency: 'maybe' })).toThrow(/idempotency/);
		expect(() => updateSwitches({ ...defaultSwitches }, { pageSize: 0 })).toThrow(/at least 1/);
		expect(() => updateSwitches({ ...defaultSwitches }, { rateLimitPerSecond: '25' })).toThrow(/number/);
		expect(() => updateSwitches({ ...defaultSwitches }, { nope: 1 })).toThrow(/Unknown switch/);
	});
});
