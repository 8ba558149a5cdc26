/** Runs the File Exchange node against the real OpenSSH server and reads what landed on its disk. */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { FileExchange } from '../../../nodes/FileExchange/FileExchange.node';
import { binaryItem, fakeExecute, type ParameterValue } from '../../support/fake-n8n/execute';
import { testServers } from '../../integration/exchange/helpers';

export { binaryItem };
export { diskPath, remoteJoin, testServers, uniqueName } from '../../integration/exchange/helpers';
export { sshKeygenKey } from '../../integration/exchange/ssh-keys';

const run = promisify(execFile);

/** A File Exchange SFTP credential for the test server, pinned to its real host keys. */
export function sftpCredential(overrides: IDataObject = {}): IDataObject {
	const info = testServers().sftp;
	return {
		host: info.host,
		port: info.port,
		username: info.username,
		password: info.password,
		hostKeys: info.hostKeys.map((key) => key.fingerprintSha256).join('\n'),
		acceptAnyHostKey: false,
		...overrides,
	};
}

/** One File Exchange operation over SFTP with fail-fast item handling. */
export async function runFileExchange(
	operation: string,
	parameters: Record<string, ParameterValue>,
	options: { items?: INodeExecutionData[]; credentials?: IDataObject } = {},
): Promise<INodeExecutionData[][]> {
	return await new FileExchange().execute.call(
		fakeExecute({
			items: options.items ?? [binaryItem('<Invoice/>', 'invoice.xml')],
			parameters: { protocol: 'sftp', operation, ...parameters },
			credentials: { fileExchangeSftpApi: options.credentials ?? sftpCredential() },
			node: { id: 'file-exchange-test', name: 'File Exchange', type: 'n8n-nodes-billit.fileExchange' },
		}).context,
	);
}

/** Every file below a folder on disk (relative paths); none when the folder does not exist. */
export async function filesOnDisk(folder: string): Promise<string[]> {
	try {
		const entries = await readdir(folder, { recursive: true, withFileTypes: true });
		return entries
			.filter((entry) => !entry.isDirectory())
			.map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1))
			.sort();
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
		throw error;
	}
}

/** The test user's authorised private key, re-encrypted with a passphrase by ssh-keygen. */
export async function encryptedAuthorisedKey(passphrase: string): Promise<string> {
	const folder = await mkdtemp(join(tmpdir(), 'faults-key-'));
	const file = join(folder, 'key');
	await writeFile(file, testServers().sftp.privateKey, { mode: 0o600 });
	await run('ssh-keygen', ['-q', '-p', '-P', '', '-N', passphrase, '-f', file]);
	return await readFile(file, 'utf8');
}
