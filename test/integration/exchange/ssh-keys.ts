import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { appendFile, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface ClientKey {
	label: string;
	privateKey: string;
	passphrase?: string;
	publicLine: string;
}

export type KeyFormat = 'openssh' | 'pem' | 'pkcs8';

/** A client key made by ssh-keygen in the given format, encrypted when a passphrase is given. */
export async function sshKeygenKey(
	type: 'rsa' | 'ecdsa' | 'ed25519',
	format: KeyFormat,
	passphrase = '',
): Promise<ClientKey> {
	const folder = await mkdtemp(join(tmpdir(), 'fx-key-'));
	const file = join(folder, 'key');
	const formatArgs = format === 'openssh' ? [] : ['-m', format === 'pem' ? 'PEM' : 'PKCS8'];
	const size = type === 'rsa' ? ['-b', '2048'] : [];
	await run('ssh-keygen', ['-q', '-t', type, ...size, ...formatArgs, '-N', passphrase, '-C', 'fx', '-f', file]);
	return {
		label: `${type} ${format}${passphrase ? ' encrypted' : ''}`,
		privateKey: await readFile(file, 'utf8'),
		passphrase: passphrase || undefined,
		publicLine: (await readFile(`${file}.pub`, 'utf8')).trim(),
	};
}

function sshString(value: Buffer): Buffer {
	const length = Buffer.alloc(4);
	length.writeUInt32BE(value.length);
	return Buffer.concat([length, value]);
}

/** An Ed25519 key in PKCS#8 PEM, which ssh-keygen does not write but other tools do. */
export function pkcs8Ed25519Key(passphrase = ''): ClientKey {
	const { privateKey } = generateKeyPairSync('ed25519');
	const pem = privateKey.export(
		passphrase ? { type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase } : { type: 'pkcs8', format: 'pem' },
	) as string;
	const publicKey = Buffer.from(privateKey.export({ format: 'jwk' }).x as string, 'base64url');
	const blob = Buffer.concat([sshString(Buffer.from('ssh-ed25519')), sshString(publicKey)]);
	return {
		label: `ed25519 pkcs8${passphrase ? ' encrypted' : ''}`,
		privateKey: pem,
		passphrase: passphrase || undefined,
		publicLine: `ssh-ed25519 ${blob.toString('base64')}`,
	};
}

/** test/support/servers keeps authorized keys in `<run>/sshd-authorized-keys/<user>`; the data root is `<run>/sftp-chroot/data`. */
export function authorizedKeysFile(sftpRoot: string, username: string): string {
	return join(dirname(dirname(sftpRoot)), 'sshd-authorized-keys', username);
}

export async function authorise(sftpRoot: string, username: string, keys: ClientKey[]): Promise<void> {
	const file = authorizedKeysFile(sftpRoot, username);
	await readFile(file, 'utf8');
	await appendFile(file, `${keys.map((key) => key.publicLine).join('\n')}\n`);
}
