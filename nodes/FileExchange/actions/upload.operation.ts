import { isAbsolute } from 'node:path';
import {
	BINARY_ENCODING,
	updateDisplayOptions,
	type IBinaryData,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import type { ConflictMode, UploadSource } from '../../../lib/exchange/client';
import { resolvePathTemplate, type PathTemplateValues } from '../../../lib/exchange/paths/path-template';
import { parseFileMode, passThroughWithResult } from '../helpers/fileOperations';
import type { RunContext } from '../helpers/runContext';

const properties: INodeProperties[] = [
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		description: 'The binary field holding the file to upload',
	},
	{
		displayName: 'Base Folder',
		name: 'baseFolder',
		type: 'string',
		default: '/',
		required: true,
		placeholder: '/export',
		description:
			'Every uploaded file must stay inside this folder. Over SFTP this holds through symbolic links too (checked with the server\'s realpath); FTP cannot resolve links, so over FTP only the path itself is checked: keep links out of FTP upload folders.',
	},
	{
		displayName: 'Path Template',
		name: 'pathTemplate',
		type: 'string',
		default: '',
		required: true,
		placeholder: '/export/[uen_number]/[invoice_type]/[year]/[order_number].[file_ext]',
		description:
			'Remote file path. Variables: [uen_number], [vat_number], [invoice_type], [document_type], [year], [month], [order_number], [order_id], [external_id], [file_type], [file_ext], and [file_name] (the binary file\'s own name, such as /export/[file_name]: no expression needed). A relative path is placed under the base folder.',
	},
	{
		displayName: 'Template Values',
		name: 'templateValues',
		type: 'collection',
		placeholder: 'Add Value',
		default: {},
		options: [
			{
				displayName: 'Document Date',
				name: 'documentDate',
				type: 'string',
				default: '',
				description: 'Gives [year] and [month], read in Europe/Brussels',
			},
			{ displayName: 'Document Type', name: 'document_type', type: 'string', default: '' },
			{ displayName: 'External ID', name: 'external_id', type: 'string', default: '' },
			{
				displayName: 'File Extension',
				name: 'file_ext',
				type: 'string',
				default: '',
				description: 'Defaults to the extension of the binary file',
			},
			{ displayName: 'File Type', name: 'file_type', type: 'string', default: '' },
			{
				displayName: 'Invoice Type',
				name: 'invoice_type',
				type: 'options',
				options: [
					{ name: 'Sales', value: 'sales' },
					{ name: 'Purchase', value: 'purchase' },
				],
				default: 'sales',
			},
			{ displayName: 'Order ID', name: 'order_id', type: 'string', default: '' },
			{ displayName: 'Order Number', name: 'order_number', type: 'string', default: '' },
			{
				displayName: 'UEN Number',
				name: 'uen_number',
				type: 'string',
				default: '',
				description: 'Company (enterprise) number',
			},
			{ displayName: 'VAT Number', name: 'vat_number', type: 'string', default: '' },
		],
	},
	{
		displayName: 'Options',
		name: 'uploadOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Atomic Upload',
				name: 'atomic',
				type: 'boolean',
				default: true,
				description:
					'Whether to write "name.&lt;random&gt;.part" first and rename it, so nobody sees a half-written file. Turn off for servers that refuse renames.',
			},
			{
				displayName: 'Create Folders',
				name: 'createFolders',
				type: 'boolean',
				default: true,
				description: 'Whether to create missing folders of the path',
			},
			{
				displayName: 'File Mode',
				name: 'fileMode',
				type: 'string',
				default: '664',
				description: 'Octal permissions of the uploaded file; empty keeps the server default',
			},
			{
				displayName: 'Folder Mode',
				name: 'folderMode',
				type: 'string',
				default: '755',
				description: 'Octal permissions of created folders; empty keeps the server default',
			},
			{
				displayName: 'On Conflict',
				name: 'onConflict',
				type: 'options',
				options: [
					{ name: 'Fail', value: 'fail', description: 'Stop with an error' },
					{ name: 'Overwrite', value: 'overwrite', description: 'Replace the existing file' },
					{ name: 'Rename With Suffix', value: 'rename', description: 'Upload as name-1.ext, name-2.ext, …' },
					{
						name: 'Skip If Identical',
						value: 'skipIfIdentical',
						description: 'Leave the file when it has the same content (size and SHA-256), else replace it',
					},
				],
				default: 'skipIfIdentical',
				description: 'What to do when the file already exists',
			},
			{
				displayName: 'Permissions Best Effort',
				name: 'permissionsBestEffort',
				type: 'boolean',
				default: false,
				description: 'Whether a server refusing chmod gives a warning in the output instead of an error',
			},
			{
				displayName: 'Slash Replacement',
				name: 'slashReplacement',
				type: 'string',
				default: '-',
				description: 'Replaces "/" inside template values, such as the invoice number 2026/0001',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { operation: ['upload'] } }, properties);

