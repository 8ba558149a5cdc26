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
import { orderIdParameter } from './orders';
import { orderForItem, type OrderForItem } from './carriedOrder';
import {
	findUblFile,
	orderFiles,
	type OrderFileKind,
	type OrderFileReference,
} from './orderFiles';

/** What the Download operations say they read, for their descriptions. */
export const DOWNLOAD_READS =
	'Takes the file ids from the input item when it is that invoice (e.g. from Get Many) and reads the invoice from Billit only when they are missing there (node version 1 and 2: always); the output keeps the input item, with the invoice added when it was read';

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

const FILE_FIELDS = ['OrderPDF', 'Messages', 'Attachments'];

/**
 * Whether an order as an item carries it names the files of this kind: one at least, or for All
 * Files every field that can name one (a list answer may leave them out).
 */
export function namesFilesOf(order: IDataObject, kind: OrderFileKind): boolean {
	if (kind === 'all') return FILE_FIELDS.every((field) => field in order);
	return orderFiles(order, kind).length > 0;
}

/** The invoice whose files the item asks for: the one it carries when that names them, else read. */
export async function orderWithFiles(
	this: IExecuteFunctions,
	itemIndex: number,
	orderId: number,
): Promise<OrderForItem> {
	const kind = this.getNodeParameter('file', itemIndex) as OrderFileKind;
	return await orderForItem.call(this, itemIndex, orderId, (order) => namesFilesOf(order, kind));
}

/**
 * An invoice read for this item goes out with it, so that the nodes after it need not read it again:
 * its file fields, and the fields the input item does not have (the item's own stay as they were).
 */
export function readOrderFields(this: IExecuteFunctions, itemIndex: number, found: OrderForItem): IDataObject {
	if (!found.read) return {};
	const input = this.getInputData()[itemIndex]?.json ?? {};
	return Object.fromEntries(
		Object.entries(found.order).filter(([field]) => FILE_FIELDS.includes(field) || !(field in input)),
	);
}

export async function downloadOrderFiles(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const orderId = await orderIdParameter.call(this, itemIndex);
	const found = await orderWithFiles.call(this, itemIndex, orderId);
	return await downloadFilesOfOrder.call(this, itemIndex, orderId, found);
}

/** The chosen files of an invoice, as one item with a binary field each. */
export async function downloadFilesOfOrder(
	this: IExecuteFunctions,
	itemIndex: number,
	orderId: number,
	found: OrderForItem,
): Promise<INodeExecutionData[]> {
	const { order } = found;
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
		withInputItem.call(
			this,
			itemIndex,
			{ ...readOrderFields.call(this, itemIndex, found), OrderID: orderId, OrderNumber: order.OrderNumber, ...source, files },
			binary,
		),
	];
}
