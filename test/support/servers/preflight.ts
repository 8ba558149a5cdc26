import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import { SSHD_BINARY } from './sftp-server';
import { VSFTPD_BINARY } from './vsftpd-server';

const INSTALL_HINT = 'Run the tests as root with npm test, which installs the missing packages first (scripts/install-test-deps.sh).';
const TOOLS_ON_PATH = ['ssh-keygen', 'openssl', 'useradd', 'usermod', 'chpasswd'];

async function isExecutable(file: string): Promise<boolean> {
	return await access(file, constants.X_OK).then(
		() => true,
		() => false,
	);
}

async function onPath(program: string): Promise<boolean> {
	const folders = (process.env.PATH ?? '').split(':').filter(Boolean);
	for (const folder of folders) {
		if (await isExecutable(join(folder, program))) return true;
	}
	return false;
}

/** Fails with one message naming everything missing: the integration suite never skips servers. */
export async function assertServerPrerequisites(): Promise<void> {
	const problems: string[] = [];
	if (process.getuid?.() !== 0) {
		problems.push('not running as root (sshd and vsftpd switch to the test user, which needs root)');
	}
	for (const binary of [SSHD_BINARY, VSFTPD_BINARY]) {
		if (!(await isExecutable(binary))) problems.push(`${binary} is missing`);
	}
	for (const program of TOOLS_ON_PATH) {
		if (!(await onPath(program))) problems.push(`${program} is not on PATH`);
	}
	if (problems.length > 0) {
		throw new Error(`Cannot start the test servers: ${problems.join('; ')}. ${INSTALL_HINT}`);
	}
}

/**
 * sshd accepts a chroot only if it and every folder above it belong to root and are writable by
 * root alone, so the run folder cannot live under a world-writable temp folder.
 */
export async function assertChrootSafe(folder: string): Promise<void> {
	for (let current = folder; ; current = dirname(current)) {
		const info = await stat(current);
		if (info.uid !== 0 || (info.mode & 0o022) !== 0) {
			throw new Error(
				`${current} must be owned by root and not group- or world-writable to hold the SFTP chroot; ` +
					'choose another BILLIT_TEST_SERVERS_DIR',
			);
		}
		if (dirname(current) === current) return;
	}
}
