import { createPrivateKey, randomBytes, type KeyObject } from 'node:crypto';
import { utils as sshUtils } from 'ssh2';

import { ExchangeError } from '../errors';

const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/;
const PEM_HEADER = /(Proc-Type|DEK-Info):\s*(\S+)/g;
const PKCS8_LABELS = new Set(['PRIVATE KEY', 'ENCRYPTED PRIVATE KEY']);

/** A private key in a form ssh2 reads, with the passphrase it still needs (if any). */
export interface UsablePrivateKey {
	key: string;
	passphrase?: string;
}

function wrap(base64: string, width: number): string[] {
	const lines: string[] = [];
	for (let offset = 0; offset < base64.length; offset += width) lines.push(base64.slice(offset, offset + width));
	return lines;
}

/**
 * Restores a key pasted into a one-line field: line breaks turned into spaces or literal `\n`, CRLF,
 * stray indentation. PEM encryption headers (Proc-Type, DEK-Info) are kept in their place.
 */
export function normalisePrivateKey(text: string): string {
	const unescaped = text
		.replace(/\\r\\n|\\n/g, '\n')
		.replace(/\r\n?/g, '\n')
		.trim();
	const block = PEM_BLOCK.exec(unescaped);
	if (!block) return unescaped.replace(/^[ \t]+|[ \t]+$/gm, '');
	const [, label, content] = block;
	const headers = [...content.matchAll(PEM_HEADER)].map((match) => `${match[1]}: ${match[2]}`);
	const body = content.replace(PEM_HEADER, '').replace(/\s+/g, '');
	const lines = [`-----BEGIN ${label}-----`];
	if (headers.length > 0) lines.push(...headers, '');
	lines.push(...wrap(body, 64), `-----END ${label}-----`);
	return `${lines.join('\n')}\n`;
}

function sshString(value: Buffer | string): Buffer {
	const data = typeof value === 'string' ? Buffer.from(value) : value;
	const length = Buffer.alloc(4);
	length.writeUInt32BE(data.length);
	return Buffer.concat([length, data]);
}

function uint32(value: number): Buffer {
	const buffer = Buffer.alloc(4);
	buffer.writeUInt32BE(value);
	return buffer;
}

/** ssh2 reads Ed25519 only in OpenSSH's own format, so a PKCS#8 Ed25519 key is re-encoded (unencrypted, in memory). */
function ed25519ToOpenSsh(key: KeyObject): string {
	const jwk = key.export({ format: 'jwk' });
	const seed = Buffer.from(jwk.d as string, 'base64url');
	const publicKey = Buffer.from(jwk.x as string, 'base64url');
	const publicBlob = Buffer.concat([sshString('ssh-ed25519'), sshString(publicKey)]);
	const check = randomBytes(4).readUInt32BE(0);
	let privateSection = Buffer.concat([
		uint32(check),
		uint32(check),
		sshString('ssh-ed25519'),
		sshString(publicKey),
		sshString(Buffer.concat([seed, publicKey])),
		sshString(''),
	]);
	const padding = (8 - (privateSection.length % 8)) % 8;
	privateSection = Buffer.concat([privateSection, Buffer.from(Array.from({ length: padding }, (_, i) => i + 1))]);
	const blob = Buffer.concat([
		Buffer.from('openssh-key-v1\0'),
		sshString('none'),
		sshString('none'),
		sshString(''),
		uint32(1),
		sshString(publicBlob),
		sshString(privateSection),
	]);
	return `-----BEGIN OPENSSH PRIVATE KEY-----\n${wrap(blob.toString('base64'), 70).join('\n')}\n-----END OPENSSH PRIVATE KEY-----\n`;
}

function fromPkcs8(pem: string, passphrase: string | undefined): string {
	let key: KeyObject | undefined;
	let failure: unknown;
	try {
		key = createPrivateKey({ key: pem, format: 'pem', passphrase });
	} catch (error) {
		failure = error;
	}
	if (!key) {
		const encrypted = pem.includes('ENCRYPTED PRIVATE KEY');
		throw new ExchangeError(
			'privateKey',
			encrypted
				? 'the private key is encrypted and the passphrase is missing or wrong'
				: 'the PKCS#8 private key cannot be read',
			{ cause: failure },
		);
	}
	switch (key.asymmetricKeyType) {
		case 'rsa':
			return key.export({ type: 'pkcs1', format: 'pem' }) as string;
		case 'ec':
			return key.export({ type: 'sec1', format: 'pem' }) as string;
		case 'ed25519':
			return ed25519ToOpenSsh(key);
		default:
			throw new ExchangeError(
				'privateKey',
				`private keys of type ${key.asymmetricKeyType ?? 'unknown'} are not supported for SSH`,
			);
	}
}

function describeParseFailure(message: string): string {
	if (/passphrase|decrypt|bad decrypt|integrity/i.test(message)) {
		return 'the private key is encrypted and the passphrase is missing or wrong';
	}
	if (/unsupported key format/i.test(message)) {
		return 'the private key format is not supported: use an OpenSSH key, a PEM key (PKCS#1, SEC1 or PKCS#8) or a PuTTY v2 key';
	}
	return `the private key cannot be read: ${message}`;
}

/** Normalises and checks a pasted private key before any connection, with errors a user can act on. */
export function preparePrivateKey(text: string, passphrase?: string): UsablePrivateKey {
	const normalised = normalisePrivateKey(text);
	if (normalised.startsWith('PuTTY-User-Key-File-3')) {
		throw new ExchangeError(
			'privateKey',
			'this is a PuTTY v3 key, which SSH libraries cannot read: convert it with puttygen ' +
				'(Conversions → Export OpenSSH key) and paste the result',
		);
	}
	const label = PEM_BLOCK.exec(normalised)?.[1];
	const secret = passphrase === '' ? undefined : passphrase;
	const usable: UsablePrivateKey =
		label !== undefined && PKCS8_LABELS.has(label)
			? { key: fromPkcs8(normalised, secret) }
			: { key: normalised, passphrase: secret };
	const parsed = sshUtils.parseKey(usable.key, usable.passphrase);
	if (parsed instanceof Error) {
		throw new ExchangeError('privateKey', describeParseFailure(parsed.message), { cause: parsed });
	}
	return usable;
}
