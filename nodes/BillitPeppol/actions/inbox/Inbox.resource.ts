import type { INodeProperties } from 'n8n-workflow';
import type { Resource } from '../../../shared/types';
import * as confirm from './confirm.operation';
import * as download from './download.operation';
import * as getMany from './getMany.operation';
import * as refuse from './refuse.operation';

const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['inbox'] } },
	default: 'getMany',
	options: [
		{
			name: 'Confirm',
			value: 'confirm',
			description: 'Mark a received document as processed; it leaves the inbox',
			action: 'Confirm an inbox item',
		},
		{
			name: 'Download',
			value: 'download',
			description: 'Download the UBL file of a received document',
			action: 'Download an inbox file',
		},
		{
			name: 'Get Many',
			value: 'getMany',
			description: 'List received documents waiting in the Peppol inbox',
			action: 'Get many inbox items',
		},
		{
			name: 'Refuse',
			value: 'refuse',
			description: 'Refuse a received document with a reason; it leaves the inbox',
			action: 'Refuse an inbox item',
		},
	],
};

export const inbox: Resource = {
	operations: { confirm, download, getMany, refuse },
	description: [
		operationProperty,
		...getMany.description,
		...download.description,
		...confirm.description,
		...refuse.description,
	],
};
