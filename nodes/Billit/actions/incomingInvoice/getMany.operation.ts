import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { and, compare, or } from '../../../../lib/billit/filters';
import {
	exportMarkerFor,
	exportMarkerProperties,
	isExported,
	notExportedFilter,
} from '../../descriptions/exportMarker';
import { orderFilterFor, orderFiltersWithout } from '../../descriptions/orderFilters';
import { orderListOptions } from '../../descriptions/orderOutput';
import { pagingProperties } from '../../descriptions/paging';
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
	const marker = notExportedOnly ? exportMarkerFor.call(this, itemIndex) : undefined;
	const markerField = marker && notExportedFilter(marker)?.field;
	const filter = and(
		orderFilterFor.call(this, itemIndex, { orderDirection: 'Cost' }),
		// Supplier invoices and credit notes only; offers and order forms are not purchase documents.
		or(compare('OrderType', 'eq', 'Invoice'), compare('OrderType', 'eq', 'CreditNote')),
		markerField ? compare(markerField, 'eq', false) : undefined,
	);
	// Tags and custom fields cannot be filtered in OData, so that check happens here.
	const keep =
		marker && !markerField
			? (order: IDataObject) => !isExported(order, marker)
			: undefined;
	const orders = await listOrders.call(
		this,
		itemIndex,
		filter,
		options.sort ?? 'lastModifiedAsc',
		keep,
	);
	return shapeOrders(orders, options);
}
