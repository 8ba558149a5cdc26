import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { invoiceLocator } from '../../descriptions/locators';
import { PATCHABLE_ORDER_FIELDS } from '../../../shared/billit/descriptions/orderOptions';
import { compact } from '../../../shared/compact';
import { orderIdParameter } from '../../helpers/orders';
import { accountCode, dateTime, parseJsonParameter } from '../../../shared/billit/helpers/parse';
import { requestForItem } from '../../../shared/billit/helpers/request';

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['update'] } },
	[
		invoiceLocator(),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Account Code',
					name: 'AccountCode',
					type: 'string',
					default: '',
					description: 'Ledger account number (digits only, e.g. 700000); Billit takes it as a number',
				},
				{
					displayName: 'Accountant Verification Needed',
					name: 'AccountantVerificationNeeded',
					type: 'boolean',
					default: false,
				},
				{
					displayName: 'Analytic Cost Bearer',
					name: 'AnalyticCostBearer',
					type: 'string',
					default: '',
				},
				{
					displayName: 'Analytic Cost Center',
					name: 'AnalyticCostCenter',
					type: 'string',
					default: '',
				},
				{ displayName: 'Approval Status', name: 'ApprovalStatus', type: 'string', default: '' },
				{
					displayName: 'Exported to Connector',
					name: 'ExportedToConnector',
					type: 'boolean',
					default: true,
				},
				{ displayName: 'Internal Info', name: 'InternalInfo', type: 'string', default: '' },
				{ displayName: 'Invoiced', name: 'Invoiced', type: 'boolean', default: true },
				{ displayName: 'Is Sent', name: 'IsSent', type: 'boolean', default: true },
				{
					displayName: 'More Fields (JSON)',
					name: 'json',
					type: 'json',
					default: '{}',
					description: `Further patchable fields as JSON. Patchable: ${PATCHABLE_ORDER_FIELDS.join(', ')}.`,
				},
				{ displayName: 'Paid', name: 'Paid', type: 'boolean', default: true },
				{ displayName: 'Paid Date', name: 'PaidDate', type: 'dateTime', default: '' },
				{
					displayName: 'Payment Method Name or ID',
					name: 'PaymentMethod',
					type: 'options',
					typeOptions: { loadOptionsMethod: 'getPaymentMethods' },
					default: '',
					description:
						'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
				},
			],
		},
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const orderId = await orderIdParameter.call(this, itemIndex);
	const { json, ...fields } = this.getNodeParameter('updateFields', itemIndex, {}) as Record<
		string,
		unknown
	>;
	const extra =
		json === undefined
			? {}
			: parseJsonParameter<Record<string, unknown>>(json, 'More Fields (JSON)');
	if (extra === null || typeof extra !== 'object' || Array.isArray(extra)) {
		throw new Error('More Fields (JSON) must be a JSON object');
	}
	const patch = compact({
		...extra,
		...fields,
		PaidDate: dateTime(fields.PaidDate ?? extra.PaidDate, 'Paid Date'),
		AccountCode: accountCode(fields.AccountCode ?? extra.AccountCode, 'Account Code'),
	});
	const refused = Object.keys(patch).filter((field) => !PATCHABLE_ORDER_FIELDS.includes(field));
	if (refused.length > 0) {
		throw new Error(
			`Billit cannot patch ${refused.join(', ')} on an invoice; patchable fields are ${PATCHABLE_ORDER_FIELDS.join(', ')}`,
		);
	}
	if (Object.keys(patch).length === 0) throw new Error('Nothing to update: add at least one field');
	await requestForItem.call(this, itemIndex, {
		method: 'PATCH',
		path: `/v1/orders/${orderId}`,
		body: patch,
	});
	return [{ json: { OrderID: orderId, ...patch } as never }];
}
