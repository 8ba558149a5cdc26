import type { Readable } from 'node:stream';

export type ExchangeProtocol = 'sftp' | 'ftp';

export type RemoteEntryType = 'file' | 'directory' | 'symlink' | 'other';

export interface RemoteEntry {
	/** Absolute remote path. */
	path: string;
	name: string;
	type: RemoteEntryType;
	size: number;
	modifiedAt?: Date;
	/** Permission bits (such as 0o664) when the server reports them. */
	mode?: number;
}

export interface ListOptions {
	recursive?: boolean;
	/** picomatch glob matched against the path relative to the listed folder (`*.xml`, `**\/*.pdf`). */
	glob?: string;
	/** Include folders in the result (they are always descended into when recursive). */
	includeFolders?: boolean;
}

/** What to do when the target file already exists. */
export type ConflictMode = 'skipIfIdentical' | 'overwrite' | 'rename' | 'fail';

/**
 * The content to upload: a buffer (small files, written without a stream) or a function opening a
 * stream, called again when the content must be read twice (hash, then write).
 */
export type UploadSource = Buffer | (() => Promise<Readable> | Readable);

export interface UploadOptions {
	/** Write `name.<random>.part` and rename it over the final name, so readers never see a half file. */
	atomic: boolean;
	/** File mode such as 0o664; undefined leaves the server's default. */
	mode?: number;
	onConflict: ConflictMode;
	/** A failing chmod becomes a warning instead of an error (managed servers that refuse chmod). */
	permissionsBestEffort?: boolean;
	/** Size of the source when known; saves hashing when the remote size already differs. */
	size?: number;
	/**
	 * A file on this machine holding the same bytes as the source (n8n's binary data on disk): a client
	 * that moves a large upload on a thread of its own reads it there, without the caller's thread.
	 */
	localFile?: string;
}

export type UploadStatus = 'uploaded' | 'overwritten' | 'renamed' | 'skipped';

export interface UploadResult {
	path: string;
	status: UploadStatus;
	bytes: number;
	warnings: string[];
}

export interface MoveOptions {
	/** Replace an existing file at the destination. */
	overwrite?: boolean;
}

/** One interface over SFTP and FTP(S); every path is absolute. */
export interface FileExchangeClient {
	readonly protocol: ExchangeProtocol;
	/** How many transfers may run at the same time on this one connection. */
	readonly maxParallelTransfers: number;
	/**
	 * Asks for `count` transfers at the same time (1 to MAX_TRANSFERS_IN_FLIGHT, else a RangeError).
	 * A protocol carrying one transfer per connection (FTP) validates it and keeps 1.
	 */
	setMaxParallelTransfers(count: number): void;
	connect(): Promise<void>;
	list(folder: string, options?: ListOptions): Promise<RemoteEntry[]>;
	/** undefined when nothing exists at the path. */
	stat(path: string): Promise<RemoteEntry | undefined>;
	realpath(path: string): Promise<string>;
	/** Creates the folder and its missing parents with the given mode (such as 0o755). */
	mkdirp(path: string, mode?: number): Promise<void>;
	upload(source: UploadSource, path: string, options: UploadOptions): Promise<UploadResult>;
	download(path: string): Promise<Readable>;
	move(from: string, to: string, options?: MoveOptions): Promise<void>;
	delete(path: string): Promise<void>;
	close(): Promise<void>;
}
