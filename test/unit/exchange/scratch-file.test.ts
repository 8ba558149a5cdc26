import { randomBytes } from 'node:crypto';
import { open, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';

import { GrowingFileReadStream } from '../../../lib/exchange/threads/growing-file-read-stream';
import { openScratchFile, PROGRESS_STEP_BYTES, ScratchFileWriter } from '../../../lib/exchange/threads/scratch-file';

const MIB = 1024 * 1024;

async function readAll(stream: Readable): Promise<Buffer[]> {
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(chunk as Buffer);
	return chunks;
}

const scratchNames = async () => (await readdir(tmpdir())).filter((name) => name.startsWith('file-exchange-'));

describe('scratch files', () => {
	it('leave no name on disk while open and after, and keep what was written', async () => {
		const before = await scratchNames();
		const scratch = await openScratchFile();
		const handle = scratch.handle;
		try {
			expect(await scratchNames()).toEqual(before);
			await handle.write(Buffer.from('kept while open'), 0, 15, 0);
			const { buffer, bytesRead } = await handle.read(Buffer.alloc(15), 0, 15, 0);
			expect(buffer.subarray(0, bytesRead).toString()).toBe('kept while open');
		} finally {
			await scratch.close();
		}
		expect(await scratchNames()).toEqual(before);
	});

	it('are written in order with progress at least every step and at the end', async () => {
		const { handle } = await openScratchFile();
		try {
			const content = randomBytes(3 * MIB + 123);
			const reports: number[] = [];
			const writer = new ScratchFileWriter(handle.fd, 'download /x.bin', (bytes) => reports.push(bytes));
			const chunks = Array.from({ length: Math.ceil(content.length / 65_536) }, (_, index) =>
				content.subarray(index * 65_536, (index + 1) * 65_536),
			);
			await pipeline(Readable.from(chunks), writer);
			expect(writer.bytes).toBe(content.length);
			expect(reports.at(-1)).toBe(content.length);
			expect(reports.filter((bytes, index) => bytes - (reports[index - 1] ?? 0) > PROGRESS_STEP_BYTES + 65_536)).toEqual([]);
			const { buffer } = await handle.read(Buffer.alloc(content.length), 0, content.length, 0);
			expect(buffer.equals(content)).toBe(true);
		} finally {
			await handle.close();
		}
	});

	it('report a full disk as noSpace, naming what was being written', async () => {
		const full = await open('/dev/full', 'w');
		try {
			const writer = new ScratchFileWriter(full.fd, 'download /big.bin', () => undefined);
			const failure = pipeline(Readable.from([randomBytes(4096)]), writer);
			await expect(failure).rejects.toMatchObject({ kind: 'noSpace' });
			await expect(failure).rejects.toThrow(/download \/big\.bin: writing the temporary copy on this machine failed: ENOSPC/);
		} finally {
			await full.close();
		}
	});
});

describe('growing file read streams', () => {
	it('read only what the writer reported, in full chunks until it is done, then the rest', async () => {
		const { handle } = await openScratchFile();
		try {
			const content = randomBytes(2 * MIB + 10);
			const stream = new GrowingFileReadStream(handle, MIB);
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			const ended = new Promise((resolve, reject) => stream.once('end', resolve).once('error', reject));
			const settle = async () => await new Promise((resolve) => setTimeout(resolve, 20));

			// Less than a chunk written and reported: nothing is read yet.
			await handle.write(content, 0, MIB - 1, 0);
			stream.grew(MIB - 1);
			await settle();
			expect(chunks).toEqual([]);

			// More on disk than reported: only the reported whole chunk is read.
			await handle.write(content, MIB - 1, content.length - (MIB - 1), MIB - 1);
			stream.grew(MIB + 5);
			await settle();
			expect(chunks.map((chunk) => chunk.length)).toEqual([MIB]);

			stream.grew(2 * MIB);
			stream.ended(content.length);
			await ended;
			expect(chunks.map((chunk) => chunk.length)).toEqual([MIB, MIB, 10]);
			expect(Buffer.concat(chunks).equals(content)).toBe(true);
		} finally {
			await handle.close();
		}
	});

	it('end at once for an empty file', async () => {
		const { handle } = await openScratchFile();
		try {
			const stream = new GrowingFileReadStream(handle);
			stream.ended(0);
			expect(await readAll(stream)).toEqual([]);
		} finally {
			await handle.close();
		}
	});

	it('fail when the file is shorter than the writer reported', async () => {
		const { handle } = await openScratchFile();
		try {
			await handle.write(Buffer.alloc(100), 0, 100, 0);
			const stream = new GrowingFileReadStream(handle);
			stream.ended(200);
			await expect(readAll(stream)).rejects.toThrow(/ended at 100 bytes, 100 bytes short/);
		} finally {
			await handle.close();
		}
	});
});
