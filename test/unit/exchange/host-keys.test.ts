import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { utils as sshUtils } from 'ssh2';

import {
	describePresentedKey,
	fingerprintOf,
	hostKeyMismatchError,
	keyTypeOf,
	matchesPin,
	missingPinError,
	parseHostKeyPins,
	pinnedAlgorithms,
} from '../../../lib/exchange/credentials/host-keys';

function ed25519PublicBlob(): Buffer {
	const { privateKey } = generateKeyPairSync('ed25519');
	const jwk = privateKey.export({ format: 'jwk' });
	const raw = Buffer.from(jwk.x as string, 'base64url');
	const length = (value: number) => {
		const buffer = Buffer.alloc(4);
		buffer.writeUInt32BE(value);
		return buffer;
	};
	return Buffer.concat([length(11), Buffer.from('ssh-ed25519'), length(raw.length), raw]);
}

describe('host keys', () => {
	const blob = ed25519PublicBlob();
	const presented = describePresentedKey(blob);

	it('computes the OpenSSH SHA256 fingerprint and the key type of a blob', () => {
		expect(presented.keyType).toBe('ssh-ed25519');
		expect(presented.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
		expect(fingerprintOf(blob)).toBe(presented.fingerprint);
		expect(keyTypeOf(Buffer.from([0, 0]))).toBe('unknown');
	});

	it('reads fingerprints, typed fingerprints, known_hosts lines and public keys; skips comments', () => {
		const base64 = blob.toString('base64');
		const pins = parseHostKeyPins(
			[
				'# pinned on 2026-11-25',
				presented.fingerprint,
				`${presented.fingerprint} (ssh-ed25519)`,
				`ssh-ed25519 ${presented.fingerprint}`,
				`[sftp.example.com]:2222 ssh-ed25519 ${base64}`,
				`ssh-ed25519 ${base64} comment`,
				'',
			].join('\n'),
		);
		expect(pins).toEqual([
			{ fingerprint: presented.fingerprint, keyType: undefined },
			{ fingerprint: presented.fingerprint, keyType: 'ssh-ed25519' },
			{ fingerprint: presented.fingerprint, keyType: 'ssh-ed25519' },
			{ fingerprint: presented.fingerprint, keyType: 'ssh-ed25519' },
			{ fingerprint: presented.fingerprint, keyType: 'ssh-ed25519' },
		]);
		expect(pins.every((pin) => matchesPin([pin], presented))).toBe(true);
	});

	it('accepts a fingerprint with base64 padding', () => {
		const [pin] = parseHostKeyPins(`${presented.fingerprint}=`);
		expect(pin.fingerprint).toBe(presented.fingerprint);
	});

	it('refuses unreadable lines, markers and a blob of another type than named', () => {
		expect(() => parseHostKeyPins('not a key')).toThrow(/cannot read the host key line/);
		expect(() => parseHostKeyPins(`@cert-authority * ssh-ed25519 ${blob.toString('base64')}`)).toThrow(/markers/);
		expect(() => parseHostKeyPins(`host ssh-rsa ${blob.toString('base64')}`)).toThrow(/holds a ssh-ed25519 key/);
	});

	it('restricts the offered algorithms to the pinned key types only when every pin names its type', () => {
		expect(pinnedAlgorithms(parseHostKeyPins(`ssh-rsa ${presented.fingerprint}`))).toEqual([
			'rsa-sha2-512',
			'rsa-sha2-256',
			'ssh-rsa',
		]);
		expect(pinnedAlgorithms(parseHostKeyPins(presented.fingerprint))).toBeUndefined();
		expect(pinnedAlgorithms([])).toBeUndefined();
	});

	it('does not match a pin of the same fingerprint but another key type', () => {
		expect(matchesPin([{ fingerprint: presented.fingerprint, keyType: 'ssh-rsa' }], presented)).toBe(false);
	});

	it('writes mismatch and missing-pin errors that name what the server presented', () => {
		expect(hostKeyMismatchError(presented, 'h:22').message).toMatch(
			new RegExp(
				`^host key mismatch: server presented ${presented.fingerprint.replace(/[+/]/g, '\\$&')} \\(ssh-ed25519\\)`,
			),
		);
		expect(missingPinError([presented], 'h:22').message).toContain(`${presented.fingerprint} (ssh-ed25519)`);
		expect(missingPinError([], 'h:22').message).toContain('none could be read');
	});

	it('agrees with ssh2 on the key type of a parsed public key', () => {
		const parsed = sshUtils.parseKey(`ssh-ed25519 ${blob.toString('base64')}`);
		if (parsed instanceof Error) throw parsed;
		const key = Array.isArray(parsed) ? parsed[0] : parsed;
		expect(keyTypeOf(key.getPublicSSH())).toBe(key.type);
	});
});
