import { randomUUID } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { PassThrough, Readable } from 'node:stream';

import { Client as FtpClient, type AccessOptions } from 'basic-ftp';
import SftpClient from 'ssh2-sftp-client';
import { afterEach, describe, expect, inject, it } from 'vitest';

import { sha256Fingerprint } from '../support/servers/keys';
import { countWriteOpens, waitForSftpLog, type SftpLogEntry } from '../support/servers/sftp-log';
import type { FtpServerInfo, HostKeyInfo, SftpServerInfo } from '../support/servers/types';

const servers = inject('testServers');

function uniqueName(extension: string): string {
	return `round-trip-${randomUUID()}.${extension}`;
}

/** Proves files on disk were written by the server's non-root session user. */
async function expectOwnedByTestUser(file: string, root: string): Promise<void> {
	const [fileInfo, rootInfo] = await Promise.all([stat(file), stat(root)]);
	expect(rootInfo.uid).not.toBe(0);
	expect(fileInfo.uid).toBe(rootInfo.uid);
}

describe('OpenSSH SFTP server', () => {
	const sftp: SftpServerInfo = servers.sftp;
	const clients: SftpClient[] = [];
	afterEach(async () => {
		await Promise.all(clients.splice(0).map(async (client) => await client.end().catch(() => false)));
	});

	function hostKey(type: string): HostKeyInfo {
		const key = sftp.hostKeys.find((candidate) => candidate.type === type);
		if (!key) throw new Error(`no ${type} host key`);
		return key;
	}

	async function connect(
		credentials: { password: string } | { privateKey: string },
		pinned: HostKeyInfo,
		serverHostKeyAlgorithms: string[],
	): Promise<SftpClient> {
		const client = new SftpClient();
		clients.push(client);
		await client.connect({
			host: sftp.host,
			port: sftp.port,
			username: sftp.username,
			...credentials,
			algorithms: { serverHostKey: serverHostKeyAlgorithms as never },
			hostVerifier: (key: Buffer) => sha256Fingerprint(key) === pinned.fingerprintSha256,
			retries: 0,
		});
		return client;
	}

	it('round-trips a file with password login, ed25519 host key pinned, written by the test user', async () => {
		const client = await connect({ password: sftp.password }, hostKey('ssh-ed25519'), ['ssh-ed25519']);
		const content = Buffer.from(`<Invoice>${randomUUID()}</Invoice>\n`);
		const name = uniqueName('xml');
		const remote = posix.join(sftp.remoteRoot, name);
		const renamed = posix.join(sftp.remoteRoot, `renamed-${name}`);
		const onDisk = join(sftp.root, `renamed-${name}`);

		expect(await client.cwd()).toBe(sftp.remoteRoot);
		await client.put(content, remote);
		expect((await client.list(sftp.remoteRoot)).map((entry) => entry.name)).toContain(name);
		await client.rename(remote, renamed);
		expect(await readFile(onDisk)).toEqual(content);
		await expectOwnedByTestUser(onDisk, sftp.root);
		expect(await client.get(renamed)).toEqual(content);
		await client.delete(renamed);
		await expect(stat(onDisk)).rejects.toMatchObject({ code: 'ENOENT' });
	});

	it('logs every open for writing, so tests can count uploads', async () => {
		const client = await connect({ password: sftp.password }, hostKey('ssh-ed25519'), ['ssh-ed25519']);
		const remote = posix.join(sftp.remoteRoot, uniqueName('pdf'));
		await client.put(Buffer.from('first'), remote);
		await client.put(Buffer.from('second'), remote);
		const secondClosed = (lines: SftpLogEntry[]) =>
			lines.some((entry) => entry.message.startsWith(`close "${remote}" bytes read 0 written 6`));
		const entries = await waitForSftpLog(sftp.logFile, secondClosed);
		expect(countWriteOpens(entries, remote)).toBe(2);
	});

	it('logs in with the generated key and pins the RSA host key', async () => {
		const client = await connect({ privateKey: sftp.privateKey }, hostKey('ssh-rsa'), ['rsa-sha2-512', 'rsa-sha2-256']);
		expect(await client.cwd()).toBe(sftp.remoteRoot);
	});

	it('rejects a host key that does not match the pinned fingerprint', async () => {
		const otherKey = { ...hostKey('ssh-rsa'), type: 'ssh-ed25519' };
		await expect(connect({ password: sftp.password }, otherKey, ['ssh-ed25519'])).rejects.toThrow();
	});

	it('rejects a wrong password', async () => {
		await expect(
			connect({ password: `${sftp.password}-wrong` }, hostKey('ssh-ed25519'), ['ssh-ed25519']),
		).rejects.toThrow(/authentication/i);
	});

	it('denies writing outside the user folder (real permissions)', async () => {
		const client = await connect({ privateKey: sftp.privateKey }, hostKey('ssh-ed25519'), ['ssh-ed25519']);
		await expect(client.put(Buffer.from('x'), `/${uniqueName('txt')}`)).rejects.toThrow(/permission denied/i);
	});
});

