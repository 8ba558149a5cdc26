import { Writable } from 'node:stream';
import type { SFTPWrapper } from 'ssh2';

import { checkedRequestsInFlight, closeWithoutWaiting, maxWriteBytes } from './sftp-request-limits';

export interface PipelinedWriteOptions {
	/** Set on the open file before it is closed (one fewer round trip than a chmod afterwards). */
	mode?: number;
	/** WRITE requests sent before the first answer is awaited; the source waits while this many are unanswered. */
	requestsInFlight?: number;
}

/**
 * Writes a remote file with many WRITE requests outstanding, as OpenSSH's `sftp` does: ssh2's own
 * write stream waits for each answer before sending the next chunk, one round trip per 32 KB.
 * Source chunks are joined into requests of the most the connection allows (OpenSSH: 255 KiB; 64 KiB
 * requests, the size n8n's binary data streams come in, cost CPU enough to move a third less per
 * second here). As in Nagle's algorithm, a part-filled request waits only while others are unanswered,
 * so a slow source's bytes still go out as they come.
 * Memory stays bounded: the source is held back while `requestsInFlight` requests are unanswered.
 * The first failed request fails the stream; the handle is closed on success, failure and destroy.
 */
export class SftpPipelinedWriteStream extends Writable {
	/** Bytes accepted from the source, all of them written once the stream has finished. */
	bytes = 0;
	/** The server refused the requested mode on the open file (the data is written regardless). */
	modeError: Error | undefined;
	private readonly requestLimit: number;
	private readonly chunkLimit: number;
	private handle: Buffer | undefined;
	private handleClosed = false;
	private position = 0;
	/** Source bytes not sent yet. */
	private held: Buffer[] = [];
	private heldBytes = 0;
	private unanswered = 0;
	private failure: Error | undefined;
	private finishing = false;
	/** Set once the close was answered: the stream finishes when every write was answered too. */
	private closeOutcome: { error: Error | undefined } | undefined;
	private finishCallback: ((error?: Error | null) => void) | undefined;
	/** The source's callback, held while the window is full. */
	private heldCallback: ((error?: Error | null) => void) | undefined;

	constructor(
		private readonly sftp: SFTPWrapper,
		private readonly path: string,
		private readonly options: PipelinedWriteOptions = {},
	) {
		super();
		this.chunkLimit = maxWriteBytes(sftp);
		this.requestLimit = checkedRequestsInFlight(options.requestsInFlight, this.chunkLimit);
	}

	override _construct(callback: (error?: Error | null) => void): void {
		this.sftp.open(this.path, 'w', (error, handle) => {
			if (error) return callback(error);
			this.handle = handle;
			callback();
		});
	}

	override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
		if (this.failure) return callback(this.failure);
		this.held.push(chunk);
		this.heldBytes += chunk.length;
		this.bytes += chunk.length;
		while (this.heldBytes >= this.chunkLimit) this.send(this.take(this.chunkLimit));
		if (this.unanswered === 0) this.sendHeld();
		if (this.unanswered < this.requestLimit) callback();
		else this.heldCallback = callback;
	}

	private sendHeld(): void {
		if (this.heldBytes > 0) this.send(this.take(this.heldBytes));
	}

	/** The next `length` held bytes, joined only when the first held chunk is shorter. */
	private take(length: number): Buffer {
		if (this.held[0].length < length) this.held = [Buffer.concat(this.held, this.heldBytes)];
		const first = this.held[0];
		if (first.length > length) this.held[0] = first.subarray(length);
		else this.held.shift();
		this.heldBytes -= length;
		return first.subarray(0, length);
	}

	private send(block: Buffer): void {
		const position = this.position;
		this.position += block.length;
		this.unanswered++;
		this.sftp.write(this.handle as Buffer, block, 0, block.length, position, (error) => this.answered(error));
	}

	private answered(error: Error | null | undefined): void {
		this.unanswered--;
		if (error) this.failure ??= error;
		if (this.finishing) {
			this.finishWhenAnswered();
			return;
		}
		if (this.failure) {
			this.destroy(this.failure);
			return;
		}
		if (this.unanswered === 0) this.sendHeld();
		if (this.heldCallback && this.unanswered < this.requestLimit) {
			const callback = this.heldCallback;
			this.heldCallback = undefined;
			callback();
		}
	}

	/**
	 * The mode and the close go out right behind the last writes, without waiting for their answers:
	 * a server carries out the requests on one handle in the order they were sent.
	 */
	override _final(callback: (error?: Error | null) => void): void {
		this.sendHeld();
		this.finishing = true;
		this.finishCallback = callback;
		const handle = this.handle as Buffer;
		if (this.options.mode !== undefined) {
			this.sftp.fchmod(handle, this.options.mode, (error) => {
				if (error) this.modeError = error;
			});
		}
		this.handleClosed = true;
		this.sftp.close(handle, (error) => {
			this.closeOutcome = { error: error ?? undefined };
			this.finishWhenAnswered();
		});
	}

	private finishWhenAnswered(): void {
		if (!this.closeOutcome || this.unanswered > 0 || !this.finishCallback) return;
		const callback = this.finishCallback;
		this.finishCallback = undefined;
		callback(this.failure ?? this.closeOutcome.error ?? null);
	}

	override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
		this.heldCallback = undefined;
		if (this.handle && !this.handleClosed) {
			this.handleClosed = true;
			closeWithoutWaiting(this.sftp, this.handle);
		}
		callback(error);
	}
}
