import type { INodeProperties } from 'n8n-workflow';
import type { Resource } from '../../../shared/types';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['report'] } },
	default: 'getMany',
	options: [
		{ name: 'Get', value: 'get', action: 'Get a report as CSV' },
		{ name: 'Get Many', value: 'getMany', action: 'Get many reports' },
	],
};

export const report: Resource = {
	operations: { get, getMany },
	description: [operationProperty, ...get.description, ...getMany.description],
};
