import type { WorkflowFile } from '../../test/e2e/n8n/client';

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

interface UploadNode {
	type: string;
	typeVersion: number;
	parameters: Record<string, unknown>;
	credentials: Record<string, CredentialRef>;
}

/** Manual Trigger → Code (the files) → the upload node under test, named `Upload`. */
export function uploadWorkflow(name: string, count: number, bytes: number, upload: UploadNode): WorkflowFile {
	return {
		name,
		nodes: [
			{ id: 'trigger', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'files',
				name: 'Files',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [220, 0],
				parameters: { jsCode: generatorCode(count, bytes) },
			},
			{ id: 'upload', name: 'Upload', position: [440, 0], ...upload },
		],
		connections: {
			Start: { main: [[{ node: 'Files', type: 'main', index: 0 }]] },
			Files: { main: [[{ node: 'Upload', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
	};
}

export function fileExchangeUpload(packageName: string, folder: string, credential: CredentialRef): UploadNode {
	return {
		type: `${packageName}.fileExchange`,
		typeVersion: 1,
		parameters: {
			protocol: 'sftp',
			operation: 'upload',
			binaryPropertyName: 'data',
			baseFolder: folder,
			pathTemplate: `=${folder}/{{ $json.name }}`,
			uploadOptions: { fileMode: '664', onConflict: 'overwrite' },
		},
		credentials: { fileExchangeSftp: credential },
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
