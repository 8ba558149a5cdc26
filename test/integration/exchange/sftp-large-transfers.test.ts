import { createHash, randomBytes } from 'node:crypto';
import { chown, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { readdirSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { SftpExchangeClient } from '../../../lib/exchange/sftp/sftp-client';
import { diskPath, partFilesOnDisk, readAll, sftpOptions, testServers } from './helpers';
import { useSftpSession } from './sftp-session';
import { startTcpProxy, type TcpProxy } from './tcp-proxy';

const MIB = 1024 * 1024;
/** The chunk size of n8n's filesystem binary data streams. */
const SOURCE_CHUNK_BYTES = 64 * 1024;
const uploadOptions = (size: number) => ({ atomic: true, mode: 0o664, onConflict: 'fail', size }) as const;

/** A fresh stream of the content in source-sized chunks, as a binary data file would give it. */
function streamSource(content: Buffer) {
	return () =>
		Readable.from(
			(function* () {
				for (let start = 0; start < content.length; start += SOURCE_CHUNK_BYTES) {
					yield content.subarray(start, start + SOURCE_CHUNK_BYTES);
				}
			})(),
		);
}

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

const placements = [
	{ placement: "on the client's own connection", threads: {} },
	{ placement: 'on threads with connections of their own', threads: { uploadThreadMinBytes: 0, downloadThreadMinBytes: 0 } },
];

/** Scratch files (a threaded download's temporary copy) this process holds open: their names are gone, their descriptors are not. */
function scratchFilesOpen(): number {
	return readdirSync('/proc/self/fd').filter((fd) => {
		try {
			return /file-exchange-.*\.tmp \(deleted\)$/.test(readlinkSync(`/proc/self/fd/${fd}`));
		} catch {
			return false;
		}
	}).length;
}

describe.each(placements)('SFTP streamed transfers with many requests in flight, $placement, against OpenSSH', ({ threads }) => {
	const info = () => testServers().sftp;
	const usesThreads = 'downloadThreadMinBytes' in threads;
	const session = useSftpSession('large', threads);

	it.each([
		{ name: '20 MiB of random bytes', size: 20 * MIB },
		{ name: 'an empty file', size: 0 },
		{ name: 'a single byte', size: 1 },
	])('uploads and downloads $name byte for byte, mode 664', async ({ size }) => {
		const content = randomBytes(size);
		const path = `${session.base}/file-${size}.bin`;
		const result = await session.client.upload(streamSource(content), path, uploadOptions(size));
		expect(result).toMatchObject({ status: 'uploaded', bytes: size });
		const onDisk = await readFile(diskPath(info(), path));
		expect(onDisk.length).toBe(size);
		expect(sha256(onDisk)).toBe(sha256(content));
		expect((await stat(diskPath(info(), path))).mode & 0o777).toBe(0o664);

		const downloaded = await readAll(await session.client.download(path));
		expect(downloaded.length).toBe(size);
		expect(sha256(downloaded)).toBe(sha256(content));
	});

	it('gives up downloads the reader stopped early without holding anything back for later ones', async () => {
		const content = randomBytes(8 * MIB);
		const path = `${session.base}/stopped-early.bin`;
		await session.client.upload(streamSource(content), path, uploadOptions(content.length));
		// More stopped downloads than transfer threads may run at once: a thread kept running would block the last download.
		for (let attempt = 0; attempt < 6; attempt++) {
			const stream = await session.client.download(path);
			await new Promise((resolve) => stream.once('data', resolve));
			expect(scratchFilesOpen()).toBe(usesThreads ? 1 : 0);
			stream.destroy();
		}
		expect(sha256(await readAll(await session.client.download(path)))).toBe(sha256(content));
		await vi.waitFor(() => expect(scratchFilesOpen()).toBe(0));
	});

	it('fails a download still running when its client is closed, leaving nothing open', async () => {
		const path = `${session.base}/closed-midway.bin`;
		await session.client.upload(streamSource(randomBytes(64 * MIB)), path, uploadOptions(64 * MIB));
		const closing = new SftpExchangeClient(sftpOptions(info(), threads));
		await closing.connect();
		const stream = await closing.download(path);
		const reading = readAll(stream).then(
			() => undefined,
			(error: unknown) => error,
		);
		await new Promise((resolve) => stream.once('data', resolve));
		await closing.close();
		expect(await reading).toBeInstanceOf(Error);
		await vi.waitFor(() => expect(scratchFilesOpen()).toBe(0));
	});

	it('downloads on the connection itself when no temporary file can be made', async () => {
		const content = randomBytes(2 * MIB);
		const path = `${session.base}/no-temp-folder.bin`;
		await session.client.upload(streamSource(content), path, uploadOptions(content.length));
		const temporaryFolder = process.env.TMPDIR;
		process.env.TMPDIR = join(tmpdir(), 'no-such-folder-for-scratch-files');
		try {
			expect(sha256(await readAll(await session.client.download(path)))).toBe(sha256(content));
		} finally {
			if (temporaryFolder === undefined) delete process.env.TMPDIR;
			else process.env.TMPDIR = temporaryFolder;
		}
	});

	it('reports permission denied on a folder the user cannot write, leaving nothing behind', async () => {
		const folder = `${session.base}/locked`;
		await mkdir(diskPath(info(), folder), { mode: 0o755 });
		await chown(diskPath(info(), folder), 0, 0);
		const failure = session.client.upload(streamSource(randomBytes(MIB)), `${folder}/x.bin`, uploadOptions(MIB));
		await expect(failure).rejects.toMatchObject({ kind: 'permissionDenied' });
		await expect(failure).rejects.toThrow(/permission denied/);
		expect(await readdir(diskPath(info(), folder))).toEqual([]);
	});

	it('reports permission denied on a file the user cannot read', async () => {
		const path = `${session.base}/unreadable.bin`;
		await writeFile(diskPath(info(), path), randomBytes(MIB), { mode: 0o600 });
		await chown(diskPath(info(), path), 0, 0);
		const failure = session.client.download(path).then(readAll);
		await expect(failure).rejects.toMatchObject({ kind: 'permissionDenied' });
		await expect(failure).rejects.toThrow(/permission denied/);
	});

	it("fails with the source's own error when the data cannot be read, with no final file", async () => {
		const path = `${session.base}/broken-source.bin`;
		const broken = () =>
			Readable.from(
				(async function* () {
					yield randomBytes(SOURCE_CHUNK_BYTES);
					throw new Error('binary data file vanished');
				})(),
			);
		await expect(session.client.upload(broken, path, uploadOptions(2 * SOURCE_CHUNK_BYTES))).rejects.toThrow(
			/binary data file vanished/,
		);
		expect(await session.client.stat(path)).toBeUndefined();
	});

	describe('connection dropped mid-transfer', () => {
		let proxy: TcpProxy;
		let viaProxy: SftpExchangeClient;

		beforeAll(async () => {
			proxy = await startTcpProxy(info().host, info().port);
		});

		afterAll(async () => {
			await viaProxy?.close();
			await proxy?.close();
		});

		async function connectedViaProxy(): Promise<SftpExchangeClient> {
			viaProxy = new SftpExchangeClient(sftpOptions(info(), { host: proxy.host, port: proxy.port, ...threads }));
			await viaProxy.connect();
			return viaProxy;
		}

		async function cutAfterBytesUp(bytes: number): Promise<void> {
			const before = proxy.bytesUp();
			while (proxy.bytesUp() - before < bytes) await new Promise((resolve) => setTimeout(resolve, 5));
			proxy.cutAll();
		}

		it('fails an upload clearly and leaves only its part file, no final file', async () => {
			const path = `${session.base}/dropped-upload.bin`;
			const uploading = await connectedViaProxy();
			const outcome = uploading.upload(streamSource(randomBytes(64 * MIB)), path, uploadOptions(64 * MIB)).then(
				() => undefined,
				(error: unknown) => error,
			);
			await cutAfterBytesUp(2 * MIB);
			const failure = await outcome;
			expect(failure).toMatchObject({ kind: 'connectionLost' });
			expect((failure as Error).message).toMatch(/connection to 127\.0\.0\.1:\d+ was lost/);
			await uploading.close();

			expect(await session.client.stat(path)).toBeUndefined();
			const leftovers = await partFilesOnDisk(info(), path);
			expect(leftovers).toHaveLength(1);
			expect((await stat(diskPath(info(), `${session.base}/${leftovers[0]}`))).size).toBeLessThan(64 * MIB);
		});

		it('fails a download clearly instead of ending early', async () => {
			const path = `${session.base}/dropped-download.bin`;
			await session.client.upload(streamSource(randomBytes(64 * MIB)), path, uploadOptions(64 * MIB));
			const downloading = await connectedViaProxy();
			const stream = await downloading.download(path);
			const reading = readAll(stream).then(
				() => undefined,
				(error: unknown) => error,
			);
			await new Promise((resolve) => stream.once('data', resolve));
			proxy.cutAll();
			const failure = await reading;
			expect(failure).toMatchObject({ kind: 'connectionLost' });
			await downloading.close();
		});
	});
});

describe('SFTP uploads on a thread that reads the local copy itself (n8n binary data on disk), against OpenSSH', () => {
	const info = () => testServers().sftp;
	const session = useSftpSession('large-local', { uploadThreadMinBytes: 0 });
	let localFolder: string;
	/** The stream the node would otherwise send: reading it fails, so a passing upload read the local file. */
	const unreadStream = () =>
		new Readable({
			read() {
				this.destroy(new Error('the stream was read although a local copy was given'));
			},
		});

	beforeAll(async () => {
		localFolder = await mkdtemp(join(tmpdir(), 'local-copy-'));
	});

	afterAll(async () => {
		await rm(localFolder, { recursive: true, force: true });
	});

	it('uploads 20 MiB byte for byte from the local file with mode 664, the stream left unread', async () => {
		const content = randomBytes(20 * MIB);
		const localFile = join(localFolder, 'binary-data');
		await writeFile(localFile, content);
		const path = `${session.base}/from-local.bin`;
		const result = await session.client.upload(unreadStream, path, { ...uploadOptions(content.length), localFile });
		expect(result).toMatchObject({ status: 'uploaded', bytes: content.length });
		const onDisk = diskPath(info(), path);
		expect(sha256(await readFile(onDisk))).toBe(sha256(content));
		expect((await stat(onDisk)).mode & 0o777).toBe(0o664);
		expect(await partFilesOnDisk(info(), path)).toEqual([]);
	});

	it('fails with the local read error when the local copy is gone, with no final file', async () => {
		const path = `${session.base}/local-gone.bin`;
		const localFile = join(localFolder, 'removed-binary-data');
		const failure = session.client.upload(unreadStream, path, { ...uploadOptions(MIB), localFile });
		await expect(failure).rejects.toThrow(/reading n8n's binary data file failed: ENOENT.*removed-binary-data/);
		expect(await session.client.stat(path)).toBeUndefined();
		expect(await partFilesOnDisk(info(), path)).toEqual([]);
	});
});