interface UploadParameters {
	atomic?: boolean;
	createFolders?: boolean;
	fileMode?: string;
	folderMode?: string;
	onConflict?: ConflictMode;
	permissionsBestEffort?: boolean;
	slashReplacement?: string;
}

function templateValues(raw: Record<string, unknown>, binary: IBinaryData): PathTemplateValues {
	const values: PathTemplateValues = {};
	for (const [key, value] of Object.entries(raw)) {
		if (value !== '' && value !== undefined && value !== null) (values as Record<string, unknown>)[key] = value;
	}
	values.file_ext ??= binary.fileExtension;
	values.file_name = binary.fileName;
	return values;
}

/** The binary data modes whose ids name a file on this machine (n8n's BinaryDataService). */
const FILESYSTEM_MODES = new Set(['filesystem', 'filesystem-v2']);

/** Up to this size a file is read into memory and written without a stream: fewer steps per small file. */
const BUFFERED_UPLOAD_MAX_BYTES = 1024 * 1024;

async function sourceOf(
	this: IExecuteFunctions,
	binary: IBinaryData,
	itemIndex: number,
	binaryName: string,
): Promise<{ content: UploadSource; size: number; localFile?: string }> {
	if (!binary.id) {
		const buffer = Buffer.from(binary.data, BINARY_ENCODING);
		return { content: buffer, size: buffer.length };
	}
	const id = binary.id;
	const size = binary.bytes ?? (await this.helpers.getBinaryMetadata(id)).fileSize;
	if (size <= BUFFERED_UPLOAD_MAX_BYTES) {
		const buffer = await this.helpers.getBinaryDataBuffer(itemIndex, binaryName);
		return { content: buffer, size: buffer.length };
	}
	return { content: async () => await this.helpers.getBinaryStream(id), size, localFile: localFileOf.call(this, id) };
}

/** n8n's own file of the binary data when it keeps binary data on this machine's disk (filesystem mode). */
function localFileOf(this: IExecuteFunctions, id: string): string | undefined {
	if (!FILESYSTEM_MODES.has(id.slice(0, id.indexOf(':')))) return undefined;
	const path = this.helpers.getBinaryPath(id);
	return isAbsolute(path) ? path : undefined;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	{ client, caseCollisions, folders, parameters }: RunContext,
): Promise<INodeExecutionData[]> {
	const binaryName = parameters.get<string>('binaryPropertyName', itemIndex);
	const binary = this.helpers.assertBinaryData(itemIndex, binaryName);
	const baseFolder = parameters.get<string>('baseFolder', itemIndex);
	const options = parameters.get<UploadParameters>('uploadOptions', itemIndex, {});
	const resolved = resolvePathTemplate(
		parameters.get<string>('pathTemplate', itemIndex),
		templateValues(parameters.get<Record<string, unknown>>('templateValues', itemIndex, {}), binary),
		{ baseFolder, slashReplacement: options.slashReplacement || '-' },
	);
	caseCollisions.check(resolved.path);
	const fileMode = parseFileMode.call(this, options.fileMode ?? '664', itemIndex);
	await folders.prepare(
		baseFolder,
		resolved.folder,
		options.createFolders !== false && { mode: parseFileMode.call(this, options.folderMode ?? '755', itemIndex) },
	);
	const source = await sourceOf.call(this, binary, itemIndex, binaryName);
	const result = await client.upload(source.content, resolved.path, {
		atomic: options.atomic !== false,
		mode: fileMode,
		onConflict: options.onConflict ?? 'skipIfIdentical',
		permissionsBestEffort: options.permissionsBestEffort === true,
		size: source.size,
		localFile: source.localFile,
	});
	return passThroughWithResult.call(this, itemIndex, { ...result, operation: 'upload' });
}
