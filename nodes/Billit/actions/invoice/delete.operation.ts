import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { invoiceLocator } from '../../descriptions/locators';
import { orderIdParameter } from '../../helpers/orders';
import { requestForItem } from '../../../shared/billit/helpers/request';

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['delete'] } },
	[invoiceLocator()],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const orderId = await orderIdParameter.call(this, itemIndex);
	const answer: unknown = await requestForItem.call(this, itemIndex, {
		method: 'DELETE',
		path: `/v1/orders/${orderId}`,
	});
	return [{ json: { OrderID: orderId, deleted: answer !== false } }];
}
