import {
	type INodeProperties,
	type IBinaryKeyData,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { invoiceLocator } from '../descriptions/locators';
import { binaryPropertyProperty, maxFileSizeProperty } from '../../shared/billit/descriptions/paging';
import { downloadBillitFile, maxBytesFor, toBinary } from '../../shared/billit/helpers/binary';
import { withInputItem } from '../../shared/billit/helpers/inputItem';
import { fetchOrder, orderIdParameter } from './orders';
import {
	findUblFile,
	orderFiles,
	type OrderFileKind,
	type OrderFileReference,
} from './orderFiles';

/** Download of an order's files, shared by sales and incoming invoices. */
export const downloadOrderFilesProperties: INodeProperties[] = [
	invoiceLocator(),
	{
		displayName: 'File',
		name: 'file',
		type: 'options',
		default: 'pdf',
		options: [
			{
				name: 'All Files',
				value: 'all',
				description: 'PDF, UBL and attachments, in the binary fields pdf, ubl, attachment_1, attachment_2, …',
			},
			{ name: 'Attachments', value: 'attachments' },
			{ name: 'PDF', value: 'pdf' },
			{
				name: 'UBL (Peppol XML)',
				value: 'ubl',
				description: 'The UBL file Billit holds for the invoice',
			},
		],
	},
	{
		...binaryPropertyProperty,
		description: 'With several attachments, the fields are named data, data_1, data_2, …',
		displayOptions: { hide: { file: ['all'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [maxFileSizeProperty],
	},
];

/** With "All Files" each field is named by what it holds (pdf, ubl, attachment_1, …), else by position. */
function fieldNames(base: string, kind: OrderFileKind, references: OrderFileReference[]): string[] {
	if (kind !== 'all') return references.map((_, index) => (index === 0 ? base : `${base}_${index}`));
	let attachments = 0;
	return references.map((reference) =>
		reference.kind === 'attachment' ? `attachment_${++attachments}` : reference.kind,
	);
}

export async function downloadOrderFiles(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const orderId = await orderIdParameter.call(this, itemIndex);
	const order = await fetchOrder.call(this, itemIndex, orderId);
	return await downloadFilesOfOrder.call(this, itemIndex, orderId, order);
}

/** The chosen files of an order already read from Billit, as one item with a binary field each. */
export async function downloadFilesOfOrder(
	this: IExecuteFunctions,
	itemIndex: number,
	orderId: number,
	order: IDataObject,
): Promise<INodeExecutionData[]> {
	const kind = this.getNodeParameter('file', itemIndex) as OrderFileKind;
	const base = this.getNodeParameter('binaryPropertyName', itemIndex, 'data') as string;
	const references = orderFiles(order, kind);
	const fields = fieldNames(base, kind, references);
	if (kind === 'ubl' && !findUblFile(order)) {
		throw new Error(
			`Invoice ${String(order.OrderNumber ?? orderId)} has no UBL file in Billit (it was not sent over Peppol, or Billit keeps none); build one with the Billit Peppol node`,
		);
	}
	if (references.length === 0) {
		throw new Error(
			`Invoice ${String(order.OrderNumber ?? orderId)} has no ${kind === 'all' ? '' : `${kind} `}files`,
		);
	}
	const maxBytes = maxBytesFor.call(this, itemIndex);
	const binary: IBinaryKeyData = {};
	const files: IDataObject[] = [];
	for (const [index, reference] of references.entries()) {
		const file = await downloadBillitFile.call(this, itemIndex, reference, maxBytes);
		const field = fields[index];
		binary[field] = await toBinary.call(this, file);
		files.push({
			field,
			kind: reference.kind,
			FileID: reference.FileID,
			FileName: file.fileName,
			MimeType: file.mimeType,
			size: file.content.length,
		});
	}
	// Says where the UBL came from, like the UBL built by the Billit Peppol node ('built').
	const source = kind === 'ubl' ? { ublSource: 'billit' } : {};
	return [
		withInputItem.call(this, itemIndex, { OrderID: orderId, OrderNumber: order.OrderNumber, ...source, files }, binary),
	];
}
