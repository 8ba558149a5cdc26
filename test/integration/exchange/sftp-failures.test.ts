import { constants } from 'node:fs';
import { access, chmod, readFile, stat, symlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { SftpExchangeClient } from '../../../lib/exchange/sftp/sftp-client';
import { assertInsideBaseOnServer } from '../../../lib/exchange/paths/confine';
import { partPathFor } from '../../../lib/exchange/paths/part-files';
import { PreparedFolders } from '../../../lib/exchange/paths/prepared-folders';
import {
	backdateOnDisk,
	bufferSource,
	diskPath,
	partFilesOnDisk,
	sftpOptions,
	slowSource,
	testServers,
} from './helpers';
import { useSftpSession } from './sftp-session';
import { startTcpProxy, type TcpProxy } from './tcp-proxy';

const run = promisify(execFile);

/** Writes its part file under a known name, so a test can put /dev/full behind it. */
class KnownPartSftpClient extends SftpExchangeClient {
	protected override partPath(target: string): string {
		return partPathFor(target, '0f0f0f0f');
	}
}

/** /dev/full inside the SFTP chroot (`<run>/sftp-chroot/dev/full`): every write to it fails with ENOSPC. */
async function ensureDevFullInChroot(sftpRoot: string): Promise<void> {
	const devFull = join(dirname(sftpRoot), 'dev', 'full');
	const exists = await access(devFull, constants.F_OK).then(
		() => true,
		() => false,
	);
	if (!exists) await run('mknod', ['-m', '666', devFull, 'c', '1', '7']);
	await chmod(devFull, 0o666);
}

describe('SFTP failures as the non-root user', () => {
	const info = () => testServers().sftp;
	const session = useSftpSession('failures');

	it.each([
		{ kind: 'stream', source: bufferSource(Buffer.alloc(70_000, 1)) },
		{ kind: 'buffer', source: Buffer.alloc(70_000, 1) },
	])('reports a full disk (ENOSPC from /dev/full behind the .part name) from a $kind and leaves no final file', async ({ kind, source }) => {
		await ensureDevFullInChroot(info().root);
		const path = `${session.base}/full-${kind}.xml`;
		await symlink('/dev/full', diskPath(info(), partPathFor(path, '0f0f0f0f')));
		const knownPart = new KnownPartSftpClient(sftpOptions(info()));
		await knownPart.connect();
		const attempt = knownPart.upload(source, path, { atomic: true, mode: 0o664, onConflict: 'fail' });
		await expect(attempt).rejects.toMatchObject({ kind: 'noSpace' });
		await expect(attempt).rejects.toThrow(/disk full or file too large/);
		await knownPart.close();
		expect(await session.client.stat(path)).toBeUndefined();
	});

	it('refuses a folder that a symbolic link leads out of the base folder, by the server realpath', async () => {
		await session.client.mkdirp(`${session.base}/exports`, 0o755);
		await symlink('/', diskPath(info(), `${session.base}/exports/escape`));
		await expect(
			assertInsideBaseOnServer(session.client, `${session.base}/exports`, `${session.base}/exports/escape/etc`),
		).rejects.toMatchObject({
			kind: 'outsideBase',
		});
		await expect(assertInsideBaseOnServer(session.client, `${session.base}/exports`, `${session.base}/exports/a/b`)).resolves.toBeUndefined();
	});

	describe('connection dropped mid-transfer', () => {
		let proxy: TcpProxy;

		beforeAll(async () => {
			proxy = await startTcpProxy(info().host, info().port);
		});

		afterAll(async () => {
			await proxy?.close();
		});

		it('fails clearly and leaves the finished file intact and its own part file, which is swept once old', async () => {
			const path = `${session.base}/dropped.xml`;
			const options = { atomic: true, mode: 0o664, onConflict: 'overwrite' } as const;
			await session.client.upload(bufferSource('finished by the first run'), path, options);

			const viaProxy = new SftpExchangeClient(sftpOptions(info(), { host: proxy.host, port: proxy.port }));
			await viaProxy.connect();
			const before = proxy.bytesUp();
			const outcome = viaProxy.upload(slowSource(40, 16_384, 25), path, options).then(
				() => undefined,
				(error: unknown) => error,
			);
			while (proxy.bytesUp() - before < 100_000) await new Promise((resolve) => setTimeout(resolve, 10));
			proxy.cutAll();
			const failure = await outcome;
			expect(failure).toMatchObject({ kind: 'connectionLost' });
			await viaProxy.close();

			expect(await readFile(diskPath(info(), path), 'utf8')).toBe('finished by the first run');
			const leftovers = await partFilesOnDisk(info(), path);
			expect(leftovers).toHaveLength(1);
			const leftover = `${session.base}/${leftovers[0]}`;
			const part = await session.client.stat(leftover);
			expect(part?.size).toBeGreaterThan(0);
			expect(part?.size).toBeLessThan(40 * 16_384);

			const retried = await session.client.upload(bufferSource('complete'), path, options);
			expect(retried.status).toBe('overwritten');
			expect(await readFile(diskPath(info(), path), 'utf8')).toBe('complete');
			expect((await stat(diskPath(info(), path))).mode & 0o777).toBe(0o664);

			// A part this recent may belong to an upload still running: the sweep leaves it.
			await new PreparedFolders(session.client).prepare(session.base, session.base, false);
			expect(await partFilesOnDisk(info(), path)).toEqual(leftovers);
			await backdateOnDisk(diskPath(info(), leftover), 2);
			await new PreparedFolders(session.client).prepare(session.base, session.base, false);
			expect(await partFilesOnDisk(info(), path)).toEqual([]);
			expect(await readFile(diskPath(info(), path), 'utf8')).toBe('complete');
		});

		it('times out a request the server never answers instead of hanging', async () => {
			const silent = await startTcpProxy(info().host, info().port);
			const viaProxy = new SftpExchangeClient(
				sftpOptions(info(), { host: silent.host, port: silent.port, operationTimeoutMs: 300 }),
			);
			await viaProxy.connect();
			silent.freeze();
			await expect(viaProxy.stat(`${session.base}/anything`)).rejects.toMatchObject({ kind: 'timeout' });
			await viaProxy.close();
			await silent.close();
		});
	});
});
