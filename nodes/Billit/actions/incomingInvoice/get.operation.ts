import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { invoiceLocator } from '../../descriptions/locators';
import { orderReadOptions } from '../../descriptions/orderOutput';
import { fetchOrder, orderIdParameter, shapeOrders } from '../../helpers/orders';

export const description = updateDisplayOptions(
	{ show: { resource: ['incomingInvoice'], operation: ['get'] } },
	[invoiceLocator('orderId', 'Incoming Invoice'), orderReadOptions],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const orderId = await orderIdParameter.call(this, itemIndex);
	const order = await fetchOrder.call(this, itemIndex, orderId);
	if (order.OrderDirection !== 'Cost') {
		throw new Error(
			`Document ${orderId} is a sales document, not an incoming invoice; use the Invoice resource`,
		);
	}
	const options = this.getNodeParameter('options', itemIndex, {}) as { simplify?: boolean };
	return shapeOrders([order], options);
}