function ftpAccess(server: FtpServerInfo, options: { withCa?: boolean } = {}): AccessOptions {
	const secure = server.tls === 'explicit' ? true : server.tls === 'implicit' ? 'implicit' : false;
	return {
		host: server.host,
		port: server.port,
		user: server.username,
		password: server.password,
		secure,
		secureOptions: options.withCa === false ? {} : { ca: server.ca },
	};
}

async function downloadToBuffer(client: FtpClient, remote: string): Promise<Buffer> {
	const sink = new PassThrough();
	const chunks: Buffer[] = [];
	sink.on('data', (chunk: Buffer) => chunks.push(chunk));
	await client.downloadTo(sink, remote);
	return Buffer.concat(chunks);
}

describe.each([
	{ label: 'ftp-srv, explicit TLS', server: servers.ftp.ftpSrv, writtenByTestUser: false },
	{ label: 'vsftpd, explicit TLS with session reuse', server: servers.ftp.vsftpdExplicit, writtenByTestUser: true },
	{ label: 'vsftpd, implicit TLS with session reuse', server: servers.ftp.vsftpdImplicit, writtenByTestUser: true },
	{ label: 'vsftpd, no TLS', server: servers.ftp.vsftpdPlain, writtenByTestUser: true },
])('FTP server: $label', ({ server, writtenByTestUser }) => {
	const clients: FtpClient[] = [];
	afterEach(() => {
		for (const client of clients.splice(0)) client.close();
	});

	async function connect(options: { withCa?: boolean } = {}): Promise<FtpClient> {
		const client = new FtpClient(10_000);
		clients.push(client);
		await client.access(ftpAccess(server, options));
		return client;
	}

	it('round-trips a file: upload, list, rename, download, delete', async () => {
		const client = await connect();
		const content = Buffer.from(`%PDF-1.7 ${randomUUID()}\n`);
		const name = uniqueName('pdf');
		const remote = posix.join(server.remoteRoot, name);
		const renamed = posix.join(server.remoteRoot, `renamed-${name}`);
		const onDisk = join(server.root, `renamed-${name}`);

		await client.uploadFrom(Readable.from([content]), remote);
		expect((await client.list(server.remoteRoot)).map((entry) => entry.name)).toContain(name);
		await client.rename(remote, renamed);
		expect(await readFile(onDisk)).toEqual(content);
		if (writtenByTestUser) {
			await expectOwnedByTestUser(onDisk, server.root);
			// local_umask=002: what partners' servers commonly give, and what the upload mode tests expect.
			expect((await stat(onDisk)).mode & 0o777).toBe(0o664);
		}
		expect(await downloadToBuffer(client, renamed)).toEqual(content);
		await client.remove(renamed);
		await expect(stat(onDisk)).rejects.toMatchObject({ code: 'ENOENT' });
	});

	it('rejects a wrong password', async () => {
		const client = new FtpClient(10_000);
		clients.push(client);
		await expect(client.access({ ...ftpAccess(server), password: `${server.password}-wrong` })).rejects.toThrow();
	});

	it.runIf(server.tls !== 'none')('presents a certificate that only the generated CA makes trusted', async () => {
		await expect(connect({ withCa: false })).rejects.toThrow(/self[- ]signed/i);
	});
});

describe('vsftpd with explicit TLS', () => {
	it('refuses a login without TLS', async () => {
		const client = new FtpClient(10_000);
		try {
			await expect(client.access({ ...ftpAccess(servers.ftp.vsftpdExplicit), secure: false })).rejects.toThrow(
				/530/,
			);
		} finally {
			client.close();
		}
	});
});
