import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { invoiceLocator } from '../../descriptions/locators';
import { orderReadOptions } from '../../descriptions/orderOutput';
import { fetchOrder, orderIdParameter, shapeOrders } from '../../helpers/orders';

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['get'] } },
	[invoiceLocator(), orderReadOptions],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const order = await fetchOrder.call(this, itemIndex, await orderIdParameter.call(this, itemIndex));
	const options = this.getNodeParameter('options', itemIndex, {}) as { simplify?: boolean };
	return shapeOrders([order], options);
}
