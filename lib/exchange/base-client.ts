import { createHash, randomBytes } from 'node:crypto';
import { posix } from 'node:path';
import type { Readable } from 'node:stream';
import picomatch from 'picomatch';

import type {
	ExchangeProtocol,
	FileExchangeClient,
	ListOptions,
	MoveOptions,
	RemoteEntry,
	UploadOptions,
	UploadResult,
	UploadSource,
	UploadStatus,
} from './client';
import { ExchangeError } from './errors';
import { partPathFor } from './paths/part-files';
import { firstControlCharacter } from '../text/control-characters';

export { PART_SUFFIX } from './paths/part-files';
const MAX_RENAME_ATTEMPTS = 1000;

async function sha256Of(content: Readable | Buffer): Promise<string> {
	const hash = createHash('sha256');
	if (Buffer.isBuffer(content)) return hash.update(content).digest('hex');
	for await (const chunk of content) hash.update(chunk as Buffer);
	return hash.digest('hex');
}

/** The buffer itself, or a freshly opened stream. */
async function contentOf(source: UploadSource): Promise<Readable | Buffer> {
	return Buffer.isBuffer(source) ? source : await source();
}

/** What a protocol's file writer may use besides the content itself. */
export interface WriteHints {
	/** The content's size when known: lets a protocol choose how to move a large file. */
	size?: number;
	/** A local file with the same bytes (UploadOptions.localFile). */
	localFile?: string;
}

/** What a protocol's file writer did. */
export interface WrittenFile {
	bytes: number;
	/** The writer set the requested mode on the open file itself. */
	modeSet: boolean;
	/** The server refused the mode the writer tried to set on the open file. */
	modeError?: Error;
}

/** `invoice.xml` → `invoice-1.xml`, `invoice-2.xml`, … */
export function numberedName(path: string, attempt: number): string {
	const folder = posix.dirname(path);
	const extension = posix.extname(path);
	const stem = posix.basename(path, extension);
	return posix.join(folder, `${stem}-${attempt}${extension}`);
}

/** A pattern without `/` matches the file name at any depth; one with `/` the path relative to the listed folder. */
function globMatcher(glob: string | undefined): (relativePath: string) => boolean {
	if (!glob) return () => true;
	const isMatch = picomatch(glob, { dot: true });
	return glob.includes('/') ? isMatch : (relativePath) => isMatch(posix.basename(relativePath));
}

/** Only a file (or nothing) may be replaced by an upload. */
function assertReplaceable(path: string, existing: RemoteEntry | undefined): void {
	if (existing && existing.type !== 'file') {
		throw new ExchangeError('exists', `cannot upload to ${path}: a ${existing.type} of that name exists`);
	}
}

/** A name this package creates on a server never holds a control character (see `firstControlCharacter`). */
function assertWritableName(path: string): void {
	const control = firstControlCharacter(path);
	if (control) {
		throw new ExchangeError('invalidName', `the remote path ${JSON.stringify(path)} holds the control character ${control}; remove it from the name`);
	}
}

/**
 * The behaviour both protocols share (conflicts, atomic upload, folders, recursive listing), built on
 * a handful of single-step primitives each protocol implements.
 */
export abstract class BaseExchangeClient implements FileExchangeClient {
	abstract readonly protocol: ExchangeProtocol;
	abstract readonly maxParallelTransfers: number;
	abstract setMaxParallelTransfers(count: number): void;
	/** `host:port`, for error messages (never credentials). */
	protected abstract readonly endpoint: string;

	abstract connect(): Promise<void>;
	abstract close(): Promise<void>;
	abstract stat(path: string): Promise<RemoteEntry | undefined>;
	abstract realpath(path: string): Promise<string>;
	abstract download(path: string): Promise<Readable>;
	abstract delete(path: string): Promise<void>;

