import { randomUUID } from 'node:crypto';

import { belgianCompanyNumber } from '../../emulator/seed';
import type { N8nClient, StoredCredential, WorkflowFile } from '../support/n8n/client';
import type { N8nExecution } from '../support/n8n/run-data';

export type WorkflowNode = WorkflowFile['nodes'][number];

/** Registered on Peppol in the emulator's seed, so a Peppol send to it is accepted. */
export const PEPPOL_CUSTOMER = { Name: 'Peppol Customer NV', VATNumber: `BE${belgianCompanyNumber(4370001)}`, CountryCode: 'BE' };

export function manualTrigger(): WorkflowNode {
	return { id: randomUUID(), name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} };
}

/** A node of this package ('billit', 'billitPeppol') with the given Billit credential. */
export function packageNode(
	n8n: N8nClient,
	credential: StoredCredential,
	type: string,
	name: string,
	parameters: Record<string, unknown>,
): WorkflowNode {
	const credentialType = credential.type;
	const authentication = credentialType === 'billitOAuth2Api' ? 'oAuth2' : 'apiKey';
	return {
		id: randomUUID(),
		name,
		type: n8n.typeName(type),
		typeVersion: 1,
		position: [0, 0],
		parameters: { authentication, ...parameters },
		credentials: { [credentialType]: { id: credential.id, name: credential.name } },
	};
}

/** A File Exchange node of this package with the given SFTP credential. */
export function fileExchangeNode(
	n8n: N8nClient,
	credential: StoredCredential,
	name: string,
	parameters: Record<string, unknown>,
): WorkflowNode {
	return {
		id: randomUUID(),
		name,
		type: n8n.typeName('fileExchange'),
		typeVersion: 1,
		position: [0, 0],
		parameters: { protocol: 'sftp', ...parameters },
		credentials: { fileExchangeSftpApi: { id: credential.id, name: credential.name } },
	};
}

/** Straight chain: each node feeds the next on its first output, laid out left to right. */
export function chain(name: string, nodes: WorkflowNode[]): WorkflowFile {
	const connections: Record<string, unknown> = {};
	for (let index = 0; index + 1 < nodes.length; index++) {
		connections[nodes[index].name] = { main: [[{ node: nodes[index + 1].name, type: 'main', index: 0 }]] };
	}
	const placed = nodes.map((node, index) => ({ ...node, position: [index * 200, 0] as [number, number] }));
	return { name, nodes: placed, connections, settings: { executionOrder: 'v1' } };
}

export interface BinaryMeta {
	fileName?: string;
	mimeType?: string;
}

/** The binary fields' metadata of each item a node gave in its last run. */
export function binaryOf(execution: N8nExecution, nodeName: string): Array<Record<string, BinaryMeta>> {
	const runs = execution.data?.resultData.runData[nodeName] ?? [];
	const items = (runs.at(-1)?.data?.main?.[0] ?? []) as Array<{ binary?: Record<string, BinaryMeta> }>;
	return items.map((item) => item.binary ?? {});
}
