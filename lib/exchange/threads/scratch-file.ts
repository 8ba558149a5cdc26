import { randomUUID } from 'node:crypto';
import { write } from 'node:fs';
import { open, rm, unlink, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';

import { ExchangeError } from '../errors';

/** A temporary file, open for reading and writing; `close` leaves nothing behind. */
export interface ScratchFile {
	handle: FileHandle;
	close(): Promise<void>;
}

/**
 * A file in the system's temporary folder that exists only as an open handle: its name is removed as
 * soon as it is open, so even a process that dies leaves nothing on disk. Where the system refuses to
 * remove an open file's name, the name goes when the file is closed. Threads of this process share
 * the handle's descriptor.
 */
export async function openScratchFile(): Promise<ScratchFile> {
	const path = join(tmpdir(), `file-exchange-${randomUUID()}.tmp`);
	const handle = await open(path, 'wx+', 0o600);
	const named = await unlink(path).then(
		() => false,
		() => true,
	);
	return {
		handle,
		close: async () => {
			await handle.close().catch(() => undefined);
			if (named) await rm(path, { force: true });
		},
	};
}

/** How often a writer reports its progress, in bytes. */
export const PROGRESS_STEP_BYTES = 1024 * 1024;

/**
 * Writes a stream into a scratch file by its descriptor, reporting the bytes written so far at least
 * every PROGRESS_STEP_BYTES and at the end, for a reader in another thread.
 */
export class ScratchFileWriter extends Writable {
	bytes = 0;
	private reported = 0;

	constructor(
		private readonly fd: number,
		/** What the file holds, for error messages. */
		private readonly what: string,
		private readonly progress: (bytes: number) => void,
	) {
		super();
	}

	override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
		write(this.fd, chunk, 0, chunk.length, this.bytes, (error, written) => {
			if (error) return callback(this.failure(error));
			this.bytes += written;
			if (written < chunk.length) return this._write(chunk.subarray(written), 'binary', callback);
			if (this.bytes - this.reported >= PROGRESS_STEP_BYTES) this.report();
			callback();
		});
	}

	override _final(callback: (error?: Error | null) => void): void {
		this.report();
		callback();
	}

	private report(): void {
		this.reported = this.bytes;
		this.progress(this.bytes);
	}

	private failure(error: NodeJS.ErrnoException): ExchangeError {
		const kind = error.code === 'ENOSPC' ? 'noSpace' : 'other';
		return new ExchangeError(kind, `${this.what}: writing the temporary copy on this machine failed: ${error.message}`, {
			cause: error,
		});
	}
}
