import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import {
	exportMarkerFor,
	exportMarkerProperties,
	isExported,
	markerPatch,
} from '../../descriptions/exportMarker';
import { invoiceLocator } from '../../descriptions/locators';
import { fetchOrder, orderIdParameter } from '../../helpers/orders';
import { requestForItem } from '../../helpers/request';

export const description = updateDisplayOptions(
	{ show: { resource: ['incomingInvoice'], operation: ['markExported'] } },
	[invoiceLocator('orderId', 'Incoming Invoice'), ...exportMarkerProperties],
);

/** Sets the export marker; an invoice that already has it is left alone (a rerun changes nothing). */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const orderId = await orderIdParameter.call(this, itemIndex);
	const marker = exportMarkerFor.call(this, itemIndex);
	const order = await fetchOrder.call(this, itemIndex, orderId);
	if (isExported(order, marker)) {
		return [{ json: { OrderID: orderId, marker: marker.kind, alreadyMarked: true } }];
	}
	const patch = markerPatch(order, marker);
	await requestForItem.call(this, itemIndex, {
		method: 'PATCH',
		path: `/v1/orders/${orderId}`,
		body: patch,
	});
	return [{ json: { OrderID: orderId, marker: marker.kind, alreadyMarked: false, ...patch } }];
}
