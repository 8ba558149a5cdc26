import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import type { RunContext } from '../helpers/runContext';

const properties: INodeProperties[] = [
	{
		displayName: 'Folder',
		name: 'folder',
		type: 'string',
		default: '/',
		required: true,
	},
	{
		displayName: 'Recursive',
		name: 'recursive',
		type: 'boolean',
		default: false,
		description: 'Whether to include the files of sub-folders',
	},
	{
		displayName: 'Glob Filter',
		name: 'glob',
		type: 'string',
		default: '',
		placeholder: '*.xml',
		description:
			'Only paths (relative to the folder) matching this pattern, such as *.xml or invoices/**/*.pdf; a pattern without "/" matches the file name at any depth',
	},
	{
		displayName: 'Include Folders',
		name: 'includeFolders',
		type: 'boolean',
		default: false,
		description: 'Whether to list folders as items too',
	},
];

export const description = updateDisplayOptions({ show: { operation: ['list'] } }, properties);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	{ client }: RunContext,
): Promise<INodeExecutionData[]> {
	const entries = await client.list(this.getNodeParameter('folder', itemIndex) as string, {
		recursive: this.getNodeParameter('recursive', itemIndex) as boolean,
		glob: (this.getNodeParameter('glob', itemIndex) as string) || undefined,
		includeFolders: this.getNodeParameter('includeFolders', itemIndex) as boolean,
	});
	return entries.map((entry) => ({
		json: {
			path: entry.path,
			name: entry.name,
			type: entry.type,
			size: entry.size,
			modifiedAt: entry.modifiedAt?.toISOString() ?? null,
			mode: entry.mode === undefined ? null : entry.mode.toString(8),
		},
		pairedItem: { item: itemIndex },
	}));
}
