import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { and, compare, or } from '../../../../lib/billit/listing/filters';
import { exportMarkerFor, exportMarkerProperties } from '../../descriptions/exportMarker';
import { orderFilterFor, orderFiltersWithout } from '../../../shared/billit/descriptions/orderFilters';
import { orderListOptions } from '../../descriptions/orderOutput';
import { pagingProperties } from '../../../shared/billit/descriptions/paging';
import { listNotExported } from '../../helpers/exportState';
import { listOrders, shapeOrders, type OrderSort } from '../../helpers/orders';

const show = { resource: ['incomingInvoice'], operation: ['getMany'] };

export const description = updateDisplayOptions({ show }, [
	...pagingProperties,
	{
		displayName: 'Not Exported Yet Only',
		name: 'notExportedOnly',
		type: 'boolean',
		default: true,
		description: 'Whether to return only invoices without the export marker',
	},
	...exportMarkerProperties.map((property) => ({
		...property,
		displayOptions: { show: { ...property.displayOptions?.show, notExportedOnly: [true] } },
	})),
	orderFiltersWithout('orderDirection', 'exportedToConnector', 'orderType'),
	orderListOptions,
]);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const options = this.getNodeParameter('options', itemIndex, {}) as {
		simplify?: boolean;
		splitLines?: boolean;
		sort?: OrderSort;
	};
	const notExportedOnly = this.getNodeParameter('notExportedOnly', itemIndex, true) as boolean;
	const filter = and(
		orderFilterFor.call(this, itemIndex, { orderDirection: 'Cost' }),
		// Supplier invoices and credit notes only; offers and order forms are not purchase documents.
		or(compare('OrderType', 'eq', 'Invoice'), compare('OrderType', 'eq', 'CreditNote')),
	);
	const sort = options.sort ?? 'lastModifiedAsc';
	const orders = notExportedOnly
		? await listNotExported.call(
				this,
				itemIndex,
				filter,
				exportMarkerFor.call(this, itemIndex),
				'Cost',
				sort,
			)
		: await listOrders.call(this, itemIndex, filter, sort);
	return shapeOrders(orders, options);
}
