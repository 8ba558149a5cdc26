import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

import { utils } from 'ssh2';

export interface HostKey {
	/** OpenSSH private key text, for the server. */
	privateKey: string;
	/** `SHA256:…` as `ssh-keygen -l` prints it, for the credential's pinned host keys. */
	fingerprint: string;
}

function fingerprintOf(privateKey: string): string {
	const parsed = utils.parseKey(privateKey);
	if (parsed instanceof Error) throw parsed;
	const key = Array.isArray(parsed) ? parsed[0] : parsed;
	return `SHA256:${createHash('sha256').update(key.getPublicSSH()).digest('base64').replace(/=+$/, '')}`;
}

/** The demo server's ed25519 host key: generated on the first start, then the same on every start. */
export function loadOrCreateHostKey(file: string): HostKey {
	if (!existsSync(file)) {
		mkdirSync(dirname(file), { recursive: true });
		const { private: privateKey } = utils.generateKeyPairSync('ed25519');
		writeFileSync(file, privateKey, { mode: 0o600 });
	}
	const privateKey = readFileSync(file, 'utf8');
	return { privateKey, fingerprint: fingerprintOf(privateKey) };
}
