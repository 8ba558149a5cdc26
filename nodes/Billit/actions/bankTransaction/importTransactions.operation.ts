import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { compact } from '../../../shared/compact';
import { parseJsonParameter } from '../../../shared/billit/helpers/parse';
import { requestForItem } from '../../../shared/billit/helpers/request';

export const description = updateDisplayOptions(
	{ show: { resource: ['bankTransaction'], operation: ['importTransactions'] } },
	[
		{
			displayName: 'Transactions (JSON)',
			name: 'transactionsJson',
			type: 'json',
			default: '[]',
			required: true,
			description: 'An array of Billit financial transactions',
		},
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const transactions = parseJsonParameter<unknown>(
		this.getNodeParameter('transactionsJson', itemIndex),
		'Transactions (JSON)',
	);
	if (!Array.isArray(transactions) || transactions.length === 0) {
		throw new Error('Transactions (JSON) must be a non-empty JSON array');
	}
	const answer: unknown = await requestForItem.call(this, itemIndex, {
		method: 'POST',
		path: '/v1/financialTransactions/commands/import',
		body: compact(transactions),
	});
	return [{ json: { sent: transactions.length, ...(answer as IDataObject) } }];
}
