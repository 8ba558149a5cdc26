import type { N8nClient } from '../../test/e2e/n8n/client';
import { credentialNamesOf } from '../../test/e2e/pipelines/examples';
import type { SftpServerInfo } from '../../test/servers/types';

export interface ExportTargets {
	emulatorUrl: string;
	apiKey: string;
	partyId: number;
	sftp: SftpServerInfo;
}

function credentialData(type: string, targets: ExportTargets): Record<string, unknown> {
	const { sftp } = targets;
	switch (type) {
		case 'billitApi':
			return { environment: 'custom', baseUrl: targets.emulatorUrl, apiKey: targets.apiKey, partyId: String(targets.partyId) };
		case 'fileExchangeSftpApi':
			return {
				host: sftp.host,
				port: sftp.port,
				username: sftp.username,
				password: sftp.password,
				hostKeys: sftp.hostKeys.map((key) => key.fingerprintSha256).join('\n'),
				acceptAnyHostKey: false,
			};
		default:
			throw new Error(`the backfill benchmark has no credential for type ${type}`);
	}
}

/**
 * Creates the credentials a workflow refers to, under the names it uses, so n8n links them on
 * import. (The e2e helper does the same but imports vitest, which a plain tsx run cannot load.)
 */
export async function createCredentialsFor(client: N8nClient, workflow: Parameters<typeof credentialNamesOf>[0], targets: ExportTargets): Promise<void> {
	for (const [type, name] of credentialNamesOf(workflow)) await client.createCredential(name, type, credentialData(type, targets));
}
