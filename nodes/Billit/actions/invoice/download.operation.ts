import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { orderIdParameter } from '../../helpers/orders';
import { findUblFile } from '../../helpers/orderFiles';
import {
	downloadFilesOfOrder,
	downloadOrderFilesProperties,
	orderWithFiles,
} from '../../helpers/downloadOrderFiles';
import { itemWithoutBillitUbl, whenNoUblProperty, type WhenNoUbl } from '../../helpers/downloadWithoutUbl';

export const description = updateDisplayOptions(
	{ show: { resource: ['invoice'], operation: ['download'] } },
	[...downloadOrderFilesProperties, whenNoUblProperty],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const orderId = await orderIdParameter.call(this, itemIndex);
	const found = await orderWithFiles.call(this, itemIndex, orderId);
	const wantsUbl = this.getNodeParameter('file', itemIndex) === 'ubl';
	const whenNoUbl = this.getNodeParameter('whenNoUbl', itemIndex, 'error') as WhenNoUbl;
	if (wantsUbl && whenNoUbl !== 'error' && !findUblFile(found.order)) {
		return [await itemWithoutBillitUbl.call(this, itemIndex, orderId, found, whenNoUbl)];
	}
	return await downloadFilesOfOrder.call(this, itemIndex, orderId, found);
}
