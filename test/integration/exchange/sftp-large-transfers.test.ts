import { createHash, randomBytes } from 'node:crypto';
import { chown, mkdir, readdir, readFile, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { SftpExchangeClient } from '../../../lib/exchange/sftp-client';
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
	{ placement: "on the client's own connection", uploadThreadMinBytes: Number.POSITIVE_INFINITY },
	{ placement: 'uploads on a thread with its own connection', uploadThreadMinBytes: 0 },
];

describe.each(placements)('SFTP streamed transfers with many requests in flight, $placement, against OpenSSH', ({ uploadThreadMinBytes }) => {
	const info = () => testServers().sftp;
	const session = useSftpSession('large', { uploadThreadMinBytes });

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

	it('reports permission denied on a folder the user cannot write, leaving nothing behind', async () => {
		const folder = `${session.base}/locked`;
		await mkdir(diskPath(info(), folder), { mode: 0o755 });
		await chown(diskPath(info(), folder), 0, 0);
		const failure = session.client.upload(streamSource(randomBytes(MIB)), `${folder}/x.bin`, uploadOptions(MIB));
		await expect(failure).rejects.toMatchObject({ kind: 'permissionDenied' });
		await expect(failure).rejects.toThrow(/permission denied/);
		expect(await readdir(diskPath(info(), folder))).toEqual([]);
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
			viaProxy = new SftpExchangeClient(sftpOptions(info(), { host: proxy.host, port: proxy.port, uploadThreadMinBytes }));
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
