import { randomBytes } from 'node:crypto';
import { chown, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { posix } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { FileExchangeClient } from '../../../lib/exchange/client';
import { ExchangeError } from '../../../lib/exchange/errors';
import { FtpExchangeClient } from '../../../lib/exchange/ftp/ftp-client';
import { partPathFor } from '../../../lib/exchange/paths/part-files';
import { resolvePathTemplate } from '../../../lib/exchange/paths/path-template';
import { PreparedFolders } from '../../../lib/exchange/paths/prepared-folders';
import { SftpExchangeClient } from '../../../lib/exchange/sftp/sftp-client';
import type { FtpServerInfo, SftpServerInfo } from '../../support/servers/types';
import {
	backdateOnDisk,
	bufferSource,
	diskPath,
	ftpOptions,
	partFilesOnDisk,
	readAll,
	remoteJoin,
	sftpOptions,
	slowSource,
	testServers,
	uniqueName,
} from './helpers';

interface ServerCase {
	name: string;
	info: () => SftpServerInfo | FtpServerInfo;
	client: () => FileExchangeClient;
	/** ftp-srv runs as root, so the file system refuses it nothing. */
	runsAsRoot: boolean;
}

async function connected(makeClient: () => FileExchangeClient): Promise<FileExchangeClient> {
	const client = makeClient();
	await client.connect();
	return client;
}

const servers = () => testServers();
const cases: ServerCase[] = [
	{
		name: 'OpenSSH SFTP',
		info: () => servers().sftp,
		client: () => new SftpExchangeClient(sftpOptions(servers().sftp)),
		runsAsRoot: false,
	},
	...(['ftpSrv', 'vsftpdExplicit', 'vsftpdImplicit', 'vsftpdPlain'] as const).map((key) => ({
		name: key,
		info: () => servers().ftp[key],
		client: () => new FtpExchangeClient(ftpOptions(servers().ftp[key])),
		runsAsRoot: key === 'ftpSrv',
	})),
];

async function modeOnDisk(path: string): Promise<number> {
	return (await stat(path)).mode & 0o777;
}

describe.each(cases)(
	'File Exchange client against $name',
	({ info, client: makeClient, runsAsRoot }) => {
		let client: FileExchangeClient;
		let base: string;

		beforeAll(async () => {
			client = await connected(makeClient);
			base = remoteJoin(info().remoteRoot, uniqueName('ops'));
			await client.mkdirp(base, 0o755);
		});

		afterAll(async () => {
			await client?.close();
		});

		it('uploads through a path template into new folders with modes 755 and 664 on disk', async () => {
			const { path, folder } = resolvePathTemplate(
				'[uen_number]/[invoice_type]/[year]/[order_number].[file_ext]',
				{
					uen_number: '0123456789',
					invoice_type: 'sales',
					documentDate: '2026-03-31',
					order_number: '2026/0001',
					file_ext: 'xml',
				},
				{ baseFolder: base },
			);
			await client.mkdirp(folder, 0o755);
			const result = await client.upload(bufferSource('<Invoice/>'), path, {
				atomic: true,
				mode: 0o664,
				onConflict: 'fail',
			});
			expect(result).toMatchObject({
				path: `${base}/0123456789/sales/2026/2026-0001.xml`,
				status: 'uploaded',
				bytes: 10,
			});
			expect(await readFile(diskPath(info(), path), 'utf8')).toBe('<Invoice/>');
			expect((await modeOnDisk(diskPath(info(), path))).toString(8)).toBe('664');
			for (const created of ['0123456789', '0123456789/sales', '0123456789/sales/2026']) {
				expect((await modeOnDisk(diskPath(info(), `${base}/${created}`))).toString(8)).toBe('755');
			}
		});

		it('handles conflicts: fail, skip if identical, overwrite, rename with suffix', async () => {
			const path = `${base}/conflict.txt`;
			const upload = (content: string, onConflict: 'fail' | 'skipIfIdentical' | 'overwrite' | 'rename') =>
				client.upload(bufferSource(content), path, { atomic: true, mode: 0o664, onConflict });
			await upload('one', 'fail');
			await expect(upload('two', 'fail')).rejects.toMatchObject({ kind: 'exists' });
			expect(await upload('one', 'skipIfIdentical')).toMatchObject({ status: 'skipped', path });
			expect(await upload('uno', 'skipIfIdentical')).toMatchObject({ status: 'overwritten' });
			expect(await readFile(diskPath(info(), path), 'utf8')).toBe('uno');
			expect(await upload('three', 'overwrite')).toMatchObject({ status: 'overwritten' });
			expect(await readFile(diskPath(info(), path), 'utf8')).toBe('three');
			expect(await upload('four', 'rename')).toMatchObject({ status: 'renamed', path: `${base}/conflict-1.txt` });
			expect(await upload('five', 'rename')).toMatchObject({ path: `${base}/conflict-2.txt` });
			expect(await readFile(diskPath(info(), `${base}/conflict-2.txt`), 'utf8')).toBe('five');
			const names = (await client.list(base)).map((entry) => entry.name);
			expect(names.filter((name) => name.endsWith('.part'))).toEqual([]);
		});

		it('uploads a buffer in several chunks with its mode, and overwrite looks up the target alongside', async () => {
			const path = `${base}/buffered.bin`;
			const content = randomBytes(100_000);
			const upload = () => client.upload(content, path, { atomic: true, mode: 0o664, onConflict: 'overwrite' });
			expect(await upload()).toMatchObject({ path, status: 'uploaded', bytes: content.length, warnings: [] });
			expect(await upload()).toMatchObject({ path, status: 'overwritten', bytes: content.length });
			expect((await readFile(diskPath(info(), path))).equals(content)).toBe(true);
			expect((await modeOnDisk(diskPath(info(), path))).toString(8)).toBe('664');

			await client.mkdirp(`${base}/taken`, 0o755);
			await expect(client.upload(content, `${base}/taken`, { atomic: true, onConflict: 'overwrite' })).rejects.toMatchObject({
				kind: 'exists',
			});
			const names = (await client.list(base)).map((entry) => entry.name);
			expect(names.filter((name) => name.endsWith('.part'))).toEqual([]);
		});

		it('downloads a file as a stream', async () => {
			const content = Buffer.alloc(300_000, 7);
			await client.upload(bufferSource(content), `${base}/big.bin`, { atomic: true, onConflict: 'overwrite' });
			expect((await readAll(await client.download(`${base}/big.bin`))).equals(content)).toBe(true);
			await expect(client.download(`${base}/missing.bin`)).rejects.toMatchObject({ kind: 'notFound' });
		});

		it('uploads an empty file atomically and in place, then lists, downloads, compares and moves it', async () => {
			const folder = `${base}/empty`;
			await client.mkdirp(`${folder}/processed`, 0o755);
			for (const [name, atomic] of [
				['in-place.xml', false],
				['atomic.xml', true],
			] as const) {
				const path = `${folder}/${name}`;
				const result = await client.upload(bufferSource(''), path, { atomic, mode: 0o664, onConflict: 'fail' });
				expect(result).toMatchObject({ path, status: 'uploaded', bytes: 0, warnings: [] });
				expect((await stat(diskPath(info(), path))).size).toBe(0);
				expect(await modeOnDisk(diskPath(info(), path))).toBe(0o664);
			}
			const replaced = `${folder}/replaced.xml`;
			await client.upload(bufferSource('<Invoice/>'), replaced, { atomic: true, onConflict: 'fail' });
			expect(await client.upload(Buffer.alloc(0), replaced, { atomic: true, onConflict: 'overwrite' })).toMatchObject({
				status: 'overwritten',
				bytes: 0,
			});
			expect((await stat(diskPath(info(), replaced))).size).toBe(0);

			const listed = await client.list(folder, { glob: '*.xml' });
			expect(listed.map((entry) => [entry.name, entry.type, entry.size]).sort()).toEqual([
				['atomic.xml', 'file', 0],
				['in-place.xml', 'file', 0],
				['replaced.xml', 'file', 0],
			]);
			expect(await client.stat(`${folder}/atomic.xml`)).toMatchObject({ type: 'file', size: 0 });
			expect((await readAll(await client.download(`${folder}/atomic.xml`))).length).toBe(0);
			// Same size, so the contents are compared: both empty files are downloaded and hashed.
			expect(
				await client.upload(bufferSource(''), `${folder}/atomic.xml`, { atomic: true, onConflict: 'skipIfIdentical' }),
			).toMatchObject({ status: 'skipped', bytes: 0 });

			await client.move(`${folder}/in-place.xml`, `${folder}/processed/in-place.xml`);
			await client.move(`${folder}/atomic.xml`, `${folder}/processed/in-place.xml`, { overwrite: true });
			expect(await readdir(diskPath(info(), `${folder}/processed`))).toEqual(['in-place.xml']);
			expect((await stat(diskPath(info(), `${folder}/processed/in-place.xml`))).size).toBe(0);
			expect((await readdir(diskPath(info(), folder))).sort()).toEqual(['processed', 'replaced.xml']);
		});

		it('lists recursively with a glob, with sizes and times', async () => {
			const folder = `${base}/tree`;
			await client.mkdirp(`${folder}/a/b`, 0o755);
			for (const path of ['x.xml', 'x.pdf', 'a/y.xml', 'a/b/z.xml', 'a/b/z.txt']) {
				await client.upload(bufferSource(path), `${folder}/${path}`, { atomic: false, onConflict: 'overwrite' });
			}
			const xml = await client.list(folder, { recursive: true, glob: '*.xml' });
			expect(xml.map((entry) => entry.path).sort()).toEqual(
				[`${folder}/a/b/z.xml`, `${folder}/a/y.xml`, `${folder}/x.xml`].sort(),
			);
			expect(xml.every((entry) => entry.type === 'file' && entry.size > 0 && entry.modifiedAt instanceof Date)).toBe(
				true,
			);
			const topOnly = await client.list(folder, { glob: '*.xml' });
			expect(topOnly.map((entry) => entry.name)).toEqual(['x.xml']);
			const nested = await client.list(folder, { recursive: true, glob: 'a/**/*.txt' });
			expect(nested.map((entry) => entry.path)).toEqual([`${folder}/a/b/z.txt`]);
		});

		it('moves to processed/ and error/, refusing to overwrite unless asked, and deletes', async () => {
			await client.upload(bufferSource('p'), `${base}/in.xml`, { atomic: true, onConflict: 'overwrite' });
			await client.mkdirp(`${base}/processed`, 0o755);
			await client.move(`${base}/in.xml`, `${base}/processed/in.xml`);
			expect(await client.stat(`${base}/in.xml`)).toBeUndefined();
			expect(await readFile(diskPath(info(), `${base}/processed/in.xml`), 'utf8')).toBe('p');

			await client.upload(bufferSource('q'), `${base}/in.xml`, { atomic: true, onConflict: 'overwrite' });
			await expect(client.move(`${base}/in.xml`, `${base}/processed/in.xml`)).rejects.toMatchObject({ kind: 'exists' });
			await client.move(`${base}/in.xml`, `${base}/processed/in.xml`, { overwrite: true });
			expect(await readFile(diskPath(info(), `${base}/processed/in.xml`), 'utf8')).toBe('q');

			await client.mkdirp(`${base}/error`, 0o755);
			await client.upload(bufferSource('bad'), `${base}/bad.xml`, { atomic: true, onConflict: 'overwrite' });
			await client.move(`${base}/bad.xml`, `${base}/error/bad.xml`);
			await client.delete(`${base}/error/bad.xml`);
			expect(await client.stat(`${base}/error/bad.xml`)).toBeUndefined();
			await expect(client.delete(`${base}/error/bad.xml`)).rejects.toBeInstanceOf(ExchangeError);
		});

		it('never shows the final name before a throttled atomic upload is complete', async () => {
			const observer = await connected(makeClient);
			const folder = `${base}/atomic`;
			await client.mkdirp(folder, 0o755);
			let done = false;
			let sawFinalEarly = false;
			let sawPart = false;
			const upload = client
				.upload(slowSource(12, 16_384, 40), `${folder}/slow.xml`, { atomic: true, mode: 0o664, onConflict: 'fail' })
				.finally(() => {
					done = true;
				});
			while (!done) {
				const names = (await observer.list(folder)).map((entry) => entry.name);
				if (!done && names.includes('slow.xml')) sawFinalEarly = true;
				if (names.some((name) => /^slow\.xml\.[0-9a-f]{8}\.part$/.test(name))) sawPart = true;
			}
			await upload;
			await observer.close();
			expect(sawFinalEarly).toBe(false);
			expect(sawPart).toBe(true);
			expect((await stat(diskPath(info(), `${folder}/slow.xml`))).size).toBe(12 * 16_384);
		});

		it.skipIf(runsAsRoot)(
			'reports permission denied on a folder the user cannot write, leaving nothing behind',
			async () => {
				const folder = `${base}/locked`;
				await mkdir(diskPath(info(), folder), { mode: 0o755 });
				await chown(diskPath(info(), folder), 0, 0);
				const failure = client.upload(bufferSource('x'), `${folder}/x.xml`, { atomic: true, onConflict: 'fail' });
				await expect(failure).rejects.toMatchObject({ kind: 'permissionDenied' });
				await expect(failure).rejects.toThrow(/permission denied/);
				await expect(client.mkdirp(`${folder}/sub`, 0o755)).rejects.toBeInstanceOf(ExchangeError);
			},
		);

		it('sweeps the part files crashed runs left once they are old, keeping a fresh one an upload may be writing', async () => {
			const folder = `${base}/stale`;
			const path = `${folder}/stale.xml`;
			await client.mkdirp(folder, 0o755);
			const legacy = diskPath(info(), `${path}.part`);
			const crashed = diskPath(info(), partPathFor(path, '0a1b2c3d'));
			const fresh = diskPath(info(), partPathFor(path, '11223344'));
			for (const part of [legacy, crashed, fresh]) await writeFile(part, 'half of an old upload');
			await backdateOnDisk(legacy, 2);
			await backdateOnDisk(crashed, 2);

			await new PreparedFolders(client).prepare(base, folder, { mode: 0o755 });
			await client.upload(bufferSource('complete'), path, { atomic: true, onConflict: 'fail' });
			expect(await readFile(diskPath(info(), path), 'utf8')).toBe('complete');
			expect((await readdir(diskPath(info(), folder))).sort()).toEqual(['stale.xml', posix.basename(fresh)]);
		});

		it('lets two runs upload one file at the same moment, each through its own part file', async () => {
			const second = await connected(makeClient);
			const path = `${base}/together.xml`;
			const options = { atomic: true, mode: 0o664, onConflict: 'overwrite' } as const;
			const upload = (runner: FileExchangeClient) => runner.upload(slowSource(8, 16_384, 20), path, options);
			const results = await Promise.all([upload(client), upload(second)]).finally(async () => await second.close());
			expect(results.map((result) => result.bytes)).toEqual([8 * 16_384, 8 * 16_384]);
			const expected = await readAll(slowSource(8, 16_384, 0)());
			expect((await readFile(diskPath(info(), path))).equals(expected)).toBe(true);
			expect(await modeOnDisk(diskPath(info(), path))).toBe(0o664);
			expect(await partFilesOnDisk(info(), path)).toEqual([]);
		});
	},
);
