import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { exportMarkerFor, salesExportMarkerProperty } from '../../descriptions/exportMarker';
import { orderFilterFor, orderFiltersProperty } from '../../../shared/billit/descriptions/orderFilters';
import { orderListOptions } from '../../descriptions/orderOutput';
import { pagingProperties } from '../../../shared/billit/descriptions/paging';
import { listNotExported } from '../../helpers/exportState';
import { listOrders, shapeOrders, type OrderSort } from '../../helpers/orders';

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['getMany'] } },
	[
		...pagingProperties,
		{
			displayName: 'Not Exported Yet Only',
			name: 'notExportedOnly',
			type: 'boolean',
			default: false,
			description:
				'Whether to return only invoices not exported yet, by the export marker (use Mark Exported after each export)',
		},
		{
			...salesExportMarkerProperty,
			displayOptions: { show: { notExportedOnly: [true] } },
		},
		orderFiltersProperty,
		orderListOptions,
	],
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
	const sort = options.sort ?? 'lastModifiedAsc';
	const notExportedOnly = this.getNodeParameter('notExportedOnly', itemIndex, false) as boolean;
	const orders = notExportedOnly
		? await listNotExported.call(
				this,
				itemIndex,
				filter,
				exportMarkerFor.call(this, itemIndex, 'flag'),
				'Income',
				sort,
			)
		: await listOrders.call(this, itemIndex, filter, sort);
	return shapeOrders(orders, options);
}
