import { posix } from 'node:path';
import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { parseFileMode, passThroughWithResult } from '../helpers/fileOperations';
import type { RunContext } from '../helpers/runContext';

const properties: INodeProperties[] = [
	{
		displayName: 'File Path',
		name: 'path',
		type: 'string',
		default: '',
		required: true,
		placeholder: '/inbound/error/invoice.xml',
		description: 'The file the reason is about; the reason is written next to it',
	},
	{
		displayName: 'Reason',
		name: 'reason',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '={{ $json.error?.message ?? $json.error }}',
		required: true,
		description: 'Why the file was not processed',
	},
	{
		displayName: 'Suffix',
		name: 'suffix',
		type: 'string',
		default: '.reason.txt',
		description: 'Appended to the file name to name the reason file',
	},
	{
		displayName: 'File Mode',
		name: 'fileMode',
		type: 'string',
		default: '664',
		description: 'Octal permissions of the reason file; empty keeps the server default',
	},
];

export const description = updateDisplayOptions({ show: { operation: ['writeReasonFile'] } }, properties);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	{ client }: RunContext,
): Promise<INodeExecutionData[]> {
	const path = `${this.getNodeParameter('path', itemIndex) as string}${this.getNodeParameter('suffix', itemIndex) as string}`;
	const reason = String(this.getNodeParameter('reason', itemIndex) ?? '');
	const content = Buffer.from(`${reason.trimEnd()}\n`, 'utf8');
	// A parking folder such as error/ may not exist before the first failure.
	await client.mkdirp(posix.dirname(path), 0o755);
	const result = await client.upload(content, path, {
		atomic: true,
		mode: parseFileMode.call(this, this.getNodeParameter('fileMode', itemIndex) as string, itemIndex),
		onConflict: 'overwrite',
		permissionsBestEffort: true,
	});
	return passThroughWithResult.call(this, itemIndex, { ...result, operation: 'writeReasonFile' });
}
