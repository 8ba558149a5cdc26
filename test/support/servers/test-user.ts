import { readFile, writeFile } from 'node:fs/promises';

import { runChecked, runCommand } from './command';

export interface TestUser {
	username: string;
	password: string;
	uid: number;
	gid: number;
}

export const TEST_USERNAME = 'billit-sftp';
// A fixed, test-only password: several suites may run at once on one machine, and a password
// changed per run would break the logins of the other runs. The servers listen on 127.0.0.1 only.
 
const TEST_PASSWORD = 'billit-sftp-Test-Only-1';
// vsftpd changes into the home folder before its own local_root, so the home must exist; the
// servers start every session in a per-run folder anyway.
const TEST_HOME = '/';
const NO_LOGIN_SHELL = '/usr/sbin/nologin';
const USERADD_EXIT_USER_EXISTS = 9;

// useradd writes local accounts, so the local files are the truth (and faster than spawning getent).
async function accountFields(file: '/etc/passwd' | '/etc/shadow', username: string): Promise<string[] | undefined> {
	const line = (await readFile(file, 'utf8')).split('\n').find((entry) => entry.startsWith(`${username}:`));
	return line?.split(':');
}

async function lookupUser(username: string): Promise<{ uid: number; gid: number; home: string } | undefined> {
	const fields = await accountFields('/etc/passwd', username);
	if (!fields) return undefined;
	const [, , uid, gid, , home] = fields;
	return { uid: Number(uid), gid: Number(gid), home };
}

async function shadowHash(username: string): Promise<string> {
	return (await accountFields('/etc/shadow', username))?.[1] ?? '';
}

async function hasPassword(username: string, password: string): Promise<boolean> {
	const hash = await shadowHash(username);
	const match = /^\$6\$([^$]+)\$/.exec(hash);
	if (!match) return false;
	const candidate = await runChecked('openssl', ['passwd', '-6', '-salt', match[1], '-stdin'], { input: password });
	return candidate.trim() === hash;
}

async function setPassword(username: string, password: string): Promise<void> {
	// Another suite starting at the same moment may hold the shadow lock for a few milliseconds.
	for (let attempt = 1; ; attempt++) {
		const result = await runCommand('chpasswd', [], { input: `${username}:${password}\n` });
		if (result.code === 0) return;
		if (attempt === 5) throw new Error(`chpasswd failed for ${username}: ${result.stderr.trim()}`);
		await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
	}
}

/** Creates the non-root test user once; later calls only repair what differs. */
export async function ensureTestUser(): Promise<TestUser> {
	let user = await lookupUser(TEST_USERNAME);
	if (!user) {
		const created = await runCommand('useradd', ['-M', '-d', TEST_HOME, '-s', NO_LOGIN_SHELL, TEST_USERNAME]);
		if (created.code !== 0 && created.code !== USERADD_EXIT_USER_EXISTS) {
			throw new Error(`useradd ${TEST_USERNAME} failed: ${created.stderr.trim()}`);
		}
		user = await lookupUser(TEST_USERNAME);
		if (!user) throw new Error(`useradd did not create ${TEST_USERNAME}`);
	}
	if (user.home !== TEST_HOME) await runChecked('usermod', ['-d', TEST_HOME, TEST_USERNAME]);
	if (!(await hasPassword(TEST_USERNAME, TEST_PASSWORD))) await setPassword(TEST_USERNAME, TEST_PASSWORD);
	return { username: TEST_USERNAME, password: TEST_PASSWORD, uid: user.uid, gid: user.gid };
}

const PAM_SERVICE = 'billit-test-ftp';
// Debian's own /etc/pam.d/vsftpd requires a login shell listed in /etc/shells (pam_shells), which
// the nologin test user deliberately lacks; this service is the standard stack without that check.
const PAM_SERVICE_TEXT = `# Written by the n8n-nodes-billit test servers (test/support/servers): password login of the FTP test user.
@include common-auth
@include common-account
@include common-session
`;

/** Installs the PAM service vsftpd authenticates the test user with; returns its name. */
export async function ensureFtpPamService(): Promise<string> {
	const file = `/etc/pam.d/${PAM_SERVICE}`;
	const current = await readFile(file, 'utf8').catch(() => '');
	if (current !== PAM_SERVICE_TEXT) await writeFile(file, PAM_SERVICE_TEXT, { mode: 0o644 });
	return PAM_SERVICE;
}
