import { NodeOperationError, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import type { Order } from '../../../lib/billit/types';
import { errorItem } from '../../shared/router';
import type { TextEncodingName } from '../../../lib/flatfile/encoding';
import { FORMAT_FILES, invoicesToFile, validateFileSettings, type InvoiceFileFormat } from '../../../lib/flatfile/invoices-to-file';
import type { RowMode } from '../../../lib/flatfile/invoice-rows';
import { binaryPropertyProperty, columnsProperty, delimiterProperty, encodingProperty, headerRowProperty, readColumns } from '../descriptions/layout';

const show = { operation: ['invoicesToFile'] };
const tabular = { ...show, fileFormat: ['csv', 'fixedWidth'] };
const edi = { ...show, fileFormat: ['x12', 'edifact'] };

export const description: INodeProperties[] = [
	{
		displayName: 'File Format',
		name: 'fileFormat',
		type: 'options',
		options: [
			{ name: 'CSV', value: 'csv' },
			{ name: 'EDIFACT INVOIC (D.96A)', value: 'edifact' },
			{ name: 'Fixed Width', value: 'fixedWidth' },
			{ name: 'X12 810', value: 'x12' },
		],
		default: 'csv',
		displayOptions: { show },
	},
	{
		displayName: 'Rows',
		name: 'rowMode',
		type: 'options',
		options: [
			{ name: 'One per Invoice', value: 'invoice' },
			{ name: 'One per Invoice Line', value: 'line', description: 'Paths like Line.Description and LineNumber read the line' },
		],
		default: 'invoice',
		displayOptions: { show: tabular },
	},
	columnsProperty(tabular, 'OrderNumber, OrderDate, Customer.Name, TotalIncl, Line.Quantity'),
	delimiterProperty({ ...show, fileFormat: ['csv'] }),
	headerRowProperty({ ...show, fileFormat: ['csv'] }),
	{
		displayName: 'Neutralise Formulas',
		name: 'neutraliseFormulas',
		type: 'boolean',
		default: true,
		description:
			'Whether a cell starting with =, +, -, @, tab or carriage return gets a leading apostrophe, so a spreadsheet shows it as text instead of running it as a formula (plain numbers such as -12.50 stay as they are). Turn off only for a partner whose software needs the raw values.',
		displayOptions: { show: { ...show, fileFormat: ['csv'] } },
	},
	{ displayName: 'Sender ID', name: 'senderId', type: 'string', default: '', required: true, displayOptions: { show: edi } },
	{ displayName: 'Receiver ID', name: 'receiverId', type: 'string', default: '', required: true, displayOptions: { show: edi } },
	{
		displayName: 'Control Number',
		name: 'controlNumber',
		type: 'number',
		default: 1,
		description: 'Interchange control number; with one file per invoice, each next file adds one',
		displayOptions: { show: edi },
	},
	{ displayName: 'Test Interchange', name: 'testInterchange', type: 'boolean', default: false, displayOptions: { show: edi } },
	{
		displayName: 'Files',
		name: 'grouping',
		type: 'options',
		options: [
			{ name: 'One File for All Invoices', value: 'batch' },
			{ name: 'One File per Invoice', value: 'perInvoice' },
		],
		default: 'batch',
		displayOptions: { show },
	},
	{ displayName: 'File Name', name: 'fileName', type: 'string', default: '={{ "invoices." + $parameter["fileFormat"] }}', displayOptions: { show } },
	{ ...encodingProperty, displayOptions: { show } },
	{ ...binaryPropertyProperty, displayOptions: { show } },
];

/** Invoices from the Billit node become one partner file, or one per invoice. */
export async function executeBatch(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	if (items.length === 0) return [];
	const format = this.getNodeParameter('fileFormat', 0) as InvoiceFileFormat;
	const tabularFormat = format === 'csv' || format === 'fixedWidth';
	const settings = {
		format,
		rowMode: (tabularFormat ? this.getNodeParameter('rowMode', 0) : 'invoice') as RowMode,
		columns: tabularFormat ? readColumns(this.getNodeParameter('columns', 0)) : [],
		delimiter: format === 'csv' ? (this.getNodeParameter('delimiter', 0) as string) : ',',
		includeHeader: format === 'csv' ? (this.getNodeParameter('includeHeader', 0) as boolean) : false,
		neutraliseFormulas: format === 'csv' ? (this.getNodeParameter('neutraliseFormulas', 0, true) as boolean) : true,
		lineEnding: '\r\n' as const,
		encoding: this.getNodeParameter('encoding', 0) as TextEncodingName,
		sender: tabularFormat ? '' : (this.getNodeParameter('senderId', 0) as string),
		receiver: tabularFormat ? '' : (this.getNodeParameter('receiverId', 0) as string),
		controlNumber: tabularFormat ? 1 : (this.getNodeParameter('controlNumber', 0) as number),
		date: new Date(),
		test: tabularFormat ? false : (this.getNodeParameter('testInterchange', 0) as boolean),
	};
	validateFileSettings(settings);
	const perInvoice = this.getNodeParameter('grouping', 0) === 'perInvoice';
	const binaryName = this.getNodeParameter('binaryPropertyName', 0) as string;
	const batches = perInvoice ? items.map((_, index) => [index]) : [items.map((_, index) => index)];
	const { extension, mimeType } = FORMAT_FILES[format];
	const output: INodeExecutionData[] = [];
	for (const [batchIndex, indexes] of batches.entries()) {
		const orders = indexes.map((index) => items[index].json as Order);
		try {
			const bytes = invoicesToFile(orders, { ...settings, controlNumber: settings.controlNumber + batchIndex });
			const fileName = (this.getNodeParameter('fileName', indexes[0]) as string) || `invoices.${extension}`;
			output.push({
				json: { fileName, format, invoices: orders.map((order) => order.OrderNumber ?? null), orderIds: orders.map((order) => order.OrderID ?? null) },
				binary: { [binaryName]: await this.helpers.prepareBinaryData(bytes, fileName, mimeType) },
				pairedItem: indexes.map((item) => ({ item })),
			});
		} catch (error) {
			if (!this.continueOnFail()) throw new NodeOperationError(this.getNode(), error as Error, { itemIndex: indexes[0] });
			output.push(errorItem(this, error, indexes.map((item) => ({ item }))));
		}
	}
	return output;
}
