import { Readable } from 'node:stream';
import type { SFTPWrapper, Stats } from 'ssh2';

import { checkedRequestsInFlight, closeWithoutWaiting, maxReadBytes } from './sftp-request-limits';

export interface PipelinedReadOptions {
	/** The file's size when the caller knows it already; else the reader asks the server (fstat). */
	size?: number;
	/** READ requests outstanding at most, answered or not, before the consumer takes their data. */
	requestsInFlight?: number;
}

/** A byte range asked for; `data` once the server answered (empty at the end of the file). */
interface Span {
	offset: number;
	length: number;
	data?: Buffer;
}

/**
 * Reads a remote file with many READ requests outstanding, as OpenSSH's `sftp` does (ssh2's read
 * stream asks for one chunk at a time). Answers may arrive in any order; the data goes downstream in
 * file order. No new request goes out while the consumer is not reading, so memory stays bounded by
 * `requestsInFlight` chunks. A short answer is followed by a request for the rest. The size bounds
 * the requests; without one the reader reads until the server reports the end of the file.
 */
export class SftpPipelinedReadStream extends Readable {
	private readonly requestLimit: number;
	private readonly chunkLimit: number;
	private handle: Buffer | undefined;
	private handleClosed = false;
	private size: number | undefined;
	/** Spans asked for and not yet passed on, in file order. */
	private readonly spans: Span[] = [];
	private nextOffset = 0;
	/** The offset the server reported the end of the file at. */
	private endOffset: number | undefined;
	private wanted = false;
	private done = false;

	constructor(
		private readonly sftp: SFTPWrapper,
		private readonly path: string,
		options: PipelinedReadOptions = {},
	) {
		super();
		this.chunkLimit = maxReadBytes(sftp);
		this.requestLimit = checkedRequestsInFlight(options.requestsInFlight, this.chunkLimit);
		this.size = options.size;
	}

	override _construct(callback: (error?: Error | null) => void): void {
		this.sftp.open(this.path, 'r', (error, handle) => {
			if (error) return callback(error);
			this.handle = handle;
			if (this.size !== undefined) return callback();
			this.sftp.fstat(handle, (statError: Error | null | undefined, stats: Stats | undefined) => {
				if (statError) return callback(statError);
				if (typeof stats?.size === 'number') this.size = stats.size;
				callback();
			});
		});
	}

	override _read(): void {
		this.wanted = true;
		this.passOn();
		this.askMore();
	}

	private get lastOffset(): number {
		return Math.min(this.endOffset ?? Infinity, this.size ?? Infinity);
	}

	private askMore(): void {
		while (this.wanted && !this.done && this.spans.length < this.requestLimit && this.nextOffset < this.lastOffset) {
			const length = Math.min(this.chunkLimit, this.lastOffset - this.nextOffset);
			const span: Span = { offset: this.nextOffset, length };
			this.nextOffset += length;
			this.spans.push(span);
			this.ask(span);
		}
	}

	private ask(span: Span): void {
		const buffer = Buffer.allocUnsafe(span.length);
		this.sftp.read(this.handle as Buffer, buffer, 0, span.length, span.offset, (error, bytesRead) =>
			this.answered(span, error, bytesRead, buffer),
		);
	}

	private answered(span: Span, error: Error | null | undefined, bytesRead: number, buffer: Buffer): void {
		if (this.done) return;
		if (error) {
			this.destroy(error);
			return;
		}
		if (bytesRead === 0) {
			this.endOffset = Math.min(this.endOffset ?? Infinity, span.offset);
			span.data = Buffer.alloc(0);
		} else {
			span.data = buffer.subarray(0, bytesRead);
			if (bytesRead < span.length) this.askRest(span, bytesRead);
		}
		this.passOn();
		this.askMore();
	}

	/** The server may answer with less than asked (not only at the end of the file). */
	private askRest(span: Span, bytesRead: number): void {
		const rest: Span = { offset: span.offset + bytesRead, length: span.length - bytesRead };
		span.length = bytesRead;
		this.spans.splice(this.spans.indexOf(span) + 1, 0, rest);
		this.ask(rest);
	}

	private passOn(): void {
		while (!this.done && this.spans[0]?.data) {
			const span = this.spans.shift() as Span;
			if (span.offset >= this.lastOffset) break;
			if (!this.push(span.data)) this.wanted = false;
		}
		if (!this.done && this.nextOffset >= this.lastOffset && (this.spans.length === 0 || this.spans[0].offset >= this.lastOffset)) {
			this.done = true;
			this.push(null);
		}
	}

	override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
		this.done = true;
		if (this.handle && !this.handleClosed) {
			this.handleClosed = true;
			closeWithoutWaiting(this.sftp, this.handle);
		}
		callback(error);
	}
}
