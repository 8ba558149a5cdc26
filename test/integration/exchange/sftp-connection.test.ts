import { readFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';

import { testSftpConnection } from '../../../lib/exchange/credentials/connection-test';
import { SftpExchangeClient } from '../../../lib/exchange/sftp/sftp-client';
import type { SftpConnectionOptions } from '../../../lib/exchange/sftp/sftp-connection';
import { sftpOptions, testServers } from './helpers';
import { authorise, pkcs8Ed25519Key, sshKeygenKey, type ClientKey } from './ssh-keys';

const UNKNOWN_FINGERPRINT = 'SHA256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

async function connectWith(options: SftpConnectionOptions): Promise<SftpExchangeClient> {
	const client = new SftpExchangeClient(options);
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

describe('SFTP host keys (OpenSSH with an Ed25519 and an RSA host key)', () => {
	const info = () => testServers().sftp;
	const key = (type: string) => info().hostKeys.find((hostKey) => hostKey.type === type);

	it('connects with the Ed25519 fingerprint pinned', async () => {
		const client = await connectWith(sftpOptions(info(), { hostKeys: key('ssh-ed25519')?.fingerprintSha256 }));
		expect(client.hostKey).toEqual({ keyType: 'ssh-ed25519', fingerprint: key('ssh-ed25519')?.fingerprintSha256 });
		await client.close();
	});

	it('connects with only the RSA known_hosts line pinned: the client asks for the RSA key, no false mismatch', async () => {
		const client = await connectWith(sftpOptions(info(), { hostKeys: key('ssh-rsa')?.knownHostsLine }));
		expect(client.hostKey?.keyType).toBe('ssh-rsa');
		await client.close();
	});

	it('connects with only an untyped RSA fingerprint pinned, finding the key type that matches', async () => {
		const client = await connectWith(sftpOptions(info(), { hostKeys: key('ssh-rsa')?.fingerprintSha256 }));
		expect(client.hostKey).toEqual({ keyType: 'ssh-rsa', fingerprint: key('ssh-rsa')?.fingerprintSha256 });
		await client.close();
	});

	it('refuses a wrong pin with "host key mismatch" before any authentication', async () => {
		const failedLogins = async () =>
			((await readFile(info().sshdLogFile, 'utf8')).match(/Failed password/g) ?? []).length;
		const before = await failedLogins();
		const attempt = connectWith(sftpOptions(info(), { hostKeys: UNKNOWN_FINGERPRINT, password: 'wrong-password' }));
		await expect(attempt).rejects.toMatchObject({ kind: 'hostKey' });
		await expect(attempt).rejects.toThrow(
			/^host key mismatch: server presented SHA256:[A-Za-z0-9+/]{43} \(ssh-ed25519\)/,
		);
		expect(await failedLogins()).toBe(before);
	});

	it('without a pin and without "accept any", lists every fingerprint the server offers', async () => {
		const attempt = connectWith(sftpOptions(info(), { hostKeys: '' }));
		await expect(attempt).rejects.toMatchObject({ kind: 'hostKey' });
		const message = await attempt.catch((error: Error) => error.message);
		expect(message).toContain('no host key is pinned');
		for (const hostKey of info().hostKeys) expect(message).toContain(`${hostKey.fingerprintSha256} (${hostKey.type})`);
	});

	it('connects with "accept any host key" as an explicit choice', async () => {
		const client = await connectWith(sftpOptions(info(), { hostKeys: '', acceptAnyHostKey: true }));
		expect(client.hostKey?.fingerprint).toMatch(/^SHA256:/);
		await client.close();
	});

	it('the credential test shows every fingerprint the server offers', async () => {
		const result = await testSftpConnection(sftpOptions(info()));
		expect(result.ok).toBe(true);
		for (const hostKey of info().hostKeys) expect(result.message).toContain(hostKey.fingerprintSha256);
		const unpinned = await testSftpConnection(sftpOptions(info(), { hostKeys: '' }));
		expect(unpinned.ok).toBe(false);
		for (const hostKey of info().hostKeys) expect(unpinned.message).toContain(hostKey.fingerprintSha256);
	});
});

describe('SFTP authentication and reachability', () => {
	const info = () => testServers().sftp;

	it('says the password is wrong without repeating it', async () => {
		const attempt = connectWith(sftpOptions(info(), { password: 'not-the-password-123' }));
		await expect(attempt).rejects.toMatchObject({ kind: 'authentication' });
		const message = await attempt.catch((error: Error) => error.message);
		expect(message).toMatch(/authentication failed for user "billit-sftp"/);
		expect(message).not.toContain('not-the-password-123');
	});

	it('says the host is unreachable when nothing listens', async () => {
		const attempt = connectWith(sftpOptions(info(), { port: await closedPort() }));
		await expect(attempt).rejects.toMatchObject({ kind: 'unreachable' });
		await expect(attempt).rejects.toThrow(/cannot reach 127\.0\.0\.1:\d+: ECONNREFUSED/);
	});

	it('logs in with the server fixture key', async () => {
		const client = await connectWith(sftpOptions(info(), { password: undefined, privateKey: info().privateKey }));
		expect(await client.realpath('.')).toBe(info().remoteRoot);
		await client.close();
	});
});

describe('SFTP private keys: RSA, ECDSA and Ed25519, plain and encrypted, in each format ssh2 reads', () => {
	const info = () => testServers().sftp;
	const keys: ClientKey[] = [];

	beforeAll(async () => {
		const made = await Promise.all([
			...(['rsa', 'ecdsa'] as const).flatMap((type) =>
				(['openssh', 'pem', 'pkcs8'] as const).flatMap((format) => [
					sshKeygenKey(type, format),
					sshKeygenKey(type, format, 'key-pass-1'),
				]),
			),
			sshKeygenKey('ed25519', 'openssh'),
			sshKeygenKey('ed25519', 'openssh', 'key-pass-1'),
		]);
		keys.push(...made, pkcs8Ed25519Key(), pkcs8Ed25519Key('key-pass-1'));
		await authorise(info().root, info().username, keys);
	});

	it('logs in with every key, pasted as is and pasted on one line', async () => {
		expect(keys).toHaveLength(16);
		for (const key of keys) {
			for (const privateKey of [key.privateKey, key.privateKey.replace(/\n/g, ' ')]) {
				const client = await connectWith(
					sftpOptions(info(), { password: undefined, privateKey, passphrase: key.passphrase }),
				).catch((error: Error) => {
					throw new Error(`${key.label}: ${error.message}`);
				});
				await client.close();
			}
		}
	});

	it('says the passphrase is wrong for every encrypted key', async () => {
		for (const key of keys.filter((candidate) => candidate.passphrase)) {
			const attempt = connectWith(
				sftpOptions(info(), { password: undefined, privateKey: key.privateKey, passphrase: 'wrong' }),
			);
			await expect(attempt, key.label).rejects.toMatchObject({ kind: 'privateKey' });
			await expect(attempt, key.label).rejects.toThrow(/passphrase is missing or wrong/);
		}
	});

	it('says when the server does not accept a key', async () => {
		const stranger = await sshKeygenKey('ed25519', 'openssh');
		const attempt = connectWith(sftpOptions(info(), { password: undefined, privateKey: stranger.privateKey }));
		await expect(attempt).rejects.toMatchObject({ kind: 'authentication' });
	});
});
