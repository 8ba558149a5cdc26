import type { WorkflowFile } from '../../test/support/n8n/client';

/** What a Code node runs to make `count` binary items whose content follows `patternContent`. */
function generatorCode(count: number, bytes: number): string {
	return [
		`const count = ${count};`,
		`const bytes = ${bytes};`,
		'return Array.from({ length: count }, (_, index) => {',
		"\tconst name = `file-${String(index + 1).padStart(5, '0')}.bin`;",
		'\tconst data = Buffer.alloc(bytes, `${name} `).toString("base64");',
		"\treturn { json: { name }, binary: { data: { data, mimeType: 'application/octet-stream', fileName: name } } };",
		'});',
	].join('\n');
}

export interface CredentialRef {
	id: string;
	name: string;
}

export interface UploadNode {
	type: string;
	typeVersion: number;
	parameters: Record<string, unknown>;
	credentials: Record<string, CredentialRef>;
}

export interface WorkflowStep extends UploadNode {
	name: string;
}

/** Manual Trigger, then the steps one after the other. */
export function chainWorkflow(name: string, steps: WorkflowStep[]): WorkflowFile {
	const nodes = [
		{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		...steps.map((step, index) => ({ id: `step-${index + 1}`, position: [220 * (index + 1), 0], ...step })),
	];
	const connections = Object.fromEntries(
		nodes.slice(0, -1).map((node, index) => [node.name, { main: [[{ node: nodes[index + 1].name, type: 'main', index: 0 }]] }]),
	);
	return { name, nodes, connections, settings: { executionOrder: 'v1' } };
}

/** Manual Trigger → Code (the files) → the upload node under test, named `Upload`. */
export function uploadWorkflow(name: string, count: number, bytes: number, upload: UploadNode): WorkflowFile {
	return chainWorkflow(name, [
		{
			name: 'Files',
			type: 'n8n-nodes-base.code',
			typeVersion: 2,
			parameters: { jsCode: generatorCode(count, bytes) },
			credentials: {},
		},
		{ name: 'Upload', ...upload },
	]);
}

/** File Exchange upload, atomic, mode 664, to `pathTemplate` (a path template, or an n8n expression giving one) under `folder`. */
export function fileExchangeUpload(
	packageName: string,
	folder: string,
	pathTemplate: string,
	credential: CredentialRef,
	connectionOptions: Record<string, unknown> = {},
): UploadNode {
	return {
		type: `${packageName}.fileExchange`,
		typeVersion: 1,
		parameters: {
			protocol: 'sftp',
			operation: 'upload',
			binaryPropertyName: 'data',
			baseFolder: folder,
			pathTemplate,
			uploadOptions: { fileMode: '664', onConflict: 'overwrite' },
			connectionOptions,
		},
		credentials: { fileExchangeSftpApi: credential },
	};
}

export function builtInSftpUpload(folder: string, credential: CredentialRef): UploadNode {
	return {
		type: 'n8n-nodes-base.ftp',
		typeVersion: 1,
		parameters: {
			protocol: 'sftp',
			operation: 'upload',
			path: `=${folder}/{{ $json.name }}`,
			binaryData: true,
			binaryPropertyName: 'data',
		},
		credentials: { sftp: credential },
	};
}

/** File Exchange download of one remote file into binary property `data`. */
export function fileExchangeDownload(
	packageName: string,
	path: string,
	credential: CredentialRef,
	connectionOptions: Record<string, unknown> = {},
): UploadNode {
	return {
		type: `${packageName}.fileExchange`,
		typeVersion: 1,
		parameters: { protocol: 'sftp', operation: 'download', path, binaryPropertyName: 'data', connectionOptions },
		credentials: { fileExchangeSftpApi: credential },
	};
}

export function readLocalFile(path: string): UploadNode {
	return {
		type: 'n8n-nodes-base.readWriteFile',
		typeVersion: 1,
		parameters: { operation: 'read', fileSelector: path, options: { dataPropertyName: 'data' } },
		credentials: {},
	};
}

export function writeLocalFile(path: string): UploadNode {
	return {
		type: 'n8n-nodes-base.readWriteFile',
		typeVersion: 1,
		parameters: { operation: 'write', fileName: path, dataPropertyName: 'data' },
		credentials: {},
	};
}
