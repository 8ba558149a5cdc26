import { describe, expect, it } from 'vitest';

import { CompanyPacer, companyPacingKey, getCompanyPacer } from '../../../lib/billit/pacer';

describe('CompanyPacer', () => {
	it('lets the configured number of requests start per second, then spaces them a window (1 s plus margin) apart', () => {
		const pacer = new CompanyPacer(3);
		const starts = Array.from({ length: 7 }, () => pacer.reserve(0));
		expect(starts).toEqual([0, 0, 0, 1050, 1050, 1050, 2100]); // windows are 1 s plus the 50 ms arrival-jitter margin
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
