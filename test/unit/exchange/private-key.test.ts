import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { utils as sshUtils } from 'ssh2';

import { normalisePrivateKey, preparePrivateKey } from '../../../lib/exchange/credentials/private-key';

const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
const ed25519 = generateKeyPairSync('ed25519').privateKey;

function flatten(pem: string): string {
	return pem.replace(/\n/g, ' ');
}

function parsesInSsh2(key: string, passphrase?: string): string {
	const parsed = sshUtils.parseKey(key, passphrase);
	if (parsed instanceof Error) throw parsed;
	return (Array.isArray(parsed) ? parsed[0] : parsed).type;
}

describe('normalisePrivateKey', () => {
	const pem = rsa.export({ type: 'pkcs1', format: 'pem' }) as string;

	it('restores a PEM key pasted on one line, with literal \\n or with CRLF', () => {
		const expected = normalisePrivateKey(pem);
		expect(normalisePrivateKey(flatten(pem))).toBe(expected);
		expect(normalisePrivateKey(pem.replace(/\n/g, '\\n'))).toBe(expected);
		expect(normalisePrivateKey(pem.replace(/\n/g, '\r\n'))).toBe(expected);
		expect(parsesInSsh2(expected)).toBe('ssh-rsa');
	});

	it('keeps the encryption headers of a legacy encrypted PEM key in their place', () => {
		const encrypted = rsa.export({
			type: 'pkcs1',
			format: 'pem',
			cipher: 'aes-128-cbc',
			passphrase: 'secret',
		}) as string;
		const restored = normalisePrivateKey(flatten(encrypted));
		expect(restored).toMatch(
			/^-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,[0-9A-F]+\n\n/,
		);
		expect(parsesInSsh2(restored, 'secret')).toBe('ssh-rsa');
	});
});

describe('preparePrivateKey', () => {
	it.each([
		['RSA PKCS#1', rsa.export({ type: 'pkcs1', format: 'pem' }) as string, 'ssh-rsa'],
		['RSA PKCS#8', rsa.export({ type: 'pkcs8', format: 'pem' }) as string, 'ssh-rsa'],
		['ECDSA SEC1', ec.export({ type: 'sec1', format: 'pem' }) as string, 'ecdsa-sha2-nistp256'],
		['ECDSA PKCS#8', ec.export({ type: 'pkcs8', format: 'pem' }) as string, 'ecdsa-sha2-nistp256'],
		['Ed25519 PKCS#8', ed25519.export({ type: 'pkcs8', format: 'pem' }) as string, 'ssh-ed25519'],
	])('accepts %s, also pasted on one line', (_label, pem, type) => {
		const usable = preparePrivateKey(flatten(pem));
		expect(parsesInSsh2(usable.key, usable.passphrase)).toBe(type);
	});

	it('decrypts an encrypted PKCS#8 key with its passphrase, and says when the passphrase is wrong', () => {
		const encrypted = ed25519.export({
			type: 'pkcs8',
			format: 'pem',
			cipher: 'aes-256-cbc',
			passphrase: 'pw',
		}) as string;
		expect(parsesInSsh2(preparePrivateKey(encrypted, 'pw').key)).toBe('ssh-ed25519');
		expect(() => preparePrivateKey(encrypted, 'wrong')).toThrow(/passphrase is missing or wrong/);
		expect(() => preparePrivateKey(encrypted)).toThrow(/passphrase is missing or wrong/);
	});

	it('says when a legacy encrypted PEM key lacks its passphrase', () => {
		const encrypted = rsa.export({ type: 'pkcs1', format: 'pem', cipher: 'aes-128-cbc', passphrase: 'pw' }) as string;
		expect(() => preparePrivateKey(encrypted)).toThrow(/passphrase is missing or wrong/);
		expect(preparePrivateKey(encrypted, 'pw').passphrase).toBe('pw');
	});

	it('asks to convert a PuTTY v3 key with puttygen', () => {
		const ppk3 = 'PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: x\nPublic-Lines: 2\nAAAA\nAAAA\n';
		expect(() => preparePrivateKey(ppk3)).toThrow(/convert it with puttygen/);
	});

	it('names the supported formats for anything else', () => {
		expect(() => preparePrivateKey('hello')).toThrow(/format is not supported: use an OpenSSH key/);
	});
});
