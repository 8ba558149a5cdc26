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

export const PART_SUFFIX = '.part';
const MAX_RENAME_ATTEMPTS = 1000;

async function sha256Of(stream: Readable): Promise<string> {
	const hash = createHash('sha256');
	for await (const chunk of stream) hash.update(chunk as Buffer);
	return hash.digest('hex');
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

/**
 * The behaviour both protocols share (conflicts, atomic upload, folders, recursive listing), built on
 * a handful of single-step primitives each protocol implements.
 */
export abstract class BaseExchangeClient implements FileExchangeClient {
	abstract readonly protocol: ExchangeProtocol;
	abstract readonly maxParallelTransfers: number;
	/** `host:port`, for error messages (never credentials). */
	protected abstract readonly endpoint: string;

	abstract connect(): Promise<void>;
	abstract close(): Promise<void>;
	abstract stat(path: string): Promise<RemoteEntry | undefined>;
	abstract realpath(path: string): Promise<string>;
	abstract download(path: string): Promise<Readable>;
	abstract delete(path: string): Promise<void>;

	/** Entries directly inside a folder, without `.` and `..`. */
	protected abstract listFolder(folder: string): Promise<RemoteEntry[]>;
	protected abstract makeFolder(path: string): Promise<void>;
	protected abstract setMode(path: string, mode: number): Promise<void>;
	/** Writes the stream to the path, truncating what is there; resolves with the bytes written. */
	protected abstract writeFile(path: string, source: Readable): Promise<number>;
	/** Renames onto a free name; fails when the destination exists. */
	protected abstract rename(from: string, to: string): Promise<void>;
	/** Renames over an existing file, atomically where the protocol allows it. */
	protected abstract replace(from: string, to: string): Promise<void>;

	async list(folder: string, options: ListOptions = {}): Promise<RemoteEntry[]> {
		const matches = globMatcher(options.glob);
		const result: RemoteEntry[] = [];
		// An explicit queue instead of recursion: very deep or wide trees must not overflow the stack.
		const pending = [folder];
		while (pending.length > 0) {
			const current = pending.shift() as string;
			for (const entry of await this.listFolder(current)) {
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
		const warnings: string[] = [];
		const existing = await this.stat(path);
		if (existing && existing.type !== 'file') {
			throw new ExchangeError('exists', `cannot upload to ${path}: a ${existing.type} of that name exists`);
		}
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

	async move(from: string, to: string, options: MoveOptions = {}): Promise<void> {
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
	): Promise<number> {
		const part = `${target}${PART_SUFFIX}`;
		const place = async () => {
			const bytes = await this.writePart(part, source);
			await this.applyMode(part, options, warnings);
			await this.replace(part, target);
			return bytes;
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
		const bytes = await this.writeFile(target, await source());
		await this.applyMode(target, options, warnings);
		return bytes;
	}

	/**
	 * Writes the `.part` file. A stale `.part` left by a crashed run is normally just truncated; one
	 * the user may not write (say, left by another account) is removed and written afresh.
	 */
	private async writePart(part: string, source: UploadSource): Promise<number> {
		return await this.writeFile(part, await source()).catch(async (error: unknown) => {
			const refused = error instanceof ExchangeError && error.kind === 'permissionDenied';
			if (!refused || !(await this.stat(part))) throw error;
			await this.delete(part);
			return await this.writeFile(part, await source());
		});
	}

	private async applyMode(path: string, options: UploadOptions, warnings: string[]): Promise<void> {
		if (options.mode === undefined) return;
		const mode = options.mode;
		await this.setMode(path, mode).catch((error: unknown) => {
			if (!options.permissionsBestEffort) throw error;
			warnings.push(`could not set mode ${mode.toString(8)} on ${path}: ${(error as Error).message}`);
		});
	}

	private async hasSameContent(source: UploadSource, existing: RemoteEntry, sourceSize?: number): Promise<boolean> {
		if (sourceSize !== undefined && sourceSize !== existing.size) return false;
		const localHash = await sha256Of(await source());
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
		// The connection may be gone: a leftover `.part` is truncated by the next upload of the file.
		await this.delete(path).catch(() => undefined);
	}
}
