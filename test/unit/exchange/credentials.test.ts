import { describe, expect, it } from 'vitest';

import {
	createExchangeClient,
	ftpOptionsFromCredential,
	sftpOptionsFromCredential,
} from '../../../lib/exchange/credentials';

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
