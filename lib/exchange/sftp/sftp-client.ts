import { posix } from 'node:path';
import { PassThrough, type Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FileEntryWithStats, SFTPWrapper, Stats } from 'ssh2';
import type SftpClient from 'ssh2-sftp-client';

import { BaseExchangeClient, type WriteHints, type WrittenFile } from '../base-client';
import type { RemoteEntry, RemoteEntryType } from '../client';
import { ExchangeError, sftpOperationError } from '../errors';
import { connectSftp, type SftpConnectionOptions } from './sftp-connection';
import type { PresentedHostKey } from '../credentials/host-keys';
import { checkedTransfersInFlight } from '../pool';
import { SftpPipelinedReadStream } from './sftp-pipelined-reader';
import { SftpPipelinedWriteStream } from './sftp-pipelined-writer';
import { readInThread } from '../threads/sftp-download-thread';
import { writeInThread } from '../threads/sftp-upload-thread';
import { PORTABLE_DATA_BYTES } from './sftp-request-limits';

const FILE_TYPE_MASK = 0o170000;
const DEFAULT_OPERATION_TIMEOUT_MS = 60_000;
/**
 * Small uploads cost three round trips each, so on a distant server the link idles unless many run
 * at once. 1,000 atomic 30 KB uploads, medians of 3 rounds: with 20 ms added each way 8 / 16 / 32 / 64
 * in flight gave 53 / 82 / 142 / 170 files/s; on loopback 594 / 653 / 540 / 363 (64 costs CPU there).
 */
export const DEFAULT_SFTP_TRANSFERS_IN_FLIGHT = 32;
/**
 * From this size a transfer's own thread and connection (tens of milliseconds to start) pay for
 * themselves, when the user turned transfer threads on.
 */
export const LARGE_FILE_THREAD_MIN_BYTES = 32 * 1024 * 1024;
const TYPE_BY_MODE: Record<number, RemoteEntryType> = {
	0o040000: 'directory',
	0o100000: 'file',
	0o120000: 'symlink',
};

function entryFromStats(path: string, stats: Stats): RemoteEntry {
	return {
		path,
		name: posix.basename(path),
		type: TYPE_BY_MODE[stats.mode & FILE_TYPE_MASK] ?? 'other',
		size: stats.size,
		modifiedAt: new Date(stats.mtime * 1000),
		mode: stats.mode & 0o7777,
	};
}

/** SFTP over ssh2-sftp-client; requests run pipelined on one channel, so several transfers may be in flight. */
export class SftpExchangeClient extends BaseExchangeClient {
	readonly protocol = 'sftp' as const;
	private transfersInFlight = DEFAULT_SFTP_TRANSFERS_IN_FLIGHT;
	/** Streamed uploads of at least this many bytes run on a thread of their own (sftp-upload-thread). */
	private uploadThreadMinBytes: number;
	/** Downloads of at least this many bytes run on a thread of their own (sftp-download-thread). */
	private downloadThreadMinBytes: number;
	protected readonly endpoint: string;
	private client: SftpClient | undefined;
	private wrapper: SFTPWrapper | undefined;
	private presentedHostKey: PresentedHostKey | undefined;
	/** Open transfer streams: a dropped connection must fail them instead of leaving them waiting forever. */
	private readonly transfers = new Set<Writable | Readable>();
	/** Downloads running on threads of their own: closing this client stops them too. */
	private readonly threadDownloads = new Set<Readable>();

	constructor(private readonly options: SftpConnectionOptions) {
		super();
		this.endpoint = `${options.host}:${options.port}`;
		this.uploadThreadMinBytes = options.uploadThreadMinBytes ?? Number.POSITIVE_INFINITY;
		this.downloadThreadMinBytes = options.downloadThreadMinBytes ?? Number.POSITIVE_INFINITY;
	}

	/**
	 * Uploads and downloads of 32 MiB and more then run on a thread and connection of their own: faster
	 * inside n8n, whose main thread and large heap slow SSH's per-packet work, at the memory of a second heap.
	 */
	moveLargeFilesOnThreads(): void {
		this.uploadThreadMinBytes = LARGE_FILE_THREAD_MIN_BYTES;
		this.downloadThreadMinBytes = LARGE_FILE_THREAD_MIN_BYTES;
	}

	/** The sizes from which a streamed upload and a download run on a thread of their own; Infinity when none does. */
	get threadThresholds(): { upload: number; download: number } {
		return { upload: this.uploadThreadMinBytes, download: this.downloadThreadMinBytes };
	}

