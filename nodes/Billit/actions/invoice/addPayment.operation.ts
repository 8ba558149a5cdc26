import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { invoiceLocator } from '../../descriptions/locators';
import { compact } from '../../../shared/compact';
import { orderIdParameter } from '../../helpers/orders';
import { requestForItem } from '../../../shared/billit/helpers/request';
import { dateOnly } from '../../../shared/billit/helpers/parse';

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['addPayment'] } },
	[
		invoiceLocator(),
		{
			displayName: 'Amount',
			name: 'amount',
			type: 'number',
			typeOptions: { numberPrecision: 2 },
			default: 0,
			required: true,
			description: 'The amount paid; Billit takes positive amounts only',
		},
		{ displayName: 'Date', name: 'date', type: 'dateTime', default: '', required: true },
		{ displayName: 'Description', name: 'paymentDescription', type: 'string', default: '' },
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const orderId = await orderIdParameter.call(this, itemIndex);
	const amount = this.getNodeParameter('amount', itemIndex) as number;
	if (!Number.isFinite(amount) || amount <= 0) {
		throw new Error(`Amount must be positive (got ${amount}): Billit takes positive payment amounts only`);
	}
	const date = dateOnly(this.getNodeParameter('date', itemIndex), 'Date');
	if (!date) throw new Error('Date is required for a payment');
	const body = compact({
		Amount: amount,
		Date: date,
		Description: this.getNodeParameter('paymentDescription', itemIndex, '') as string,
	});
	let alreadyApplied = false;
	const answer: unknown = await requestForItem.call(this, itemIndex, {
		method: 'POST',
		path: `/v1/orders/${orderId}/payments`,
		body,
		// A retry after a lost answer is told the payment exists; it is not added twice.
		onAlreadyApplied: async () => {
			alreadyApplied = true;
			return undefined;
		},
	});
	return [
		{
			json: compact({
				OrderID: orderId,
				...body,
				PaymentID: typeof answer === 'number' ? answer : undefined,
				alreadyApplied: alreadyApplied || undefined,
			}),
		},
	];
}
