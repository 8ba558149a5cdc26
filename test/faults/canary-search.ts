/**
 * Looks for secret values in bytes and text, in the forms a leak takes: as is, URL-encoded, and
 * base64 (an HTTP Basic header, a binary payload) at each of the three byte alignments.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** A secret by what it is, e.g. "SFTP password". */
export type Canaries = Map<string, string>;

export interface Finding {
	canary: string;
	where: string;
	form: string;
}

/** The part of base64(prefix + value) that depends on the value alone, for a prefix of 0, 1 or 2 bytes. */
function base64Cores(value: string): string[] {
	return [0, 1, 2].map((alignment) => {
		const encoded = Buffer.from(`${'\0'.repeat(alignment)}${value}`).toString('base64');
		return encoded.slice(4, -4);
	});
}

function forms(value: string): Array<[form: string, text: string]> {
	return [
		['plain', value],
		['url-encoded', encodeURIComponent(value)],
		...base64Cores(value).map((core, alignment): [string, string] => [`base64 (alignment ${alignment})`, core]),
	];
}

export function findCanaries(content: Buffer | string, where: string, canaries: Canaries): Finding[] {
	const haystack = typeof content === 'string' ? Buffer.from(content) : content;
	const findings: Finding[] = [];
	for (const [canary, value] of canaries) {
		for (const [form, text] of forms(value)) {
			if (haystack.includes(text)) findings.push({ canary, where, form });
		}
	}
	return findings;
}

/** Every file below `folder` (relative paths), skipping the named sub-folders. */
export function filesBelow(folder: string, skip: string[] = []): string[] {
	const skipped = new Set(skip.map((path) => join(folder, path)));
	const walk = (current: string): string[] =>
		readdirSync(current, { withFileTypes: true }).flatMap((entry) => {
			const path = join(current, entry.name);
			if (skipped.has(path)) return [];
			if (entry.isDirectory()) return walk(path);
			return entry.isFile() ? [path] : [];
		});
	return walk(folder).map((path) => relative(folder, path));
}

/** The raw bytes of every file below `folder`, searched one by one. */
export function findCanariesInFiles(folder: string, canaries: Canaries, skip: string[] = []): Finding[] {
	return filesBelow(folder, skip).flatMap((path) => findCanaries(readFileSync(join(folder, path)), path, canaries));
}