	get maxParallelTransfers(): number {
		return this.transfersInFlight;
	}

	setMaxParallelTransfers(count: number): void {
		this.transfersInFlight = checkedTransfersInFlight(count);
	}

	/** The host key the server presented on connect. */
	get hostKey(): PresentedHostKey | undefined {
		return this.presentedHostKey;
	}

	async connect(): Promise<void> {
		const connection = await connectSftp(this.options);
		this.client = connection.client;
		this.wrapper = connection.sftp;
		this.presentedHostKey = connection.hostKey;
		const wrapper = connection.sftp;
		const onLost = () => this.connectionLost(wrapper);
		wrapper.once('close', onLost);
		wrapper.once('end', onLost);
		connection.client.on('close', onLost);
		connection.client.on('end', onLost);
	}

	private connectionLost(wrapper: SFTPWrapper): void {
		if (this.wrapper !== wrapper) return;
		this.wrapper = undefined;
		for (const stream of this.transfers) {
			stream.destroy(
				new ExchangeError('connectionLost', `the connection to ${this.endpoint} was lost during a transfer`),
			);
		}
		this.transfers.clear();
	}

	private track<T extends Writable | Readable>(stream: T): T {
		this.transfers.add(stream);
		stream.once('close', () => this.transfers.delete(stream));
		return stream;
	}

	async close(): Promise<void> {
		const client = this.client;
		this.client = undefined;
		this.wrapper = undefined;
		for (const download of this.threadDownloads) {
			download.destroy(new ExchangeError('connectionLost', `the connection to ${this.endpoint} was closed during a transfer`));
		}
		await client?.end().catch(() => undefined);
	}

	private get sftp(): SFTPWrapper {
		if (!this.wrapper) throw new ExchangeError('connectionLost', `not connected to ${this.endpoint}`);
		return this.wrapper;
	}

	/** Runs one callback-style SFTP request and maps its error; a server that never answers times out. */
	private async request<T>(
		operation: string,
		path: string,
		run: (sftp: SFTPWrapper, done: (error: Error | null | undefined, value?: T) => void) => void,
	): Promise<T> {
		const sftp = this.sftp;
		const timeoutMs = this.options.operationTimeoutMs ?? DEFAULT_OPERATION_TIMEOUT_MS;
		return await new Promise<T>((resolve, reject) => {
			const timer = setTimeout(
				() =>
					reject(
						new ExchangeError(
							'timeout',
							`${operation} ${path}: no answer from ${this.endpoint} within ${timeoutMs} ms`,
						),
					),
				timeoutMs,
			);
			const done = (error: Error | null | undefined, value?: T) => {
				clearTimeout(timer);
				if (error) reject(this.mapError(error, operation, path));
				else resolve(value as T);
			};
			try {
				run(sftp, done);
			} catch (error) {
				done(error as Error);
			}
		});
	}

	private mapError(error: unknown, operation: string, path: string): ExchangeError {
		return sftpOperationError(error, operation, path, this.endpoint);
	}

	async stat(path: string): Promise<RemoteEntry | undefined> {
		const stats = await this.request<Stats>('stat', path, (sftp, done) => sftp.stat(path, done)).catch(
			(error: unknown) => {
				if (error instanceof ExchangeError && error.kind === 'notFound') return undefined;
				throw error;
			},
		);
		return stats && entryFromStats(path, stats);
	}

	async realpath(path: string): Promise<string> {
		return await this.request<string>('realpath', path, (sftp, done) => sftp.realpath(path, done));
	}

	async download(path: string): Promise<Readable> {
		const entry = await this.stat(path);
		if (!entry) throw new ExchangeError('notFound', `download ${path}: no such file`);
		if (entry.type !== 'file') throw new ExchangeError('other', `download ${path}: it is a ${entry.type}, not a file`);
		if (entry.size >= this.downloadThreadMinBytes) {
			// Without a thread (no temporary file on this machine, say) the download still runs here.
			const threaded = await readInThread(this.options, path).catch(() => undefined);
			if (threaded) {
				this.threadDownloads.add(threaded);
				threaded.once('close', () => this.threadDownloads.delete(threaded));
				return threaded;
			}
		}
		const output = new PassThrough();
		const input = this.track(new SftpPipelinedReadStream(this.sftp, path, { size: entry.size }));
		output.once('close', () => input.destroy());
		input.on('error', (error: Error) => output.destroy(this.mapError(error, 'read', path)));
		input.pipe(output);
		return output;
	}

