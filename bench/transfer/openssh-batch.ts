import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import { promisify } from 'node:util';

import type { SftpServerInfo } from '../../test/support/servers/types';
import type { PayloadFile } from './payload';

const SFTP_BINARY = '/usr/bin/sftp';

export interface OpensshSession {
	/** Local folder for the batch's files; removed by `dispose`. */
	folder: string;
	/** Writes the batch file now; the returned function runs it (connect included) once per call. */
	prepare(commands: string[]): Promise<() => Promise<void>>;
	dispose(): Promise<void>;
}

/** OpenSSH's `sftp -b` against the server through `port`, with its key and pinned host keys. */
export async function openOpensshSession(server: SftpServerInfo, port: number): Promise<OpensshSession> {
	const folder = await mkdtemp(join(tmpdir(), 'bench-sftp-batch-'));
	const keyFile = join(folder, 'id_ed25519');
	const knownHosts = join(folder, 'known_hosts');
	await writeFile(keyFile, server.privateKey, { mode: 0o600 });
	const hostLines = server.hostKeys.map((key) => key.knownHostsLine.replace(/^\S+/, `[${server.host}]:${port}`));
	await writeFile(knownHosts, `${hostLines.join('\n')}\n`);
	let batches = 0;
	return {
		folder,
		prepare: async (commands) => {
			const batchFile = join(folder, `batch-${++batches}`);
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
			return async () => {
				await promisify(execFile)(SFTP_BINARY, args, { maxBuffer: 16 * 1024 * 1024 });
			};
		},
		dispose: async () => await rm(folder, { recursive: true, force: true }),
	};
}

export interface OpensshBatch {
	run(): Promise<void>;
	dispose(): Promise<void>;
}

/** `sftp -b` doing what an atomic upload does: `put` to `name.part`, `rename`, `chmod`, per file. */
export async function prepareOpensshBatch(
	server: SftpServerInfo,
	port: number,
	remoteFolder: string,
	payload: PayloadFile[],
	mode: number,
): Promise<OpensshBatch> {
	const session = await openOpensshSession(server, port);
	const commands: string[] = [];
	for (const file of payload) {
		const local = join(session.folder, file.name);
		const remote = posix.join(remoteFolder, file.name);
		await writeFile(local, file.content);
		commands.push(`put ${local} ${remote}.part`, `rename ${remote}.part ${remote}`, `chmod ${mode.toString(8)} ${remote}`);
	}
	return { run: await session.prepare(commands), dispose: session.dispose };
}
