import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

import { runChecked } from './command';
import type { HostKeyInfo } from './types';

export type SshKeyType = 'ed25519' | 'rsa';

export interface SshKeyPair {
	privateKeyFile: string;
	/** `type base64 comment` */
	publicKey: string;
	privateKey: string;
}

/** A new OpenSSH key pair without passphrase at `file` and `file.pub`. */
export async function generateSshKey(type: SshKeyType, file: string, comment: string): Promise<SshKeyPair> {
	// 2048-bit RSA keeps start-up fast; the key only has to be of the RSA type.
	const size = type === 'rsa' ? ['-b', '2048'] : [];
	await runChecked('ssh-keygen', ['-q', '-t', type, ...size, '-N', '', '-C', comment, '-f', file]);
	const [privateKey, publicKey] = await Promise.all([readFile(file, 'utf8'), readFile(`${file}.pub`, 'utf8')]);
	return { privateKeyFile: file, privateKey, publicKey: publicKey.trim() };
}

/** `SHA256:…` of a public key blob, the format of `ssh-keygen -l` and of ssh2's host key callback. */
export function sha256Fingerprint(keyBlob: Buffer): string {
	return `SHA256:${createHash('sha256').update(keyBlob).digest('base64').replace(/=+$/, '')}`;
}

export function describeHostKey(publicKey: string, host: string, port: number): HostKeyInfo {
	const [type, base64] = publicKey.split(' ');
	return {
		type,
		fingerprintSha256: sha256Fingerprint(Buffer.from(base64, 'base64')),
		knownHostsLine: `[${host}]:${port} ${type} ${base64}`,
	};
}

export interface TlsCertificate {
	certFile: string;
	keyFile: string;
	certPem: string;
}

/** A self-signed certificate for `host` (an IP address), valid two days. */
export async function generateTlsCertificate(certFile: string, keyFile: string, host: string): Promise<TlsCertificate> {
	await runChecked('openssl', [
		'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2',
		'-subj', `/CN=${host}`, '-addext', `subjectAltName=IP:${host}`,
		'-keyout', keyFile, '-out', certFile,
	]);
	return { certFile, keyFile, certPem: await readFile(certFile, 'utf8') };
}
