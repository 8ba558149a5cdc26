import type { INodeProperties } from 'n8n-workflow';
import type { Resource } from '../../../shared/types';
import { MARK_EXPORTED_READS } from '../../helpers/exportState';
import { DOWNLOAD_READS } from '../../helpers/downloadOrderFiles';
import * as download from './download.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as markExported from './markExported.operation';

const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['incomingInvoice'] } },
	default: 'getMany',
	options: [
		{
			name: 'Download',
			value: 'download',
			action: 'Download incoming invoice files',
			description: DOWNLOAD_READS,
		},
		{ name: 'Get', value: 'get', action: 'Get an incoming invoice' },
		{ name: 'Get Many', value: 'getMany', action: 'Get many incoming invoices' },
		{
			name: 'Mark Exported',
			value: 'markExported',
			action: 'Mark an incoming invoice as exported',
			description: MARK_EXPORTED_READS,
		},
	],
};

export const incomingInvoice: Resource = {
	operations: { download, get, getMany, markExported },
	description: [
		operationProperty,
		...getMany.description,
		...get.description,
		...download.description,
		...markExported.description,
	],
};