	async delete(path: string): Promise<void> {
		await this.request<void>('delete', path, (sftp, done) => sftp.unlink(path, done));
	}

	protected async listFolder(folder: string): Promise<RemoteEntry[]> {
		const entries = await this.request<FileEntryWithStats[]>('list', folder, (sftp, done) =>
			sftp.readdir(folder, done),
		);
		return entries
			.filter((entry) => entry.filename !== '.' && entry.filename !== '..')
			.map((entry) => entryFromStats(posix.join(folder, entry.filename), entry.attrs));
	}

	protected async makeFolder(path: string): Promise<void> {
		await this.request<void>('create folder', path, (sftp, done) => sftp.mkdir(path, done));
	}

	protected async setMode(path: string, mode: number): Promise<void> {
		await this.request<void>('chmod', path, (sftp, done) => sftp.chmod(path, mode, done));
	}

	protected async writeFile(path: string, content: Readable | Buffer, mode?: number, hints: WriteHints = {}): Promise<WrittenFile> {
		if (Buffer.isBuffer(content)) return await this.writeBuffer(path, content, mode);
		if (hints.size !== undefined && hints.size >= this.uploadThreadMinBytes) {
			// The thread reads a local copy itself when there is one: this thread then has nothing to pass on.
			if (hints.localFile) content.destroy();
			const source = hints.localFile ? { localFile: hints.localFile } : content;
			return await writeInThread(this.options, path, source, mode).catch((error: unknown) => {
				throw this.mapError(error, 'write', path);
			});
		}
		return await this.writeStream(path, content, mode);
	}

	/** Streams `content` to `path` over this client's own connection. */
	async writeStream(path: string, content: Readable, mode?: number): Promise<WrittenFile> {
		const output = this.track(new SftpPipelinedWriteStream(this.sftp, path, { mode }));
		await pipeline(content, output).catch((error: unknown) => {
			throw this.mapError(error, 'write', path);
		});
		return { bytes: output.bytes, modeSet: mode !== undefined && !output.modeError, modeError: output.modeError };
	}

	/**
	 * Open, then the data, the mode and the close sent back to back and answered together: two round
	 * trips per file instead of one per request. A server handles the requests on one handle in the
	 * order they were sent, so the close follows the last write.
	 */
	private async writeBuffer(path: string, content: Buffer, mode: number | undefined): Promise<WrittenFile> {
		const handle = await this.request<Buffer>('write', path, (sftp, done) => sftp.open(path, 'w', done));
		const writes: Array<Promise<void>> = [];
		for (let offset = 0; offset < content.length; offset += PORTABLE_DATA_BYTES) {
			const length = Math.min(PORTABLE_DATA_BYTES, content.length - offset);
			writes.push(
				this.request<void>('write', path, (sftp, done) =>
					sftp.write(handle, content, offset, length, offset, (error) => done(error)),
				),
			);
		}
		const modeOutcome =
			mode === undefined
				? Promise.resolve(undefined)
				: this.request<void>('chmod', path, (sftp, done) => sftp.fchmod(handle, mode, done)).then(
						() => undefined,
						(error: unknown) => error as Error,
					);
		const closed = this.request<void>('close', path, (sftp, done) => sftp.close(handle, done));
		const [writeOutcomes, closeOutcome] = await Promise.all([Promise.allSettled(writes), Promise.allSettled([closed])]);
		for (const outcome of [...writeOutcomes, ...closeOutcome]) {
			if (outcome.status === 'rejected') throw outcome.reason;
		}
		const modeError = await modeOutcome;
		return { bytes: content.length, modeSet: mode !== undefined && !modeError, modeError };
	}

	protected async rename(from: string, to: string): Promise<void> {
		await this.request<void>('rename', `${from} → ${to}`, (sftp, done) => sftp.rename(from, to, done));
	}

	/** `posix-rename@openssh.com` replaces atomically; servers without it get a rename-aside replace. */
	protected async replace(from: string, to: string): Promise<void> {
		await this.request<void>('rename', `${from} → ${to}`, (sftp, done) =>
			sftp.ext_openssh_rename(from, to, done),
		).catch(async (error: unknown) => {
			if (!/does not support/i.test((error as Error).message)) throw error;
			await this.replaceAside(from, to);
		});
	}
}
