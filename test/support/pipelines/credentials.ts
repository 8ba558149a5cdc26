import { DEMO } from '../../../emulator/seed';
import type { SftpServerInfo } from '../servers/types';
import type { N8nClient, StoredCredential, WorkflowFile } from '../n8n/client';
import { credentialNamesOf } from './examples';

export interface PipelineTargets {
	emulatorUrl: string;
	sftp: SftpServerInfo;
}

/** A File Exchange SFTP credential for the test server: password login, host keys pinned. */
export function fileExchangeSftpCredential(sftp: SftpServerInfo): Record<string, unknown> {
	return {
		host: sftp.host,
		port: sftp.port,
		username: sftp.username,
		password: sftp.password,
		hostKeys: sftp.hostKeys.map((key) => key.fingerprintSha256).join('\n'),
		acceptAnyHostKey: false,
	};
}

/** Credential data per type, pointing at the emulator and the real servers of this run. */
function credentialData(type: string, { emulatorUrl, sftp }: PipelineTargets): Record<string, unknown> {
	switch (type) {
		case 'billitApi':
			return { environment: 'custom', baseUrl: emulatorUrl, apiKey: DEMO.apiKey, partyId: String(DEMO.partyIds[0]) };
		case 'fileExchangeSftpApi':
			return fileExchangeSftpCredential(sftp);
		// n8n's own SFTP credential (built-in FTP node): no host-key field, so no pinning.
		case 'sftp':
			return { host: sftp.host, port: sftp.port, username: sftp.username, password: sftp.password };
		default:
			throw new Error(`no test credential for type ${type}`);
	}
}

/**
 * Creates, under the names the examples refer to, the credentials they need (once per type and
 * name), so n8n links them when the unchanged files are imported. Returns a function that deletes
 * them again.
 */
export async function createCredentialsFor(
	n8n: N8nClient,
	workflows: WorkflowFile | WorkflowFile[],
	targets: PipelineTargets,
): Promise<() => Promise<void>> {
	const needed = new Map<string, { type: string; name: string }>();
	for (const workflow of [workflows].flat()) {
		for (const [type, name] of credentialNamesOf(workflow)) needed.set(`${type}\0${name}`, { type, name });
	}
	const created: StoredCredential[] = [];
	const remove = async () => {
		await Promise.all(created.map(async (credential) => await n8n.deleteCredential(credential.id)));
	};
	try {
		for (const { type, name } of needed.values()) {
			created.push(await n8n.createCredential(name, type, credentialData(type, targets)));
		}
	} catch (error) {
		await remove();
		throw error;
	}
	return remove;
}
