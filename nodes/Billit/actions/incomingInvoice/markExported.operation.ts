import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { exportMarkerFor, exportMarkerProperties } from '../../descriptions/exportMarker';
import { invoiceLocator } from '../../descriptions/locators';
import { markExported } from '../../helpers/exportState';
import { orderIdParameter } from '../../helpers/orders';

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
	return await markExported.call(
		this,
		itemIndex,
		orderId,
		exportMarkerFor.call(this, itemIndex),
		'Cost',
	);
}
