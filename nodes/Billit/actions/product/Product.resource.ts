import type { INodeProperties } from 'n8n-workflow';
import type { Resource } from '../../../shared/types';
import * as createOrUpdate from './createOrUpdate.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['product'] } },
	default: 'getMany',
	options: [
		{ name: 'Create or Update', value: 'createOrUpdate', action: 'Create or update a product' },
		{ name: 'Get', value: 'get', action: 'Get a product' },
		{ name: 'Get Many', value: 'getMany', action: 'Get many products' },
	],
};

export const product: Resource = {
	operations: { createOrUpdate, get, getMany },
	description: [
		operationProperty,
		...createOrUpdate.description,
		...get.description,
		...getMany.description,
	],
};
