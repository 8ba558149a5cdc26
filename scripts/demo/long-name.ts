import { constants, type Stats } from 'node:fs';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const SIX_MONTHS_MS = 182 * 24 * 3600 * 1000;

function typeLetter(mode: number): string {
	switch (mode & constants.S_IFMT) {
		case constants.S_IFDIR:
			return 'd';
		case constants.S_IFLNK:
			return 'l';
		default:
			return '-';
	}
}

/** `rwxr-x---`, with setuid, setgid and sticky bits as `ls` shows them. */
function permissions(mode: number): string {
	const triple = (bits: number, special: boolean, specialLetter: string) =>
		`${bits & 4 ? 'r' : '-'}${bits & 2 ? 'w' : '-'}${special ? (bits & 1 ? specialLetter : specialLetter.toUpperCase()) : bits & 1 ? 'x' : '-'}`;
	return (
		triple((mode >> 6) & 7, (mode & 0o4000) !== 0, 's') +
		triple((mode >> 3) & 7, (mode & 0o2000) !== 0, 's') +
		triple(mode & 7, (mode & 0o1000) !== 0, 't')
	);
}

/** `Dec  5 19:40` within half a year of now, `Dec  5  2025` otherwise, as `ls -l` prints a date (UTC). */
function lsDate(mtime: Date, now: Date): string {
	const day = `${MONTHS[mtime.getUTCMonth()]} ${String(mtime.getUTCDate()).padStart(2)}`;
	if (Math.abs(now.getTime() - mtime.getTime()) < SIX_MONTHS_MS) {
		return `${day} ${String(mtime.getUTCHours()).padStart(2, '0')}:${String(mtime.getUTCMinutes()).padStart(2, '0')}`;
	}
	return `${day}  ${mtime.getUTCFullYear()}`;
}

/**
 * The `ls -l` line an SFTP server sends with each listed name (as OpenSSH does): clients such as
 * ssh2-sftp-client read the entry's type and permissions from its first ten characters.
 */
export function longName(name: string, stats: Stats, owner: string, now = new Date()): string {
	const size = String(stats.size).padStart(8);
	return `${typeLetter(stats.mode)}${permissions(stats.mode)} ${String(stats.nlink).padStart(3)} ${owner.padEnd(8)} ${owner.padEnd(8)} ${size} ${lsDate(stats.mtime, now)} ${name}`;
}
