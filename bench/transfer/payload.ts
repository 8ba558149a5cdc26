import { randomBytes } from 'node:crypto';
import { readFile, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface PayloadFile {
	name: string;
	content: Buffer;
}

/** `count` files of `bytes` random bytes each (random so no layer can compress them away). */
export function makePayload(count: number, bytes: number): PayloadFile[] {
	return Array.from({ length: count }, (_, index) => ({
		name: `invoice-${String(index + 1).padStart(5, '0')}.pdf`,
		content: randomBytes(bytes),
	}));
}

/** Content every side can produce from the name alone (the n8n workflow makes it in a Code node). */
export function patternContent(name: string, bytes: number): Buffer {
	return Buffer.alloc(bytes, `${name} `);
}

export function patternPayload(count: number, bytes: number): PayloadFile[] {
	return Array.from({ length: count }, (_, index) => {
		const name = `file-${String(index + 1).padStart(5, '0')}.bin`;
		return { name, content: patternContent(name, bytes) };
	});
}

/**
 * Checks what a run left on the server's disk: exactly the payload's files, each identical and with
 * the mode asked for (when given), and no `.part` left behind. Throws on the first difference.
 */
export async function verifyUploaded(folder: string, payload: PayloadFile[], mode?: number): Promise<void> {
	const names = (await readdir(folder)).sort();
	const expected = payload.map((file) => file.name).sort();
	if (names.length !== expected.length || names.some((name, index) => name !== expected[index])) {
		const extra = names.filter((name) => !expected.includes(name)).slice(0, 3);
		const missing = expected.filter((name) => !names.includes(name)).slice(0, 3);
		throw new Error(
			`${folder}: ${names.length} files instead of ${expected.length} (extra: ${extra.join(', ') || 'none'}; missing: ${missing.join(', ') || 'none'})`,
		);
	}
	for (const file of payload) {
		const path = join(folder, file.name);
		const [content, info] = await Promise.all([readFile(path), stat(path)]);
		if (!content.equals(file.content)) throw new Error(`${path} differs from what was uploaded`);
		if (mode !== undefined && (info.mode & 0o7777) !== mode) {
			throw new Error(`${path} has mode ${(info.mode & 0o7777).toString(8)}, expected ${mode.toString(8)}`);
		}
	}
}

export async function emptyFolder(folder: string): Promise<void> {
	for (const name of await readdir(folder)) await rm(join(folder, name), { recursive: true, force: true });
}
