import { X509Certificate } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';

import { testFtpConnection } from '../../../lib/exchange/credentials/connection-test';
import { FtpExchangeClient, type FtpConnectionOptions } from '../../../lib/exchange/ftp/ftp-client';
import { bufferSource, ftpOptions, readAll, remoteJoin, testServers, uniqueName } from './helpers';

async function connectWith(options: FtpConnectionOptions): Promise<FtpExchangeClient> {
	const client = new FtpExchangeClient(options);
	await client.connect();
	return client;
}

async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}

describe.each(['vsftpdExplicit', 'vsftpdImplicit'] as const)('FTPS certificate checks against %s', (key) => {
	const info = () => testServers().ftp[key];
	const fingerprint = () => new X509Certificate(info().ca).fingerprint256;
	// Its first byte changed: a fixed replacement would leave the one certificate in 256 that starts with it alone.
	const anotherFingerprint = () => fingerprint().replace(/^../, (first) => (first === '00' ? 'FF' : '00'));

	it('refuses the self-signed certificate by default and says how to trust it', async () => {
		const attempt = connectWith(ftpOptions(info(), { caCertificate: undefined }));
		await expect(attempt).rejects.toMatchObject({ kind: 'tls' });
		await expect(attempt).rejects.toThrow(/not trusted .*CA certificate or SHA-256 fingerprint/);
	});

	it('trusts the certificate given as CA, and transfers with TLS session reuse', async () => {
		const client = await connectWith(ftpOptions(info()));
		const entries = await client.list(info().remoteRoot);
		expect(Array.isArray(entries)).toBe(true);
		await client.close();
	});

	it('accepts the pinned SHA-256 fingerprint and refuses another before sending the password', async () => {
		const pinned = await connectWith(
			ftpOptions(info(), { caCertificate: undefined, certificateFingerprint: fingerprint() }),
		);
		await pinned.close();
		const wrong = connectWith(
			ftpOptions(info(), { caCertificate: undefined, certificateFingerprint: anotherFingerprint() }),
		);
		await expect(wrong).rejects.toMatchObject({ kind: 'tls' });
		await expect(wrong).rejects.toThrow(/TLS certificate mismatch/);
	});

	it('the credential test names the certificate fingerprint to pin', async () => {
		const result = await testFtpConnection(ftpOptions(info(), { caCertificate: undefined }));
		expect(result.ok).toBe(false);
		expect(result.message).toContain(fingerprint());
		const trusted = await testFtpConnection(ftpOptions(info()));
		expect(trusted).toMatchObject({ ok: true });
	});
});

describe('FTP authentication and reachability', () => {
	const plain = () => testServers().ftp.vsftpdPlain;

	it('says the login failed without repeating the password', async () => {
		const attempt = connectWith(ftpOptions(plain(), { password: 'not-the-password-456' }));
		await expect(attempt).rejects.toMatchObject({ kind: 'authentication' });
		const message = await attempt.catch((error: Error) => error.message);
		expect(message).toMatch(/login failed for user "billit-sftp"/);
		expect(message).not.toContain('not-the-password-456');
	});

	it('says the host is unreachable when nothing listens', async () => {
		const attempt = connectWith(ftpOptions(plain(), { port: await closedPort() }));
		await expect(attempt).rejects.toMatchObject({ kind: 'unreachable' });
	});

	it('refuses plain FTP on a server that requires TLS', async () => {
		const attempt = connectWith(ftpOptions(testServers().ftp.vsftpdExplicit, { tls: 'none' }));
		await expect(attempt).rejects.toMatchObject({ kind: 'authentication' });
	});
});

describe.each(['vsftpdPlain', 'vsftpdExplicit', 'vsftpdImplicit'] as const)('FTP active mode against %s', (key) => {
	it('uploads, lists and downloads over data connections the server opens', async () => {
		const info = testServers().ftp[key];
		const client = await connectWith(ftpOptions(info, { transferMode: 'active' }));
		const folder = remoteJoin(info.remoteRoot, uniqueName('active'));
		await client.mkdirp(folder, 0o755);
		const content = Buffer.alloc(200_000, 3);
		await client.upload(bufferSource(content), `${folder}/a.bin`, { atomic: true, mode: 0o664, onConflict: 'fail' });
		expect((await client.list(folder)).map((entry) => entry.name)).toEqual(['a.bin']);
		expect((await readAll(await client.download(`${folder}/a.bin`))).equals(content)).toBe(true);
		await client.close();
	});

	it('uploads and downloads an empty file', async () => {
		const info = testServers().ftp[key];
		const client = await connectWith(ftpOptions(info, { transferMode: 'active' }));
		const folder = remoteJoin(info.remoteRoot, uniqueName('active-empty'));
		await client.mkdirp(folder, 0o755);
		for (const atomic of [false, true]) {
			const path = `${folder}/${atomic ? 'atomic' : 'in-place'}.xml`;
			expect(await client.upload(bufferSource(''), path, { atomic, onConflict: 'fail' })).toMatchObject({ bytes: 0 });
			expect((await readAll(await client.download(path))).length).toBe(0);
		}
		expect((await client.list(folder)).map((entry) => [entry.name, entry.size]).sort()).toEqual([
			['atomic.xml', 0],
			['in-place.xml', 0],
		]);
		await client.close();
	});
});
