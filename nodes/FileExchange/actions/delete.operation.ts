import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { passThroughWithResult } from '../helpers/fileOperations';
import type { RunContext } from '../helpers/runContext';

const properties: INodeProperties[] = [
	{
		displayName: 'Path',
		name: 'path',
		type: 'string',
		default: '',
		required: true,
		placeholder: '/inbound/invoice.xml',
		description: 'Remote file to delete',
	},
];

export const description = updateDisplayOptions({ show: { operation: ['delete'] } }, properties);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	{ client }: RunContext,
): Promise<INodeExecutionData[]> {
	const path = this.getNodeParameter('path', itemIndex) as string;
	await client.delete(path);
	return passThroughWithResult.call(this, itemIndex, { operation: 'delete', path });
}
