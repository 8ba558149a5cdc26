import type { INodeProperties } from 'n8n-workflow';
import type { Resource } from '../../../shared/types';
import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as list from './list.operation';
import * as refreshSecret from './refreshSecret.operation';

const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['webhook'] } },
	default: 'list',
	options: [
		{ name: 'Create', value: 'create', action: 'Create a webhook' },
		{ name: 'Delete', value: 'delete', action: 'Delete a webhook' },
		{ name: 'List', value: 'list', action: 'List webhooks' },
		{ name: 'Refresh Secret', value: 'refreshSecret', action: 'Refresh a webhook secret' },
	],
};

export const webhook: Resource = {
	operations: { create, delete: deleteOperation, list, refreshSecret },
	description: [
		operationProperty,
		...create.description,
		...deleteOperation.description,
		...refreshSecret.description,
	],
};
