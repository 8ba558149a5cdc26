import type { FileHandle } from 'node:fs/promises';
import { Readable } from 'node:stream';

/** Bytes per read: few, large buffers, since each new buffer costs the reading thread's garbage collector. */
export const GROWING_FILE_READ_BYTES = 1024 * 1024;

/**
 * Reads a file that another thread is still writing: up to the length the writer last reported
 * (`grew`), waiting for more while it writes, and ending once the writer reports it is done (`ended`).
 * A read waits for a full chunk unless the writer is done, so the chunks stay large.
 */
export class GrowingFileReadStream extends Readable {
	private written = 0;
	private complete = false;
	private position = 0;
	private reading = false;
	private wanted = false;

	constructor(
		private readonly handle: FileHandle,
		private readonly chunkBytes = GROWING_FILE_READ_BYTES,
	) {
		super({ highWaterMark: chunkBytes });
	}

	/** The writer has written `bytes` from the start of the file. */
	grew(bytes: number): void {
		this.written = Math.max(this.written, bytes);
		this.readMore();
	}

	/** The writer is done: `bytes` is the file's whole length. */
	ended(bytes: number): void {
		this.written = bytes;
		this.complete = true;
		this.readMore();
	}

	override _read(): void {
		this.wanted = true;
		this.readMore();
	}

	private readMore(): void {
		if (this.reading || !this.wanted || this.destroyed) return;
		const available = this.written - this.position;
		if (this.complete && available === 0) {
			this.push(null);
			return;
		}
		if (available < this.chunkBytes && !this.complete) return;
		const length = Math.min(this.chunkBytes, available);
		this.reading = true;
		this.handle.read(Buffer.allocUnsafe(length), 0, length, this.position).then(
			({ bytesRead, buffer }) => {
				this.reading = false;
				if (bytesRead === 0) {
					this.destroy(new Error(`the temporary file ended at ${this.position} bytes, ${available} bytes short`));
					return;
				}
				this.position += bytesRead;
				this.wanted = this.push(buffer.subarray(0, bytesRead));
				this.readMore();
			},
			(error: unknown) => {
				this.reading = false;
				this.destroy(error as Error);
			},
		);
	}
}
