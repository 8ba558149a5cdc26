import { createHash } from 'node:crypto';

import { ExchangeError } from '../errors';

/** A pinned host key: always a fingerprint, with its key type when the pin names one. */
export interface HostKeyPin {
	fingerprint: string;
	keyType?: string;
}

export interface PresentedHostKey {
	keyType: string;
	fingerprint: string;
}

/** Host-key algorithms a client may negotiate for each key type. */
const ALGORITHMS_BY_KEY_TYPE: Record<string, string[]> = {
	'ssh-ed25519': ['ssh-ed25519'],
	'ssh-ed448': ['ssh-ed448'],
	'ecdsa-sha2-nistp256': ['ecdsa-sha2-nistp256'],
	'ecdsa-sha2-nistp384': ['ecdsa-sha2-nistp384'],
	'ecdsa-sha2-nistp521': ['ecdsa-sha2-nistp521'],
	'ssh-rsa': ['rsa-sha2-512', 'rsa-sha2-256', 'ssh-rsa'],
	'ssh-dss': ['ssh-dss'],
};

/** Key types a server may hold, in the order the credential test asks for them. */
export const PROBED_KEY_TYPES = [
	'ssh-ed25519',
	'ecdsa-sha2-nistp256',
	'ecdsa-sha2-nistp384',
	'ecdsa-sha2-nistp521',
	'ssh-rsa',
];

export function algorithmsForKeyType(keyType: string): string[] {
	return ALGORITHMS_BY_KEY_TYPE[keyType] ?? [keyType];
}

function stripPadding(base64: string): string {
	return base64.replace(/=+$/, '');
}

/** OpenSSH's `SHA256:` fingerprint of a host key blob. */
export function fingerprintOf(keyBlob: Buffer): string {
	return `SHA256:${stripPadding(createHash('sha256').update(keyBlob).digest('base64'))}`;
}

/** The key type written at the start of an SSH public key blob (string length + name). */
export function keyTypeOf(keyBlob: Buffer): string {
	if (keyBlob.length < 4) return 'unknown';
	const length = keyBlob.readUInt32BE(0);
	if (length <= 0 || length > 64 || keyBlob.length < 4 + length) return 'unknown';
	return keyBlob.subarray(4, 4 + length).toString('ascii');
}

export function describePresentedKey(blob: Buffer): PresentedHostKey {
	return { keyType: keyTypeOf(blob), fingerprint: fingerprintOf(blob) };
}

export function formatPresentedKey(key: PresentedHostKey): string {
	return `${key.fingerprint} (${key.keyType})`;
}

const FINGERPRINT = /^SHA256:([A-Za-z0-9+/]{43}=?)$/;
const KEY_TYPE = /^(ssh-[a-z0-9]+|ecdsa-sha2-nistp\d+|sk-[a-z0-9@.-]+)$/;
const BASE64_BLOB = /^[A-Za-z0-9+/]+={0,2}$/;

function parseFingerprint(text: string): string | undefined {
	const match = FINGERPRINT.exec(text);
	return match ? `SHA256:${stripPadding(match[1])}` : undefined;
}

function parsePinLine(line: string): HostKeyPin {
	const tokens = line.split(/\s+/);
	if (tokens[0].startsWith('@')) {
		throw new ExchangeError(
			'hostKey',
			`host key line "${tokens[0]} …": markers such as @cert-authority are not supported`,
		);
	}
	// "SHA256:… (ssh-ed25519)", as the credential test prints it
	const bare = parseFingerprint(tokens[0]);
	if (bare) {
		const typed = /^\(([^)]+)\)$/.exec(tokens[1] ?? '');
		return { fingerprint: bare, keyType: typed ? typed[1] : undefined };
	}
	// "ssh-ed25519 SHA256:…"
	if (KEY_TYPE.test(tokens[0]) && tokens[1] && parseFingerprint(tokens[1])) {
		return {
			fingerprint: parseFingerprint(tokens[1]) as string,
			keyType: tokens[0],
		};
	}
	// known_hosts ("host[,host] type base64 [comment]") or public key ("type base64 [comment]") line
	const typeIndex = tokens.findIndex((token) => KEY_TYPE.test(token));
	const blobText = typeIndex >= 0 ? tokens[typeIndex + 1] : undefined;
	if (typeIndex >= 0 && typeIndex <= 1 && blobText && BASE64_BLOB.test(blobText)) {
		const blob = Buffer.from(blobText, 'base64');
		const blobType = keyTypeOf(blob);
		if (blobType !== tokens[typeIndex]) {
			throw new ExchangeError('hostKey', `host key line for ${tokens[typeIndex]} holds a ${blobType} key`);
		}
		return { fingerprint: fingerprintOf(blob), keyType: blobType };
	}
	throw new ExchangeError(
		'hostKey',
		`cannot read the host key line "${line.slice(0, 40)}": use a SHA256:… fingerprint or a known_hosts line`,
	);
}

/** Reads the credential's host-key field: one pin per line, `#` comments and blank lines ignored. */
export function parseHostKeyPins(text: string | undefined): HostKeyPin[] {
	if (!text) return [];
	return text
		.split(/\r?\n/)
		.map((line) => line.trim())
		.filter((line) => line !== '' && !line.startsWith('#'))
		.map(parsePinLine);
}

/** The host-key algorithms to offer: only the pinned types, or undefined when a pin has no type. */
export function pinnedAlgorithms(pins: HostKeyPin[]): string[] | undefined {
	if (pins.length === 0 || pins.some((pin) => pin.keyType === undefined)) return undefined;
	const algorithms = pins.flatMap((pin) => algorithmsForKeyType(pin.keyType as string));
	return [...new Set(algorithms)];
}

export function matchesPin(pins: HostKeyPin[], key: PresentedHostKey): boolean {
	return pins.some(
		(pin) => pin.fingerprint === key.fingerprint && (pin.keyType === undefined || pin.keyType === key.keyType),
	);
}

export function hostKeyMismatchError(presented: PresentedHostKey, endpoint: string): ExchangeError {
	return new ExchangeError(
		'hostKey',
		`host key mismatch: server presented ${formatPresentedKey(presented)} at ${endpoint}, which matches no pinned host key. ` +
			'If the server key really changed, pin the new one in the credential.',
	);
}

export function missingPinError(offered: PresentedHostKey[], endpoint: string): ExchangeError {
	const list = offered.length > 0 ? offered.map(formatPresentedKey).join(', ') : 'none could be read';
	return new ExchangeError(
		'hostKey',
		`no host key is pinned for ${endpoint} and "Accept Any Host Key" is off. The server offers: ${list}. ` +
			"Check them with the server administrator and paste one per line into the credential's Host Keys field.",
	);
}
