import type { INodeProperties } from 'n8n-workflow';
import type { Resource } from '../../../shared/types';
import { MARK_EXPORTED_READS } from '../../helpers/exportState';
import { DOWNLOAD_READS } from '../../helpers/downloadOrderFiles';
import * as addPayment from './addPayment.operation';
import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as download from './download.operation';
import * as get from './get.operation';
import * as getDeleted from './getDeleted.operation';
import * as getDeliveryStatus from './getDeliveryStatus.operation';
import * as getMany from './getMany.operation';
import * as markExported from './markExported.operation';
import * as send from './send.operation';
import * as update from './update.operation';

const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['invoice'] } },
	default: 'getMany',
	options: [
		{ name: 'Add Payment', value: 'addPayment', action: 'Add a payment to an invoice' },
		{ name: 'Create', value: 'create', action: 'Create an invoice' },
		{ name: 'Delete', value: 'delete', action: 'Delete an invoice' },
		{
			name: 'Download',
			value: 'download',
			action: 'Download invoice files',
			description: DOWNLOAD_READS,
		},
		{ name: 'Get', value: 'get', action: 'Get an invoice' },
		{ name: 'Get Deleted', value: 'getDeleted', action: 'Get deleted invoices' },
		{
			name: 'Get Delivery Status',
			value: 'getDeliveryStatus',
			action: 'Get the delivery status of an invoice',
		},
		{ name: 'Get Many', value: 'getMany', action: 'Get many invoices' },
		{
			name: 'Mark Exported',
			value: 'markExported',
			action: 'Mark an invoice as exported',
			description: MARK_EXPORTED_READS,
		},
		{ name: 'Send', value: 'send', action: 'Send invoices' },
		{ name: 'Update', value: 'update', action: 'Update an invoice' },
	],
};

export const invoice: Resource = {
	operations: {
		addPayment,
		create,
		delete: deleteOperation,
		download,
		get,
		getDeleted,
		getDeliveryStatus,
		getMany,
		markExported,
		send,
		update,
	},
	description: [
		operationProperty,
		...create.description,
		...get.description,
		...getMany.description,
		...getDeleted.description,
		...update.description,
		...deleteOperation.description,
		...send.description,
		...addPayment.description,
		...download.description,
		...getDeliveryStatus.description,
		...markExported.description,
	],
};
