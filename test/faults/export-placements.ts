/**
 * Every upload that completed, read from internal-sftp's own log: File Exchange writes its own
 * `<name>.<random>.part`, closes it and renames it onto `<name>`, so a placement is a rename of a part
 * file onto a final name next to it, and its size is what the same session's last close of that part
 * file said it wrote.
 */
import { posix } from 'node:path';

import type { SftpLogEntry } from '../support/servers/sftp-log';

const PART_SUFFIX = '.part';
const CLOSE = /^close "(.+)" bytes read \d+ written (\d+)$/;
const RENAME = /^(?:posix-)?rename old "(.+)" new "(.+)"$/;
const OPEN_FOR_WRITE = /^open "(.+)" flags WRITE/;

export interface ServerWrites {
	/** Final path → bytes of each placement onto it, in order. */
	placements: Map<string, number[]>;
	/** Final paths opened for writing directly, bypassing a part file (must never happen). */
	directWrites: Set<string>;
}

export function serverWrites(entries: readonly SftpLogEntry[]): ServerWrites {
	const lastClose = new Map<string, number>();
	const placements = new Map<string, number[]>();
	const directWrites = new Set<string>();
	for (const { pid, message } of entries) {
		const opened = OPEN_FOR_WRITE.exec(message);
		if (opened && !isPartFile(opened[1])) directWrites.add(opened[1]);
		const closed = CLOSE.exec(message);
		if (closed) lastClose.set(`${pid} ${closed[1]}`, Number(closed[2]));
		const renamed = RENAME.exec(message);
		if (renamed && isPartFile(renamed[1]) && !isPartFile(renamed[2]) && posix.dirname(renamed[1]) === posix.dirname(renamed[2])) {
			const bytes = lastClose.get(`${pid} ${renamed[1]}`) ?? -1;
			placements.set(renamed[2], [...(placements.get(renamed[2]) ?? []), bytes]);
		}
	}
	return { placements, directWrites };
}

export function isPartFile(remotePath: string): boolean {
	return remotePath.endsWith(PART_SUFFIX);
}
