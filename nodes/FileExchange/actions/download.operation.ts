import { posix } from 'node:path';
import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import type { RunContext } from '../helpers/runContext';

const properties: INodeProperties[] = [
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		default: '',
		required: true,
		placeholder: '/inbound/invoice.xml',
		description: 'Remote file to download',
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		description: 'The binary field to put the downloaded file in',
	},
];

export const description = updateDisplayOptions({ show: { operation: ['download'] } }, properties);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	{ client }: RunContext,
): Promise<INodeExecutionData[]> {
	const path = this.getNodeParameter('path', itemIndex) as string;
	const binaryName = this.getNodeParameter('binaryPropertyName', itemIndex) as string;
	const entry = await client.stat(path);
	// Streamed into n8n's binary data store: a large file never sits in memory as a whole.
	const binary = await this.helpers.prepareBinaryData(await client.download(path), posix.basename(path));
	const input = this.getInputData()[itemIndex];
	return [
		{
			json: {
				...input.json,
				fileExchange: { operation: 'download', path, size: entry?.size, modifiedAt: entry?.modifiedAt?.toISOString() },
			},
			binary: { ...input.binary, [binaryName]: binary },
			pairedItem: { item: itemIndex },
		},
	];
}
