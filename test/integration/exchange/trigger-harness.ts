import { chown, mkdir, stat, writeFile } from 'node:fs/promises';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { FileExchangeTrigger } from '../../../nodes/FileExchangeTrigger/FileExchangeTrigger.node';
import type { ParameterValue } from '../../support/fake-n8n/parameters';
import { fakeTrigger } from '../../support/fake-n8n/trigger';
import { diskPath } from './helpers';
import { ftpCase, sftpCase, type ServerCase } from './server-cases';

export type TriggerCase = ServerCase;

export const triggerCases: TriggerCase[] = [
	sftpCase('knownHostsLine'),
	ftpCase('FTPS (vsftpd, explicit TLS)', 'vsftpdExplicit'),
	ftpCase('FTP (vsftpd, no TLS)', 'vsftpdPlain'),
];

/** Gives a file or folder created by the test to the server's user, as if that user had made it. */
async function giveToServerUser(serverCase: TriggerCase, path: string): Promise<void> {
	const owner = await stat(diskPath(serverCase.info(), serverCase.info().remoteRoot));
	await chown(path, owner.uid, owner.gid);
}

export async function writeAsServerUser(serverCase: TriggerCase, remotePath: string, content: string): Promise<void> {
	const path = diskPath(serverCase.info(), remotePath);
	await writeFile(path, content);
	await giveToServerUser(serverCase, path);
}

/** Creates the remote folders (each relative to the server root, parents first) owned by the server's user. */
export async function makeFoldersAsServerUser(serverCase: TriggerCase, ...remotePaths: string[]): Promise<void> {
	for (const remotePath of remotePaths) {
		const path = diskPath(serverCase.info(), remotePath);
		await mkdir(path, { recursive: true });
		await giveToServerUser(serverCase, path);
	}
}

/**
 * Polls once with a new node instance, as after a restart: only `staticData` carries over.
 * Returns the emitted items (none when the poll emitted nothing).
 */
export async function pollTrigger(
	serverCase: TriggerCase,
	parameters: Record<string, ParameterValue>,
	staticData: IDataObject,
	mode: 'trigger' | 'manual' = 'trigger',
): Promise<INodeExecutionData[]> {
	const result = await new FileExchangeTrigger().poll.call(
		fakeTrigger({
			parameters: { protocol: serverCase.protocol, ...parameters },
			credentials: { [serverCase.credentialType]: serverCase.credentials() },
			staticData,
			mode,
			node: { id: 'file-exchange-test', name: 'File Exchange Trigger', type: 'n8n-nodes-billit.fileExchangeTrigger' },
		}).context,
	);
	return result?.[0] ?? [];
}
