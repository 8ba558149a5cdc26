import { mkdirSync } from 'node:fs';
import { mkdir, open, readdir, rename, rm, rmdir, stat, chmod, utimes, type FileHandle } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { timingSafeEqual } from 'node:crypto';

import { Server, utils, type Attributes, type Connection, type SFTPWrapper } from 'ssh2';

import { longName } from './long-name';
import { JailedPaths } from './sftp-paths';

const { STATUS_CODE, OPEN_MODE } = utils.sftp;
// Names per READDIR answer, so a large folder never makes one oversized packet.
const NAMES_PER_ANSWER = 100;

export interface DemoSftpOptions {
	/** Folder on disk that is `/` for the client. */
	root: string;
	/** OpenSSH private key text of the server's host key. */
	hostKey: string;
	username: string;
	password: string;
}

export interface DemoSftpServer {
	host: string;
	port: number;
	stop(): Promise<void>;
}

type Handle = { kind: 'file'; file: FileHandle } | { kind: 'folder'; path: string; names?: string[] };

function sameSecret(given: string, expected: string): boolean {
	const a = Buffer.from(given);
	const b = Buffer.from(expected);
	return a.length === b.length && timingSafeEqual(a, b);
}

function attributesOf(stats: { mode: number; uid: number; gid: number; size: number; atimeMs: number; mtimeMs: number }): Attributes {
	return {
		mode: stats.mode,
		uid: stats.uid,
		gid: stats.gid,
		size: stats.size,
		atime: Math.floor(stats.atimeMs / 1000),
		mtime: Math.floor(stats.mtimeMs / 1000),
	};
}

function statusFor(error: unknown): number {
	const code = (error as NodeJS.ErrnoException).code;
	if (code === 'ENOENT' || code === 'ENOTDIR') return STATUS_CODE.NO_SUCH_FILE;
	if (code === 'EACCES' || code === 'EPERM') return STATUS_CODE.PERMISSION_DENIED;
	return STATUS_CODE.FAILURE;
}

function openFlags(flags: number): string {
	const write = (flags & OPEN_MODE.WRITE) !== 0;
	const read = (flags & OPEN_MODE.READ) !== 0;
	const create = (flags & OPEN_MODE.CREAT) !== 0;
	const truncate = (flags & OPEN_MODE.TRUNC) !== 0;
	const exclusive = (flags & OPEN_MODE.EXCL) !== 0;
	const append = (flags & OPEN_MODE.APPEND) !== 0;
	if (!write) return 'r';
	if (append) return `${exclusive ? 'ax' : 'a'}${read ? '+' : ''}`;
	if (create || truncate) return `${exclusive ? 'wx' : 'w'}${read ? '+' : ''}`;
	return 'r+';
}

async function applyAttributes(path: string, attrs: Attributes): Promise<void> {
	if (attrs.mode !== undefined) await chmod(path, attrs.mode & 0o7777);
	if (attrs.atime !== undefined && attrs.mtime !== undefined) await utimes(path, attrs.atime, attrs.mtime);
}

/**
 * The SFTP requests the File Exchange node and common clients use, served from one folder on disk.
 * `end` closes this client's connection: called when an answer cannot be written any more.
 */
