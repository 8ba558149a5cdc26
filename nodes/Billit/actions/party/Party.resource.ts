import type { INodeProperties } from 'n8n-workflow';
import type { Resource } from '../../../shared/types';
import * as createOrUpdate from './createOrUpdate.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['party'] } },
	default: 'getMany',
	options: [
		{ name: 'Create or Update', value: 'createOrUpdate', action: 'Create or update a party' },
		{ name: 'Get', value: 'get', action: 'Get a party' },
		{ name: 'Get Many', value: 'getMany', action: 'Get many parties' },
		{ name: 'Update', value: 'update', action: 'Update a party' },
	],
};

export const party: Resource = {
	operations: { createOrUpdate, get, getMany, update },
	description: [
		operationProperty,
		...createOrUpdate.description,
		...get.description,
		...getMany.description,
		...update.description,
	],
};
