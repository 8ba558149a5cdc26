import type { INodeProperties } from 'n8n-workflow';
import type { Resource } from '../../../shared/types';
import * as deletePending from './deletePending.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as upload from './upload.operation';

const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['document'] } },
	default: 'upload',
	options: [
		{ name: 'Delete Pending Upload', value: 'deletePending', action: 'Delete a pending upload' },
		{ name: 'Get', value: 'get', action: 'Get a document' },
		{ name: 'Get Many', value: 'getMany', action: 'Get many documents' },
		{ name: 'Upload for Processing', value: 'upload', action: 'Upload a document for processing' },
	],
};

export const document: Resource = {
	operations: { deletePending, get, getMany, upload },
	description: [
		operationProperty,
		...upload.description,
		...get.description,
		...getMany.description,
		...deletePending.description,
	],
};
