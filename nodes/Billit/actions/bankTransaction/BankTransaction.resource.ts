import type { INodeProperties } from 'n8n-workflow';
import type { Resource } from '../../../shared/types';
import * as getMany from './getMany.operation';
import * as importCoda from './importCoda.operation';
import * as importTransactions from './importTransactions.operation';

const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['bankTransaction'] } },
	default: 'getMany',
	options: [
		{ name: 'Get Many', value: 'getMany', action: 'Get many bank transactions' },
		{ name: 'Import CODA File', value: 'importCoda', action: 'Import a CODA bank statement' },
		{
			name: 'Import Transactions',
			value: 'importTransactions',
			action: 'Import bank transactions',
		},
	],
};

export const bankTransaction: Resource = {
	operations: { getMany, importCoda, importTransactions },
	description: [
		operationProperty,
		...getMany.description,
		...importCoda.description,
		...importTransactions.description,
	],
};
