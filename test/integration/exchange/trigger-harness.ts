import { chown, mkdir, stat, writeFile } from 'node:fs/promises';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { FileExchangeTrigger } from '../../../nodes/FileExchangeTrigger/FileExchangeTrigger.node';
import type { FtpServerInfo, SftpServerInfo } from '../../servers/types';
import { fakePollFunctions, type ParameterValue } from './fake-n8n';
import { diskPath, testServers } from './helpers';

/** One server the trigger is tested against, with the credential data the node reads for it. */
export interface TriggerCase {
	name: string;
	protocol: 'sftp' | 'ftp';
	info: () => SftpServerInfo | FtpServerInfo;
	credentials: () => IDataObject;
}

function ftpCase(name: string, key: 'vsftpdExplicit' | 'vsftpdPlain'): TriggerCase {
	const info = () => testServers().ftp[key];
	return {
		name,
		protocol: 'ftp',
		info,
		credentials: () => ({
			host: info().host,
			port: info().port,
			user: info().username,
			password: info().password,
			tls: info().tls,
			verifyTls: true,
			trustedCa: info().ca,
		}),
	};
}

export const sftpTriggerCase: TriggerCase = {
	name: 'SFTP',
	protocol: 'sftp',
	info: () => testServers().sftp,
	credentials: () => {
		const info = testServers().sftp;
		return {
			host: info.host,
			port: info.port,
			username: info.username,
			password: info.password,
			hostKeys: info.hostKeys.map((key) => key.knownHostsLine).join('\n'),
		};
	},
};

export const triggerCases: TriggerCase[] = [
	sftpTriggerCase,
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
		fakePollFunctions({
			parameters: { protocol: serverCase.protocol, ...parameters },
			credentials: serverCase.credentials(),
			staticData,
			mode,
		}),
	);
	return result?.[0] ?? [];
}
