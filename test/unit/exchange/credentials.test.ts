import { describe, expect, it } from 'vitest';

import {
	createExchangeClient,
	ftpOptionsFromCredential,
	sftpOptionsFromCredential,
} from '../../../lib/exchange/credentials/credentials';
import { BillitApi } from '../../../credentials/BillitApi.credentials';
import { BillitOAuth2Api } from '../../../credentials/BillitOAuth2Api.credentials';
import { FileExchangeFtpApi } from '../../../credentials/FileExchangeFtpApi.credentials';
import { FileExchangeSftpApi } from '../../../credentials/FileExchangeSftpApi.credentials';

// Field types n8n's credential dialog renders as inputs; a collection there is an empty heading.
const DIALOG_TYPES = new Set(['string', 'number', 'boolean', 'options', 'multiOptions', 'notice', 'hidden']);

describe('credential fields n8n can edit', () => {
	it.each([new FileExchangeSftpApi(), new FileExchangeFtpApi(), new BillitApi(), new BillitOAuth2Api()])(
		'$name has only fields the credential dialog renders',
		(credential) => {
			const types = credential.properties.map((property) => `${property.name}: ${property.type}`);
			expect(types.filter((entry) => !DIALOG_TYPES.has(entry.split(': ')[1]))).toEqual([]);
		},
	);

	it('folds the SFTP advanced settings behind one switch', () => {
		const properties = new FileExchangeSftpApi().properties;
		const folded = properties.filter((property) => property.displayOptions?.show?.showAdvanced);
		expect(folded.map((property) => property.name)).toEqual([
			'cipher',
			'serverHostKey',
			'kex',
			'hmac',
			'connectTimeout',
			'operationTimeout',
			'keepaliveInterval',
		]);
	});
});

describe('credential data to connection options', () => {
	it('maps the SFTP credential with advanced algorithms and seconds turned into milliseconds', () => {
		expect(
			sftpOptionsFromCredential({
				host: ' sftp.example.com ',
				port: 2222,
				username: 'export',
				password: '',
				privateKey: 'KEY',
				passphrase: 'pw',
				hostKeys: 'SHA256:x',
				acceptAnyHostKey: false,
				advanced: { kex: 'diffie-hellman-group14-sha1, ', cipher: '', connectTimeout: 5, keepaliveInterval: 0 },
			}),
		).toEqual({
			host: 'sftp.example.com',
			port: 2222,
			username: 'export',
			password: undefined,
			privateKey: 'KEY',
			passphrase: 'pw',
			hostKeys: 'SHA256:x',
			acceptAnyHostKey: false,
			algorithms: {
				kex: ['diffie-hellman-group14-sha1'],
				cipher: undefined,
				hmac: undefined,
				serverHostKey: undefined,
			},
			connectTimeoutMs: 5000,
			keepaliveIntervalMs: 0,
			operationTimeoutMs: 60_000,
		});
	});

	it('reads the SFTP advanced settings from their plain fields', () => {
		expect(
			sftpOptionsFromCredential({
				host: 'h',
				username: 'u',
				showAdvanced: true,
				cipher: 'aes128-cbc',
				serverHostKey: 'ssh-dss',
				kex: '',
				hmac: 'hmac-sha1,hmac-md5',
				connectTimeout: 7,
				operationTimeout: 90,
				keepaliveInterval: 0,
			}),
		).toMatchObject({
			algorithms: { cipher: ['aes128-cbc'], serverHostKey: ['ssh-dss'], kex: undefined, hmac: ['hmac-sha1', 'hmac-md5'] },
			connectTimeoutMs: 7000,
			operationTimeoutMs: 90_000,
			keepaliveIntervalMs: 0,
		});
	});

	it('prefers a plain field that was changed over the value saved in the earlier collection', () => {
		const options = sftpOptionsFromCredential({
			host: 'h',
			kex: 'curve25519-sha256',
			connectTimeout: 20,
			operationTimeout: 30,
			advanced: { kex: 'diffie-hellman-group1-sha1', connectTimeout: 5, operationTimeout: 120 },
		});
		expect(options.algorithms?.kex).toEqual(['curve25519-sha256']);
		expect(options.connectTimeoutMs).toBe(5000);
		expect(options.operationTimeoutMs).toBe(30_000);
	});

	it('defaults SFTP to port 22 and keeps "accept any" off unless it is exactly true', () => {
		const options = sftpOptionsFromCredential({ host: 'h', username: 'u', acceptAnyHostKey: 'yes' });
		expect(options).toMatchObject({
			port: 22,
			acceptAnyHostKey: false,
			connectTimeoutMs: 20_000,
			keepaliveIntervalMs: 10_000,
		});
	});

	it('maps the FTP credential with certificate verification on unless turned off', () => {
		expect(ftpOptionsFromCredential({ host: 'ftp.example.com', user: 'u', password: 'p', tls: 'implicit' })).toEqual({
			host: 'ftp.example.com',
			port: 990,
			user: 'u',
			password: 'p',
			tls: 'implicit',
			verifyCertificate: true,
			caCertificate: undefined,
			certificateFingerprint: undefined,
			transferMode: 'passive',
			connectTimeoutMs: 20_000,
		});
		expect(ftpOptionsFromCredential({ host: 'h', verifyTls: false, transferMode: 'active' })).toMatchObject({
			port: 21,
			tls: 'explicit',
			verifyCertificate: false,
			transferMode: 'active',
		});
	});

	it('creates the client of the chosen protocol', () => {
		expect(createExchangeClient('sftp', { host: 'h' }).protocol).toBe('sftp');
		expect(createExchangeClient('ftp', { host: 'h' }).protocol).toBe('ftp');
	});
});
