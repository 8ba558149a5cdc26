import { readFile, stat, symlink } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { FtpExchangeClient } from '../../../lib/exchange/ftp-client';
import { bufferSource, diskPath, ftpOptions, remoteJoin, slowSource, testServers, uniqueName } from './helpers';
import { startTcpProxy } from './tcp-proxy';

const PART_SIZE_BEFORE_CUT = 100_000;

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

	it('fails clearly when the server connection drops mid-transfer, leaves only the .part, and the next run replaces it', async () => {
		const proxy = await startTcpProxy(info().host, info().port);
		const viaProxy = new FtpExchangeClient(ftpOptions(info(), { host: proxy.host, port: proxy.port }));
		await viaProxy.connect();
		const path = `${base}/dropped.xml`;
		const total = 40 * 16_384;
		const outcome = viaProxy.upload(slowSource(40, 16_384, 25), path, { atomic: true, mode: 0o664, onConflict: 'fail' }).then(
			() => undefined,
			(error: unknown) => error,
		);
		while ((await sizeOnDisk(diskPath(info(), `${path}.part`))) < PART_SIZE_BEFORE_CUT) {
			await new Promise((resolve) => setTimeout(resolve, 10));
		}
		// Closing the proxy cuts the session and refuses the reconnect a cleanup would try: the `.part` stays.
		await proxy.close();
		const failure = await outcome;
		expect(failure).toMatchObject({ kind: 'connectionLost' });
		expect((failure as Error).message).toMatch(/connection to 127\.0\.0\.1:\d+ was lost/);
		await viaProxy.close();

		expect(await client.stat(path)).toBeUndefined();
		const part = await sizeOnDisk(diskPath(info(), `${path}.part`));
		expect(part).toBeGreaterThanOrEqual(PART_SIZE_BEFORE_CUT);
		expect(part).toBeLessThan(total);

		const retried = await client.upload(bufferSource('complete'), path, { atomic: true, mode: 0o664, onConflict: 'fail' });
		expect(retried.status).toBe('uploaded');
		expect(await readFile(diskPath(info(), path), 'utf8')).toBe('complete');
		expect(await client.stat(`${path}.part`)).toBeUndefined();
		expect((await stat(diskPath(info(), path))).mode & 0o777).toBe(0o664);
	});
});

/**
 * ftp-srv writes with Node's file system calls, which follow a `.part` symbolic link to /dev/full and
 * meet a real ENOSPC. vsftpd truncates the file first and ends the session on /dev/full ("500 OOPS:
 * ftruncate"), so it cannot show a full disk this way.
 */
describe('FTP full disk against ftpSrv', () => {
	const info = () => testServers().ftp.ftpSrv;
	let client: FtpExchangeClient;
	let base: string;

	beforeAll(async () => {
		// ftp-srv sometimes reads a fast TLS hello as a command (502); real servers do not. See client-operations.
		for (let attempt = 1; ; attempt++) {
			client = new FtpExchangeClient(ftpOptions(info()));
			const failure = await client.connect().then(
				() => undefined,
				(error: unknown) => error,
			);
			if (failure === undefined) break;
			if (attempt === 3) throw failure;
		}
		base = remoteJoin(info().remoteRoot, uniqueName('ftp-full'));
		await client.mkdirp(base, 0o755);
	});

	afterAll(async () => {
		await client?.close();
	});

	it('reports a full disk (a .part name leading to /dev/full) and leaves no final file', async () => {
		const path = `${base}/full.xml`;
		await symlink('/dev/full', diskPath(info(), `${path}.part`));
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