function serveSftp(sftp: SFTPWrapper, paths: JailedPaths, owner: string, end: () => void): void {
	const handles = new Map<number, Handle>();
	let nextHandle = 1;
	const newHandle = (handle: Handle) => {
		const id = nextHandle++;
		handles.set(id, handle);
		const buffer = Buffer.alloc(4);
		buffer.writeUInt32BE(id);
		return buffer;
	};
	const handleOf = (buffer: Buffer) => (buffer.length === 4 ? handles.get(buffer.readUInt32BE(0)) : undefined);
	// A client can go away while its answer is being written (with compression on, ssh2 then throws
	// from the closed compressor): that ends this connection, never the server.
	const answer = (reqId: number, work: () => Promise<void>) => {
		work()
			.catch((error: unknown) => sftp.status(reqId, statusFor(error), (error as Error).message))
			.catch(end);
	};
	const ok = (reqId: number) => sftp.status(reqId, STATUS_CODE.OK);

	sftp.on('OPEN', (reqId, filename, flags, attrs) =>
		answer(reqId, async () => {
			const path = paths.onDisk(filename);
			const file = await open(path, openFlags(flags), attrs.mode === undefined ? 0o644 : attrs.mode & 0o7777);
			sftp.handle(reqId, newHandle({ kind: 'file', file }));
		}),
	);
	sftp.on('READ', (reqId, buffer, offset, length) =>
		answer(reqId, async () => {
			const handle = handleOf(buffer);
			if (handle?.kind !== 'file') return void sftp.status(reqId, STATUS_CODE.FAILURE, 'not a file handle');
			const data = Buffer.alloc(length);
			const { bytesRead } = await handle.file.read(data, 0, length, offset);
			if (bytesRead === 0) return void sftp.status(reqId, STATUS_CODE.EOF);
			sftp.data(reqId, data.subarray(0, bytesRead));
		}),
	);
	sftp.on('WRITE', (reqId, buffer, offset, data) =>
		answer(reqId, async () => {
			const handle = handleOf(buffer);
			if (handle?.kind !== 'file') return void sftp.status(reqId, STATUS_CODE.FAILURE, 'not a file handle');
			await handle.file.write(data, 0, data.length, offset);
			ok(reqId);
		}),
	);
	sftp.on('FSTAT', (reqId, buffer) =>
		answer(reqId, async () => {
			const handle = handleOf(buffer);
			if (handle?.kind !== 'file') return void sftp.status(reqId, STATUS_CODE.FAILURE, 'not a file handle');
			sftp.attrs(reqId, attributesOf(await handle.file.stat()));
		}),
	);
	sftp.on('FSETSTAT', (reqId, buffer, attrs) =>
		answer(reqId, async () => {
			const handle = handleOf(buffer);
			if (handle?.kind !== 'file') return void sftp.status(reqId, STATUS_CODE.FAILURE, 'not a file handle');
			if (attrs.mode !== undefined) await handle.file.chmod(attrs.mode & 0o7777);
			ok(reqId);
		}),
	);
	sftp.on('CLOSE', (reqId, buffer) =>
		answer(reqId, async () => {
			const handle = handleOf(buffer);
			if (!handle) return void sftp.status(reqId, STATUS_CODE.FAILURE, 'unknown handle');
			handles.delete(buffer.readUInt32BE(0));
			if (handle.kind === 'file') await handle.file.close();
			ok(reqId);
		}),
	);
	sftp.on('OPENDIR', (reqId, path) =>
		answer(reqId, async () => {
			const disk = paths.onDisk(path);
			if (!(await stat(disk)).isDirectory()) return void sftp.status(reqId, STATUS_CODE.FAILURE, 'not a folder');
			sftp.handle(reqId, newHandle({ kind: 'folder', path: disk }));
		}),
	);
	sftp.on('READDIR', (reqId, buffer) =>
		answer(reqId, async () => {
			const handle = handleOf(buffer);
			if (handle?.kind !== 'folder') return void sftp.status(reqId, STATUS_CODE.FAILURE, 'not a folder handle');
			handle.names ??= await readdir(handle.path);
			const batch = handle.names.splice(0, NAMES_PER_ANSWER);
			if (batch.length === 0) return void sftp.status(reqId, STATUS_CODE.EOF);
			const names = [];
			for (const name of batch) {
				// An entry removed since the folder was read is left out.
				const stats = await stat(`${handle.path}/${name}`).catch(() => undefined);
				if (stats) names.push({ filename: name, longname: longName(name, stats, owner), attrs: attributesOf(stats) });
			}
			sftp.name(reqId, names);
		}),
	);
	const statHandler = (reqId: number, path: string) =>
		answer(reqId, async () => sftp.attrs(reqId, attributesOf(await stat(paths.onDisk(path)))));
	sftp.on('STAT', statHandler);
	sftp.on('LSTAT', statHandler);
	sftp.on('SETSTAT', (reqId, path, attrs) =>
		answer(reqId, async () => {
			await applyAttributes(paths.onDisk(path), attrs);
			ok(reqId);
		}),
	);
	sftp.on('REALPATH', (reqId, path) =>
		answer(reqId, async () => {
			const virtual = paths.virtual(path);
			sftp.name(reqId, [{ filename: virtual, longname: virtual, attrs: {} as Attributes }]);
		}),
	);
	sftp.on('MKDIR', (reqId, path, attrs) =>
		answer(reqId, async () => {
			await mkdir(paths.onDisk(path), { mode: attrs.mode === undefined ? 0o755 : attrs.mode & 0o7777 });
			ok(reqId);
		}),
	);
	sftp.on('RMDIR', (reqId, path) =>
		answer(reqId, async () => {
			await rmdir(paths.onDisk(path));
			ok(reqId);
		}),
	);
	sftp.on('REMOVE', (reqId, path) =>
		answer(reqId, async () => {
			if ((await stat(paths.onDisk(path))).isDirectory()) return void sftp.status(reqId, STATUS_CODE.FAILURE, 'is a folder');
			await rm(paths.onDisk(path));
			ok(reqId);
		}),
	);
	sftp.on('RENAME', (reqId, from, to) =>
		answer(reqId, async () => {
			// SFTP v3 rename does not replace an existing file (clients rename aside first).
			const target = paths.onDisk(to);
			const exists = await stat(target).then(
				() => true,
				() => false,
			);
			if (exists) return void sftp.status(reqId, STATUS_CODE.FAILURE, `${paths.virtual(to)} exists`);
			await rename(paths.onDisk(from), target);
			ok(reqId);
		}),
	);
	sftp.on('close', () => {
		for (const handle of handles.values()) if (handle.kind === 'file') handle.file.close().catch(() => undefined);
		handles.clear();
	});
	sftp.on('error', end);
}

/** Ends a connection whose transport may already be broken: saying goodbye can then throw too. */
function endQuietly(client: Connection): void {
	try {
		client.end();
	} catch {
		// Already gone: its socket closes on its own.
	}
}

function acceptClient(client: Connection, options: DemoSftpOptions, paths: JailedPaths): void {
	client.on('authentication', (context) => {
		if (
			context.method === 'password' &&
			sameSecret(context.username, options.username) &&
			sameSecret(context.password, options.password)
		) {
			context.accept();
		} else {
			context.reject(['password']);
		}
	});
	client.on('ready', () => {
		client.on('session', (acceptSession) => {
			const session = acceptSession();
			session.on('sftp', (acceptSftp) => serveSftp(acceptSftp(), paths, options.username, () => endQuietly(client)));
		});
	});
	// A client that drops the connection is not the server's problem.
	client.on('error', () => undefined);
}

/** An SFTP server on 127.0.0.1 for the demo: password login, one folder on disk as its whole file system. */
export async function startDemoSftpServer(options: DemoSftpOptions): Promise<DemoSftpServer> {
	mkdirSync(options.root, { recursive: true });
	const paths = new JailedPaths(options.root);
	const server = new Server({ hostKeys: [options.hostKey] }, (client) => acceptClient(client, options, paths));
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve());
	});
	const { port } = server.address() as AddressInfo;
	return {
		host: '127.0.0.1',
		port,
		stop: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
