import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';

import { receiveStream, sendStream } from '../../../lib/exchange/threads/thread-stream';

const channels: MessageChannel[] = [];

function channel(): MessageChannel {
	const created = new MessageChannel();
	channels.push(created);
	return created;
}

afterEach(() => {
	for (const created of channels.splice(0)) {
		created.port1.close();
		created.port2.close();
	}
});

async function readAll(stream: Readable): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of stream) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

describe('thread streams', () => {
	it('delivers every chunk in order and leaves the sender its own buffers', async () => {
		const { port1, port2 } = channel();
		const chunks = Array.from({ length: 40 }, (_, index) => randomBytes(1_000 + index));
		const originals = chunks.map((chunk) => Buffer.from(chunk));
		const received = readAll(receiveStream(port2));
		await sendStream(Readable.from(chunks), port1);
		expect((await received).equals(Buffer.concat(originals))).toBe(true);
		expect(chunks.every((chunk, index) => chunk.equals(originals[index]))).toBe(true);
	});

	it('sends an empty stream as an empty stream', async () => {
		const { port1, port2 } = channel();
		const received = readAll(receiveStream(port2));
		await sendStream(Readable.from([]), port1);
		expect((await received).length).toBe(0);
	});

	it('keeps no more than the window ahead of what the reader buffered (at most 1 MiB)', async () => {
		const { port1, port2 } = channel();
		const windowBytes = 64 * 1024;
		const stream = receiveStream(port2);
		let posted = 0;
		const source = Readable.from(
			(function* () {
				for (let index = 0; index < 256; index++) {
					posted += 16 * 1024;
					yield Buffer.alloc(16 * 1024, index);
				}
			})(),
		);
		const sending = sendStream(source, port1, windowBytes);
		// Nobody reads: the sender stops once the reader's buffer is full and the window is used up.
		await new Promise((resolve) => setTimeout(resolve, 100));
		expect(posted).toBeLessThanOrEqual(1024 * 1024 + windowBytes + 2 * 16 * 1024);
		expect(posted).toBeGreaterThanOrEqual(1024 * 1024);
		expect(posted).toBeLessThan(256 * 16 * 1024);
		const received = await readAll(stream);
		await sending;
		expect(received.length).toBe(256 * 16 * 1024);
	});

	it('stops the sender with an error when the reading side goes away', async () => {
		const { port1, port2 } = channel();
		receiveStream(port2);
		const endless = Readable.from(
			(function* () {
				for (;;) yield Buffer.alloc(16 * 1024);
			})(),
		);
		const sending = sendStream(endless, port1, 64 * 1024);
		await new Promise((resolve) => setTimeout(resolve, 50));
		port2.close();
		await expect(sending).rejects.toThrow(/the other side stopped reading/);
	});
});
