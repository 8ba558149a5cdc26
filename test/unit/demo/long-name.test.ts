import { constants, type Stats } from 'node:fs';
import { describe, expect, it } from 'vitest';

import { longName } from '../../../scripts/demo/long-name';

const now = new Date('2026-12-05T19:40:00Z');

function stats(mode: number, size: number, mtime: string): Stats {
	return { mode, size, nlink: 2, mtime: new Date(mtime) } as Stats;
}

describe('long names of the demo SFTP server', () => {
	it('read as ls -l lines: type, permissions, links, owner, group, size, date, name', () => {
		expect(longName('export', stats(constants.S_IFDIR | 0o755, 4096, '2026-12-05T08:03:00Z'), 'demo', now)).toBe(
			'drwxr-xr-x   2 demo     demo         4096 Dec  5 08:03 export',
		);
		expect(longName('a.xml', stats(constants.S_IFREG | 0o664, 1234, '2025-01-31T10:00:00Z'), 'demo', now)).toBe(
			'-rw-rw-r--   2 demo     demo         1234 Jan 31  2025 a.xml',
		);
	});

	it('show setuid, setgid and sticky bits as ls does', () => {
		expect(longName('x', stats(constants.S_IFREG | 0o4755, 0, '2026-12-01T00:00:00Z'), 'demo', now).slice(0, 10)).toBe('-rwsr-xr-x');
		expect(longName('x', stats(constants.S_IFDIR | 0o2750, 0, '2026-12-01T00:00:00Z'), 'demo', now).slice(0, 10)).toBe('drwxr-s---');
		expect(longName('x', stats(constants.S_IFDIR | 0o1777, 0, '2026-12-01T00:00:00Z'), 'demo', now).slice(0, 10)).toBe('drwxrwxrwt');
		expect(longName('x', stats(constants.S_IFDIR | 0o1776, 0, '2026-12-01T00:00:00Z'), 'demo', now).slice(0, 10)).toBe('drwxrwxrwT');
	});
});
