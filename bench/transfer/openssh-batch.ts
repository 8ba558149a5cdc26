import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { promisify } from 'node:util';

import type { SftpServerInfo } from '../../test/servers/types';
import type { PayloadFile } from './payload';

const SFTP_BINARY = '/usr/bin/sftp';

export interface OpensshBatch {
	/** Runs the batch once (connect, put to `.part`, rename, chmod for every file). */
	run(): Promise<void>;
	dispose(): Promise<void>;
}

/**
 * OpenSSH's `sftp -b` doing what an atomic upload does: `put` to `name.part`, `rename`, `chmod`.
 * Local files, key and known_hosts are written once, outside the timed run.
 */
export async function prepareOpensshBatch(
	server: SftpServerInfo,
	port: number,
	remoteFolder: string,
	payload: PayloadFile[],
	mode: number,
): Promise<OpensshBatch> {
	const folder = await mkdtemp(join(tmpdir(), 'bench-sftp-batch-'));
	const keyFile = join(folder, 'id_ed25519');
	const knownHosts = join(folder, 'known_hosts');
	const batchFile = join(folder, 'batch');
	await writeFile(keyFile, server.privateKey, { mode: 0o600 });
	const hostLines = server.hostKeys.map((key) => key.knownHostsLine.replace(/^\S+/, `[${server.host}]:${port}`));
	await writeFile(knownHosts, `${hostLines.join('\n')}\n`);
	const commands: string[] = [];
	for (const file of payload) {
		const local = join(folder, file.name);
		const remote = posix.join(remoteFolder, file.name);
		await writeFile(local, file.content);
		commands.push(`put ${local} ${remote}.part`, `rename ${remote}.part ${remote}`, `chmod ${mode.toString(8)} ${remote}`);
	}
	await writeFile(batchFile, `${commands.join('\n')}\n`);
	const args = [
		'-q',
		'-b', batchFile,
		'-i', keyFile,
		'-P', String(port),
		'-o', `UserKnownHostsFile=${knownHosts}`,
		'-o', 'StrictHostKeyChecking=yes',
		'-o', 'BatchMode=yes',
		`${server.username}@${server.host}`,
	];
	return {
		run: async () => {
			await promisify(execFile)(SFTP_BINARY, args, { maxBuffer: 16 * 1024 * 1024 });
		},
		dispose: async () => await rm(folder, { recursive: true, force: true }),
	};
}