	/**
	 * Entries directly inside a folder, without `.` and `..`. A protocol that pays per entry for
	 * details (FTP's MDTM) may leave out the files whose name `wanted` refuses; folders always come.
	 */
	protected abstract listFolder(folder: string, wanted?: (name: string) => boolean): Promise<RemoteEntry[]>;
	protected abstract makeFolder(path: string): Promise<void>;
	protected abstract setMode(path: string, mode: number): Promise<void>;
	/**
	 * Writes the content to the path, truncating what is there. A writer that can set `mode` on the
	 * open file (saving a round trip) says so in its result; otherwise the caller sets it afterwards.
	 */
	protected abstract writeFile(path: string, content: Readable | Buffer, mode?: number, hints?: WriteHints): Promise<WrittenFile>;
	/** Renames onto a free name; fails when the destination exists. */
	protected abstract rename(from: string, to: string): Promise<void>;
	/** Renames over an existing file, atomically where the protocol allows it. */
	protected abstract replace(from: string, to: string): Promise<void>;

	async list(folder: string, options: ListOptions = {}): Promise<RemoteEntry[]> {
		const matches = globMatcher(options.glob);
		const wantedName = options.glob && !options.glob.includes('/') ? picomatch(options.glob, { dot: true }) : undefined;
		const result: RemoteEntry[] = [];
		// An explicit queue instead of recursion: very deep or wide trees must not overflow the stack.
		const pending = [folder];
		while (pending.length > 0) {
			const current = pending.shift() as string;
			for (const entry of await this.listFolder(current, wantedName)) {
				const relative = posix.relative(folder, entry.path);
				if (entry.type === 'directory') {
					if (options.recursive) pending.push(entry.path);
					if (!options.includeFolders) continue;
				}
				if (matches(relative)) result.push(entry);
			}
		}
		return result;
	}

	async mkdirp(path: string, mode?: number): Promise<void> {
		assertWritableName(path);
		const missing: string[] = [];
		let current = posix.normalize(path);
		while (current !== '/' && current !== '.') {
			const entry = await this.stat(current);
			if (entry?.type === 'directory') break;
			if (entry) throw new ExchangeError('exists', `cannot create folder ${current}: a file is in the way`);
			missing.unshift(current);
			current = posix.dirname(current);
		}
		for (const folder of missing) {
			const created = await this.makeFolder(folder).then(
				() => true,
				async (error: unknown) => {
					// Another transfer in flight may have created it a moment ago.
					if ((await this.stat(folder))?.type !== 'directory') throw error;
					return false;
				},
			);
			if (created && mode !== undefined) await this.setMode(folder, mode);
		}
	}

	async upload(source: UploadSource, path: string, options: UploadOptions): Promise<UploadResult> {
		assertWritableName(path);
		if (options.onConflict === 'overwrite' && options.atomic) return await this.overwriteAtomically(source, path, options);
		const warnings: string[] = [];
		const existing = await this.stat(path);
		assertReplaceable(path, existing);
		let target = path;
		let status: UploadStatus = 'uploaded';
		if (existing) {
			switch (options.onConflict) {
				case 'fail':
					throw new ExchangeError('exists', `cannot upload to ${path}: the file already exists`);
				case 'skipIfIdentical':
					if (await this.hasSameContent(source, existing, options.size)) {
						return { path, status: 'skipped', bytes: existing.size, warnings };
					}
					status = 'overwritten';
					break;
				case 'overwrite':
					status = 'overwritten';
					break;
				case 'rename':
					target = await this.freeName(path);
					status = 'renamed';
					break;
			}
		}
		const written = options.atomic
			? await this.writeAtomically(source, target, options, warnings)
			: await this.writeInPlace(source, target, options, warnings);
		return { path: target, status, bytes: written, warnings };
	}

