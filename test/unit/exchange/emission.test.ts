import { describe, expect, it } from 'vitest';

import { decodeEmission, encodeEmission, isDueAgain } from '../../../lib/exchange/polling/emission';

describe('emission records', () => {
	it('round-trips through its short text form', () => {
		expect(encodeEmission({ emittedAt: 1_700_000_000_000, attempt: 3 })).toBe('1700000000000:3');
		expect(decodeEmission('1700000000000:3', 5)).toEqual({ emittedAt: 1_700_000_000_000, attempt: 3 });
	});

	it('counts a missing or unreadable record as emitted now, first attempt', () => {
		for (const encoded of [undefined, '', 'x:y', '12', '12:0', '12:1.5']) {
			expect(decodeEmission(encoded, 42)).toEqual({ emittedAt: 42, attempt: 1 });
		}
	});

	it('is due again once the period has passed, never with a period of 0', () => {
		const emission = { emittedAt: 1000, attempt: 1 };
		expect(isDueAgain(emission, 1999, 1000)).toBe(false);
		expect(isDueAgain(emission, 2000, 1000)).toBe(true);
		expect(isDueAgain(emission, Number.MAX_SAFE_INTEGER, 0)).toBe(false);
	});
});
