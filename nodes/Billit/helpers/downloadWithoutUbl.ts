import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import type { Order } from '../../../lib/billit/types';
import { buildUbl } from '../../../lib/ubl/build';
import { fromBillitOrder } from '../../../lib/ubl/from-billit';
import { builtMetadata } from '../../shared/billit/helpers/buildFromOrder';
import { ownCompanyParty } from '../../shared/billit/helpers/ownCompany';
import { readUblElement } from '../../../lib/ubl/parse';
import { prevalidate } from '../../shared/billit/helpers/validation';
import { withInputItem } from '../../shared/billit/helpers/inputItem';
import type { OrderForItem } from './carriedOrder';
import { readOrderFields } from './downloadOrderFiles';

export type WhenNoUbl = 'error' | 'returnWithoutFile' | 'build';

export const whenNoUblProperty: INodeProperties = {
	displayName: 'When Billit Has No UBL',
	name: 'whenNoUbl',
	type: 'options',
	default: 'error',
	displayOptions: { show: { file: ['ubl'] } },
	description:
		'Billit keeps a UBL file only for invoices it sent over Peppol. What to do for the others; "ublSource" in the output says what happened.',
	options: [
		{
			name: 'Build UBL',
			value: 'build',
			description:
				"Build a Peppol BIS 3.0 UBL from the invoice and pre-validate it (ublSource 'built', the result under validation)",
		},
		{ name: 'Error', value: 'error', description: 'Fail the item (or send it to the error output)' },
		{
			name: 'Return Item Without File',
			value: 'returnWithoutFile',
			description: "Output the invoice with ublSource 'none' and no UBL file, so an IF node can route it",
		},
	],
};

/** A file name from the invoice number; characters that paths or shells trip over become `_`. */
function builtFileName(documentId: string): string {
	return `${documentId.replace(/[^\w.-]+/g, '_')}.xml`;
}

async function builtUblItem(
	this: IExecuteFunctions,
	itemIndex: number,
	found: OrderForItem,
): Promise<INodeExecutionData> {
	const { order } = found;
	const company = await ownCompanyParty.call(this, itemIndex);
	const document = fromBillitOrder(order as Order, company);
	const xml = buildUbl(document);
	const validation = prevalidate(readUblElement(xml));
	const fileName = builtFileName(document.id);
	const field = this.getNodeParameter('binaryPropertyName', itemIndex) as string;
	const binary = await this.helpers.prepareBinaryData(xml, fileName, 'application/xml');
	const metadata = builtMetadata({ xml, fileName, document, order: order as Order, validation });
	const files = [{ field, kind: 'ubl', FileName: fileName, MimeType: 'application/xml', size: xml.length }];
	return withInputItem.call(this, itemIndex, { ...readOrderFields.call(this, itemIndex, found), ...metadata, files }, { [field]: binary });
}

/** The item for an invoice without a UBL file in Billit, as the "When Billit Has No UBL" option says. */
export async function itemWithoutBillitUbl(
	this: IExecuteFunctions,
	itemIndex: number,
	orderId: number,
	found: OrderForItem,
	whenNoUbl: Exclude<WhenNoUbl, 'error'>,
): Promise<INodeExecutionData> {
	if (whenNoUbl === 'build') return await builtUblItem.call(this, itemIndex, found);
	return withInputItem.call(this, itemIndex, {
		...readOrderFields.call(this, itemIndex, found),
		OrderID: orderId,
		OrderNumber: found.order.OrderNumber,
		ublSource: 'none',
		files: [],
	});
}
