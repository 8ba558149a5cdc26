import type { SFTPWrapper } from 'ssh2';

type Callback = (error?: Error | null, ...values: unknown[]) => void;

export interface PendingWrite {
	position: number;
	data: Buffer;
	answer(error?: Error): void;
}

export interface PendingRead {
	position: number;
	length: number;
	/** Answers with the file's bytes from `position`, at most `limit` of them (0 at the end of the file). */
	answer(limit?: number): void;
	fail(error: Error): void;
}

/**
 * The parts of ssh2's SFTP wrapper the pipelined reader and writer use. Data requests wait until the
 * test answers them, in whatever order it chooses; open, fstat, fchmod and close answer on the next tick.
 */
export class FakeSftp {
	_maxWriteLen: number;
	_maxReadLen: number;
	readonly writes: PendingWrite[] = [];
	readonly reads: PendingRead[] = [];
	readonly written = new Map<number, Buffer>();
	readonly calls: string[] = [];
	unansweredWrites = 0;
	mostUnansweredWrites = 0;
	unansweredReads = 0;
	mostUnansweredReads = 0;
	fstatSize: number | undefined;
	fchmodError: Error | undefined;

	constructor(
		private readonly file: Buffer = Buffer.alloc(0),
		chunkBytes = 4,
	) {
		this._maxWriteLen = chunkBytes;
		this._maxReadLen = chunkBytes;
		this.fstatSize = file.length;
	}

	get wrapper(): SFTPWrapper {
		return this as unknown as SFTPWrapper;
	}

	/** The bytes written, by position. */
	writtenContent(): Buffer {
		const positions = [...this.written.keys()].sort((a, b) => a - b);
		return Buffer.concat(positions.map((position) => this.written.get(position) as Buffer));
	}

	open(_path: string, flags: string, callback: Callback): void {
		this.calls.push(`open ${flags}`);
		process.nextTick(callback, undefined, Buffer.from('handle'));
	}

	fstat(_handle: Buffer, callback: Callback): void {
		this.calls.push('fstat');
		process.nextTick(callback, undefined, this.fstatSize === undefined ? {} : { size: this.fstatSize });
	}

	fchmod(_handle: Buffer, mode: number, callback: Callback): void {
		this.calls.push(`fchmod ${mode.toString(8)}`);
		process.nextTick(callback, this.fchmodError);
	}

	close(_handle: Buffer, callback: Callback): void {
		this.calls.push('close');
		process.nextTick(callback);
	}

	write(_handle: Buffer, buffer: Buffer, offset: number, length: number, position: number, callback: Callback): void {
		this.calls.push('write');
		this.unansweredWrites++;
		this.mostUnansweredWrites = Math.max(this.mostUnansweredWrites, this.unansweredWrites);
		const data = Buffer.from(buffer.subarray(offset, offset + length));
		const pending: PendingWrite = {
			position,
			data,
			answer: (error) => {
				this.writes.splice(this.writes.indexOf(pending), 1);
				this.unansweredWrites--;
				if (!error) this.written.set(position, data);
				callback(error);
			},
		};
		this.writes.push(pending);
	}

	read(_handle: Buffer, buffer: Buffer, offset: number, length: number, position: number, callback: Callback): void {
		this.calls.push('read');
		this.unansweredReads++;
		this.mostUnansweredReads = Math.max(this.mostUnansweredReads, this.unansweredReads);
		const settle = () => {
			this.reads.splice(this.reads.indexOf(pending), 1);
			this.unansweredReads--;
		};
		const pending: PendingRead = {
			position,
			length,
			answer: (limit = length) => {
				settle();
				const bytes = this.file.subarray(position, position + Math.min(length, limit));
				bytes.copy(buffer, offset);
				callback(undefined, bytes.length, buffer, position);
			},
			fail: (error) => {
				settle();
				callback(error);
			},
		};
		this.reads.push(pending);
	}
}

/** Lets the streams react to what happened so far. */
export async function settle(): Promise<void> {
	for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
}