	/**
	 * Overwrite needs what exists at the path only to refuse a folder and to report the status: it is
	 * looked up while the part file is written, and checked before the rename.
	 */
	private async overwriteAtomically(source: UploadSource, path: string, options: UploadOptions): Promise<UploadResult> {
		const warnings: string[] = [];
		const lookup = this.stat(path);
		// Awaited below; a failure while the part file is still being written must not go unhandled.
		lookup.catch(() => undefined);
		let existing: RemoteEntry | undefined;
		const bytes = await this.writeAtomically(source, path, options, warnings, async () => {
			existing = await lookup;
			assertReplaceable(path, existing);
		});
		return { path, status: existing ? 'overwritten' : 'uploaded', bytes, warnings };
	}

	async move(from: string, to: string, options: MoveOptions = {}): Promise<void> {
		assertWritableName(to);
		const existing = await this.stat(to);
		if (existing && !options.overwrite) {
			throw new ExchangeError('exists', `cannot move ${from} to ${to}: the destination already exists`);
		}
		if (existing) await this.replace(from, to);
		else await this.rename(from, to);
	}

	/**
	 * Replace for servers without an atomic overwriting rename: the old file steps aside, the new one
	 * takes its name, the old one is removed. Readers may briefly see no file, never a partial one.
	 */
	protected async replaceAside(from: string, to: string): Promise<void> {
		if (!(await this.stat(to))) {
			await this.rename(from, to);
			return;
		}
		const aside = `${to}.replaced-${randomBytes(4).toString('hex')}`;
		await this.rename(to, aside);
		await this.rename(from, to).catch(async (error: unknown) => {
			await this.rename(aside, to).catch(() => undefined);
			throw error;
		});
		await this.removeQuietly(aside);
	}

	private async writeAtomically(
		source: UploadSource,
		target: string,
		options: UploadOptions,
		warnings: string[],
		beforeRename?: () => Promise<void>,
	): Promise<number> {
		const part = this.partPath(target);
		const place = async () => {
			const written = await this.writeFile(part, await contentOf(source), options.mode, options);
			await this.applyMode(part, options, warnings, written);
			await beforeRename?.();
			await this.replace(part, target);
			return written.bytes;
		};
		return await place().catch(async (error: unknown) => {
			await this.removeQuietly(part);
			throw error;
		});
	}

	private async writeInPlace(
		source: UploadSource,
		target: string,
		options: UploadOptions,
		warnings: string[],
	): Promise<number> {
		const written = await this.writeFile(target, await contentOf(source), options.mode, options);
		await this.applyMode(target, options, warnings, written);
		return written.bytes;
	}

	/** The part file one upload of `target` writes before renaming it into place. */
	protected partPath(target: string): string {
		return partPathFor(target);
	}

	private async applyMode(path: string, options: UploadOptions, warnings: string[], written: WrittenFile): Promise<void> {
		const mode = options.mode;
		if (mode === undefined || written.modeSet) return;
		const failure =
			written.modeError ??
			(await this.setMode(path, mode).then(
				() => undefined,
				(error: unknown) => error as Error,
			));
		if (!failure) return;
		if (!options.permissionsBestEffort) throw failure;
		warnings.push(`could not set mode ${mode.toString(8)} on ${path}: ${failure.message}`);
	}

	private async hasSameContent(source: UploadSource, existing: RemoteEntry, sourceSize?: number): Promise<boolean> {
		if (sourceSize !== undefined && sourceSize !== existing.size) return false;
		const localHash = await sha256Of(await contentOf(source));
		const remoteHash = await sha256Of(await this.download(existing.path));
		return localHash === remoteHash;
	}

	private async freeName(path: string): Promise<string> {
		for (let attempt = 1; attempt <= MAX_RENAME_ATTEMPTS; attempt++) {
			const candidate = numberedName(path, attempt);
			if (!(await this.stat(candidate))) return candidate;
		}
		throw new ExchangeError('exists', `no free name found next to ${path} after ${MAX_RENAME_ATTEMPTS} attempts`);
	}

	private async removeQuietly(path: string): Promise<void> {
		// The connection may be gone: a leftover part file is swept by a later run once it is stale.
		await this.delete(path).catch(() => undefined);
	}
}
