import { Readable } from 'node:stream';
import type { MessagePort } from 'node:worker_threads';

/** Bytes a sender may have posted that the receiving side has not yet read. */
export const THREAD_STREAM_WINDOW_BYTES = 8 * 1024 * 1024;

type StreamMessage = { chunk: ArrayBuffer } | { end: true } | { acknowledged: number };

/**
 * Posts `source` over `port` chunk by chunk (copied once, then moved), never more than the window
 * ahead of what the other side has read, so memory stays bounded whichever side is slower.
 */
export async function sendStream(
	source: AsyncIterable<Buffer>,
	port: MessagePort,
	windowBytes = THREAD_STREAM_WINDOW_BYTES,
): Promise<void> {
	let unacknowledged = 0;
	let closed = false;
	let wake = () => {};
	const onMessage = (message: StreamMessage) => {
		if ('acknowledged' in message) unacknowledged -= message.acknowledged;
		wake();
	};
	const onClose = () => {
		closed = true;
		wake();
	};
	port.on('message', onMessage);
	port.once('close', onClose);
	try {
		for await (const chunk of source) {
			while (unacknowledged >= windowBytes && !closed) await new Promise<void>((resolve) => (wake = resolve));
			if (closed) throw new Error('the other side stopped reading');
			// A copy: moving the chunk's own memory would empty it for whoever else holds it.
			const data = new Uint8Array(chunk).buffer;
			unacknowledged += data.byteLength;
			port.postMessage({ chunk: data } satisfies StreamMessage, [data]);
		}
		port.postMessage({ end: true } satisfies StreamMessage);
	} finally {
		port.off('message', onMessage);
		port.off('close', onClose);
	}
}

/** The stream `sendStream` posts, read from `port`; what the reader took is acknowledged as it goes. */
export function receiveStream(port: MessagePort): Readable {
	let received = 0;
	const stream = new Readable({
		highWaterMark: 1024 * 1024,
		read() {
			if (received === 0) return;
			port.postMessage({ acknowledged: received } satisfies StreamMessage);
			received = 0;
		},
	});
	port.on('message', (message: StreamMessage) => {
		if ('chunk' in message) {
			received += message.chunk.byteLength;
			stream.push(Buffer.from(message.chunk));
		} else if ('end' in message) {
			stream.push(null);
		}
	});
	stream.once('close', () => port.close());
	return stream;
}
