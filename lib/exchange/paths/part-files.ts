import { randomBytes } from 'node:crypto';
import { posix } from 'node:path';

import type { FileExchangeClient } from '../client';

export const PART_SUFFIX = '.part';
/** The common file name limit (ext4, XFS, NTFS, most FTP servers), in bytes. */
const MAX_NAME_BYTES = 255;
/** Older than any upload still being written: each write refreshes a part file's modification time. */
export const STALE_PART_AGE_MS = 60 * 60 * 1000;

/** The longest start of `name` that fits in `maxBytes` of UTF-8, never splitting a character. */
function fitToBytes(name: string, maxBytes: number): string {
	let bytes = 0;
	let fitted = '';
	for (const character of name) {
		bytes += Buffer.byteLength(character);
		if (bytes > maxBytes) break;
		fitted += character;
	}
	return fitted;
}

/**
 * `invoice.xml` → `invoice.xml.3f9a01bc.part`: every upload writes its own part file, so two runs
 * uploading one file at once never write into the same one. A name too long for the server keeps
 * the start of the final name and the whole random tail.
 */
export function partPathFor(target: string, random = randomBytes(4).toString('hex')): string {
	const tail = `.${random}${PART_SUFFIX}`;
	const name = fitToBytes(posix.basename(target), MAX_NAME_BYTES - Buffer.byteLength(tail));
	return posix.join(posix.dirname(target), `${name}${tail}`);
}

/** Part files (`name.<random>.part`, or the older `name.part`) are never finished files. */
export function isPartName(name: string): boolean {
	return name.length > PART_SUFFIX.length && name.endsWith(PART_SUFFIX);
}

/**
 * Removes part files that crashed runs left in `folder`, once they are older than any upload still
 * in progress. Best effort: a folder that cannot be listed or a part that cannot be deleted is left.
 */
export async function sweepStaleParts(
	client: FileExchangeClient,
	folder: string,
	now: Date = new Date(),
	maxAgeMs = STALE_PART_AGE_MS,
): Promise<string[]> {
	// Only part names: an FTP server without MLSD is asked each listed file's time separately.
	const entries = await client.list(folder, { glob: `*${PART_SUFFIX}` }).catch(() => []);
	const stale = entries.filter(
		(entry) =>
			entry.type === 'file' &&
			isPartName(entry.name) &&
			entry.modifiedAt !== undefined &&
			now.getTime() - entry.modifiedAt.getTime() > maxAgeMs,
	);
	const removed: string[] = [];
	for (const entry of stale) {
		await client.delete(entry.path).then(
			() => removed.push(entry.path),
			() => undefined,
		);
	}
	return removed;
}
