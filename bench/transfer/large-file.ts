import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { once } from 'node:events';

const CHUNK_BYTES = 16 * 1024 * 1024;

/** Writes `bytes` random bytes to `path` and returns their SHA-256. */
export async function writeRandomFile(path: string, bytes: number): Promise<string> {
	const hash = createHash('sha256');
	const out = createWriteStream(path);
	for (let written = 0; written < bytes; written += CHUNK_BYTES) {
		const chunk = randomBytes(Math.min(CHUNK_BYTES, bytes - written));
		hash.update(chunk);
		if (!out.write(chunk)) await once(out, 'drain');
	}
	out.end();
	await once(out, 'finish');
	return hash.digest('hex');
}

export async function sha256OfFile(path: string): Promise<string> {
	const hash = createHash('sha256');
	for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES })) hash.update(chunk as Buffer);
	return hash.digest('hex');
}

export async function assertSameFile(path: string, expectedSha256: string): Promise<void> {
	const actual = await sha256OfFile(path);
	if (actual !== expectedSha256) throw new Error(`${path} differs from the original (SHA-256 ${actual})`);
}
