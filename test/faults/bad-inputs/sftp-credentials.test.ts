/**
 * Wrong SFTP credentials and host keys given to File Exchange Upload against the real OpenSSH
 * server: each fails with its specific error and no file appears.
 */
import type { IDataObject } from 'n8n-workflow';
import { beforeAll, describe, expect, it } from 'vitest';

import {
	diskPath,
	encryptedAuthorisedKey,
	filesOnDisk,
	remoteJoin,
	runFileExchange,
	sftpCredential,
	sshKeygenKey,
	testServers,
	uniqueName,
} from '../support/exchange';

const PASSPHRASE = 'right horse battery staple';
let encryptedKey: string;
let strangerKey: string;

beforeAll(async () => {
	encryptedKey = await encryptedAuthorisedKey(PASSPHRASE);
	strangerKey = (await sshKeygenKey('ed25519', 'openssh')).privateKey;
});

const AUTH_FAILED = /authentication failed for user ".+" at 127\.0\.0\.1:\d+: wrong password, or the server does not accept the private key/;
const KEY_PASSPHRASE = /the private key is encrypted and the passphrase is missing or wrong/;

const cases: Array<{ name: string; credential: () => IDataObject; error: RegExp }> = [
	{ name: 'wrong password', credential: () => sftpCredential({ password: 'not-the-password' }), error: AUTH_FAILED },
	{
		name: 'key the server does not know',
		credential: () => sftpCredential({ password: '', privateKey: strangerKey }),
		error: AUTH_FAILED,
	},
	{
		name: 'wrong passphrase of the right key',
		credential: () => sftpCredential({ password: '', privateKey: encryptedKey, passphrase: 'wrong horse' }),
		error: KEY_PASSPHRASE,
	},
	{
		name: 'missing passphrase of an encrypted key',
		credential: () => sftpCredential({ password: '', privateKey: encryptedKey }),
		error: KEY_PASSPHRASE,
	},
	{
		name: 'neither password nor key',
		credential: () => sftpCredential({ password: '' }),
		error: /the SFTP credential has neither a password nor a private key/,
	},
	{
		name: 'unknown host key (none pinned)',
		credential: () => sftpCredential({ hostKeys: '' }),
		error: /no host key is pinned for 127\.0\.0\.1:\d+ and "Accept Any Host Key" is off\. The server offers: /,
	},
	{
		name: 'changed host key (another key pinned)',
		credential: () =>
			sftpCredential({ hostKeys: 'SHA256:47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU' }),
		error: /host key mismatch: server presented .* which matches no pinned host key/,
	},
];

describe('File Exchange Upload with wrong SFTP credentials', () => {
	it.each(cases)('$name', async ({ credential, error }) => {
		const server = testServers().sftp;
		const base = remoteJoin(server.remoteRoot, uniqueName('creds'));
		const upload = runFileExchange(
			'upload',
			{
				binaryPropertyName: 'data',
				baseFolder: base,
				pathTemplate: 'INV-1.xml',
				templateValues: {},
				uploadOptions: {},
			},
			{ credentials: credential() },
		);
		await expect(upload).rejects.toThrow(error);
		expect(await filesOnDisk(diskPath(server, base))).toEqual([]);
	});

	it('the right passphrase opens the same encrypted key (the cases above fail for their reason only)', async () => {
		const server = testServers().sftp;
		const base = remoteJoin(server.remoteRoot, uniqueName('creds'));
		await runFileExchange(
			'upload',
			{ binaryPropertyName: 'data', baseFolder: base, pathTemplate: 'INV-1.xml', templateValues: {}, uploadOptions: {} },
			{ credentials: sftpCredential({ password: '', privateKey: encryptedKey, passphrase: PASSPHRASE }) },
		);
		expect(await filesOnDisk(diskPath(server, base))).toEqual(['INV-1.xml']);
	});
});
