import { posix } from 'node:path';
import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { brusselsDateFolder, parseFileMode, passThroughWithResult } from '../helpers/fileOperations';
import type { RunContext } from '../helpers/runContext';

const properties: INodeProperties[] = [
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		default: '',
		required: true,
		placeholder: '/inbound/invoice.xml',
		description: 'Remote file to move or rename',
	},
	{
		displayName: 'Destination Folder',
		name: 'destinationFolder',
		type: 'string',
		default: '',
		required: true,
		placeholder: '/inbound/processed',
		description: 'Such as processed/ or error/; a relative folder is taken from the folder of the file',
	},
	{
		displayName: 'Options',
		name: 'moveOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Date Sub-Folders',
				name: 'dateFolders',
				type: 'options',
				options: [
					{ name: 'None', value: 'none' },
					{ name: 'Year', value: 'year' },
					{ name: 'Year/Month', value: 'month' },
					{ name: 'Year/Month/Day', value: 'day' },
				],
				default: 'none',
				description: 'Sub-folders of today (Europe/Brussels) below the destination',
			},
			{
				displayName: 'Folder Mode',
				name: 'folderMode',
				type: 'string',
				default: '755',
				description: 'Octal permissions of created folders',
			},
			{
				displayName: 'New Name',
				name: 'newName',
				type: 'string',
				default: '',
				description: 'File name at the destination; empty keeps the name',
			},
			{
				displayName: 'Overwrite',
				name: 'overwrite',
				type: 'boolean',
				default: false,
				description: 'Whether to replace a file of the same name at the destination',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { operation: ['move'] } }, properties);

interface MoveParameters {
	dateFolders?: string;
	folderMode?: string;
	newName?: string;
	overwrite?: boolean;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	{ client }: RunContext,
): Promise<INodeExecutionData[]> {
	const from = this.getNodeParameter('path', itemIndex) as string;
	const destination = this.getNodeParameter('destinationFolder', itemIndex) as string;
	const options = this.getNodeParameter('moveOptions', itemIndex, {}) as MoveParameters;
	const folder = posix.join(
		posix.resolve(posix.dirname(from), destination),
		brusselsDateFolder(options.dateFolders ?? 'none', new Date()),
	);
	await client.mkdirp(folder, parseFileMode.call(this, options.folderMode ?? '755', itemIndex));
	const to = posix.join(folder, options.newName?.trim() || posix.basename(from));
	await client.move(from, to, { overwrite: options.overwrite === true });
	return passThroughWithResult.call(this, itemIndex, { operation: 'move', from, to });
}
