import { describe, expect, it } from 'vitest';

import { checkedRequestsInFlight } from '../../../lib/exchange/sftp/sftp-request-limits';

describe('requests one SFTP stream keeps in flight', () => {
	it('defaults to 64 requests of 32 KiB, as OpenSSH sftp does', () => {
		expect(checkedRequestsInFlight(undefined, 32 * 1024)).toBe(64);
	});

	it('keeps the default within 4 MiB of data when requests are larger', () => {
		expect(checkedRequestsInFlight(undefined, 255 * 1024)).toBe(16);
		expect(checkedRequestsInFlight(undefined, 8 * 1024 * 1024)).toBe(1);
	});

	it('takes a given count as it is', () => {
		expect(checkedRequestsInFlight(128, 255 * 1024)).toBe(128);
	});

	it('refuses a count that is not a positive integer', () => {
		expect(() => checkedRequestsInFlight(0, 32 * 1024)).toThrow(/positive integer/);
		expect(() => checkedRequestsInFlight(2.5, 32 * 1024)).toThrow(/positive integer/);
	});
});
