import { readFile, stat, symlink } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { FtpExchangeClient } from '../../../lib/exchange/ftp/ftp-client';
import { partPathFor } from '../../../lib/exchange/paths/part-files';
import { PreparedFolders } from '../../../lib/exchange/paths/prepared-folders';
import {
	backdateOnDisk,
	bufferSource,
	diskPath,
	ftpOptions,
	partFilesOnDisk,
	remoteJoin,
	slowSource,
	testServers,
	uniqueName,
} from './helpers';
import { startTcpProxy } from './tcp-proxy';

const PART_SIZE_BEFORE_CUT = 100_000;

/** Writes its part file under a known name, so a test can put /dev/full behind it. */
class KnownPartFtpClient extends FtpExchangeClient {
	protected override partPath(target: string): string {
		return partPathFor(target, '0f0f0f0f');
	}
}

async function sizeOnDisk(path: string): Promise<number> {
	return await stat(path).then(
		(stats) => stats.size,
		() => 0,
	);
}

/** vsftpd runs each session as the test user, without chroot: the failures are the real system's. */
describe.each(['vsftpdPlain', 'vsftpdExplicit'] as const)('FTP failures against %s', (key) => {
	const info = () => testServers().ftp[key];
	let client: FtpExchangeClient;
	let base: string;

	beforeAll(async () => {
		client = new FtpExchangeClient(ftpOptions(info()));
		await client.connect();
		base = remoteJoin(info().remoteRoot, uniqueName('ftp-failures'));
		await client.mkdirp(base, 0o755);
	});

	afterAll(async () => {
		await client?.close();
	});

	it('fails clearly when the connection drops mid-transfer, keeps the finished file intact, and sweeps the part once old', async () => {
		const path = `${base}/dropped.xml`;
		const options = { atomic: true, mode: 0o664, onConflict: 'overwrite' } as const;
		await client.upload(bufferSource('finished by the first run'), path, options);

		const proxy = await startTcpProxy(info().host, info().port);
		const viaProxy = new FtpExchangeClient(ftpOptions(info(), { host: proxy.host, port: proxy.port }));
		await viaProxy.connect();
		const total = 40 * 16_384;
		const outcome = viaProxy.upload(slowSource(40, 16_384, 25), path, options).then(
			() => undefined,
			(error: unknown) => error,
		);
		const leftoverOnDisk = async () => {
			const [name] = await partFilesOnDisk(info(), path);
			return name === undefined ? undefined : diskPath(info(), `${base}/${name}`);
		};
		let leftover = await leftoverOnDisk();
		while (leftover === undefined || (await sizeOnDisk(leftover)) < PART_SIZE_BEFORE_CUT) {
			await new Promise((resolve) => setTimeout(resolve, 10));
			leftover ??= await leftoverOnDisk();
		}
		// Closing the proxy cuts the session and refuses the reconnect a cleanup would try: the part stays.
		await proxy.close();
		const failure = await outcome;
		expect(failure).toMatchObject({ kind: 'connectionLost' });
		expect((failure as Error).message).toMatch(/connection to 127\.0\.0\.1:\d+ was lost/);
		await viaProxy.close();

		expect(await readFile(diskPath(info(), path), 'utf8')).toBe('finished by the first run');
		expect(await partFilesOnDisk(info(), path)).toHaveLength(1);
		const part = await sizeOnDisk(leftover);
		expect(part).toBeGreaterThanOrEqual(PART_SIZE_BEFORE_CUT);
		expect(part).toBeLessThan(total);

		const retried = await client.upload(bufferSource('complete'), path, options);
		expect(retried.status).toBe('overwritten');
		expect(await readFile(diskPath(info(), path), 'utf8')).toBe('complete');
		expect((await stat(diskPath(info(), path))).mode & 0o777).toBe(0o664);

		// A part this recent may belong to an upload still running: the sweep leaves it.
		await new PreparedFolders(client).prepare(base, base, false);
		expect(await sizeOnDisk(leftover)).toBe(part);
		await backdateOnDisk(leftover, 2);
		await new PreparedFolders(client).prepare(base, base, false);
		expect(await partFilesOnDisk(info(), path)).toEqual([]);
		expect(await readFile(diskPath(info(), path), 'utf8')).toBe('complete');
	});
});

/**
 * ftp-srv writes with Node's file system calls, which follow a `.part` symbolic link to /dev/full and
 * meet a real ENOSPC. vsftpd truncates the file first and ends the session on /dev/full ("500 OOPS:
 * ftruncate"), so it cannot show a full disk this way.
 */
describe('FTP full disk against ftpSrv', () => {
	const info = () => testServers().ftp.ftpSrv;
	let client: KnownPartFtpClient;
	let base: string;

	beforeAll(async () => {
		client = new KnownPartFtpClient(ftpOptions(info()));
		await client.connect();
		base = remoteJoin(info().remoteRoot, uniqueName('ftp-full'));
		await client.mkdirp(base, 0o755);
	});

	afterAll(async () => {
		await client?.close();
	});

	it('reports a full disk (a part file name leading to /dev/full) and leaves no final file', async () => {
		const path = `${base}/full.xml`;
		await symlink('/dev/full', diskPath(info(), partPathFor(path, '0f0f0f0f')));
		const attempt = client.upload(bufferSource(Buffer.alloc(70_000, 1)), path, {
			atomic: true,
			mode: 0o664,
			onConflict: 'fail',
		});
		await expect(attempt).rejects.toMatchObject({ kind: 'noSpace' });
		await expect(attempt).rejects.toThrow(/disk full, quota or file size limit/);
		expect(await client.stat(path)).toBeUndefined();
	});
});
