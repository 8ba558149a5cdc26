import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { orderFilterFor, orderFiltersProperty } from '../../descriptions/orderFilters';
import { orderListOptions } from '../../descriptions/orderOutput';
import { pagingProperties } from '../../descriptions/paging';
import { listOrders, shapeOrders, type OrderSort } from '../../helpers/orders';

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['getMany'] } },
	[...pagingProperties, orderFiltersProperty, orderListOptions],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const options = this.getNodeParameter('options', itemIndex, {}) as {
		simplify?: boolean;
		splitLines?: boolean;
		sort?: OrderSort;
	};
	const filter = orderFilterFor.call(this, itemIndex);
	const orders = await listOrders.call(this, itemIndex, filter, options.sort ?? 'lastModifiedAsc');
	return shapeOrders(orders, options);
}
