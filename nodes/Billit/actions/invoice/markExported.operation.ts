import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { exportMarkerFor, salesExportMarkerProperty } from '../../descriptions/exportMarker';
import { invoiceLocator } from '../../descriptions/locators';
import { markExported } from '../../helpers/exportState';
import { orderIdParameter } from '../../helpers/orders';

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['markExported'] } },
	[invoiceLocator(), salesExportMarkerProperty],
);

/** Records a sales invoice as exported; a rerun changes nothing. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const orderId = await orderIdParameter.call(this, itemIndex);
	const marker = exportMarkerFor.call(this, itemIndex, 'flag');
	return await markExported.call(this, itemIndex, orderId, marker, 'Income');
}
