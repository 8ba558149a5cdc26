import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import type { ColumnSpec } from '../../../lib/flatfile/columns';
import { decodeText, DEFAULT_MAX_PARTNER_FILE_BYTES, type TextEncodingName } from '../../../lib/flatfile/encoding';
import type { FixedColumnSpec } from '../../../lib/flatfile/fixed-width';
import { validateCsvLayout, type CsvLayout } from '../../../lib/flatfile/tabular';

/** The column mapping of a CSV or fixed-width layout (positions only used for fixed width). */
export function columnsProperty(show: Record<string, string[]>, defaultPaths: string): INodeProperties {
	return {
		displayName: 'Columns',
		name: 'columns',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Column',
		default: {},
		description: `Column mapping; field paths such as ${defaultPaths}`,
		displayOptions: { show },
		options: [
			{
				displayName: 'Column',
				name: 'column',
				values: [
					{
						displayName: 'Alignment (Fixed Width)',
						name: 'align',
						type: 'options',
						options: [
							{
								name: 'Left',
								value: 'left',
							},
							{
								name: 'Right',
								value: 'right',
							},
						],
						default: 'left',
					},
					{
						displayName: 'Date Pattern',
						name: 'datePattern',
						type: 'string',
						default: 'YYYY-MM-DD',
						description: 'Tokens YYYY, YY, MM, DD, HH, mm, ss',
					},
					{
						displayName: 'Decimal Separator',
						name: 'decimalSeparator',
						type: 'string',
						default: '.',
					},
					{
						displayName: 'Decimals',
						name: 'decimals',
						type: 'number',
						default: 2
					},
					{
						displayName: 'Field Path',
						name: 'path',
						type: 'string',
						default: '',
					},
					{
						displayName: 'Format',
						name: 'format',
						type: 'options',
						options: [
							{
								name: 'Date',
								value: 'date',
							},
							{
								name: 'Decimal',
								value: 'decimal',
							},
							{
								name: 'Integer',
								value: 'integer',
							},
							{
								name: 'Text',
								value: 'text',
							},
					],
						default: 'text',
					},
					{
						displayName: 'Header',
						name: 'header',
						type: 'string',
						default: '',
					},
					{
						displayName: 'Implied Decimals',
						name: 'impliedDecimals',
						type: 'boolean',
						default: false,
						description: 'Whether to write 12.34 as 1234 (fixed-width layouts)',
					},
					{
						displayName: 'Length (Fixed Width)',
						name: 'length',
						type: 'number',
						default: 10
					},
					{
						displayName: 'Padding (Fixed Width)',
						name: 'padding',
						type: 'string',
						default: ' ',
					},
					{
						displayName: 'Start (Fixed Width)',
						name: 'start',
						type: 'number',
						default: 1,
						description: '1-based first position',
					},
			],
			},
		],
	};
}

interface ColumnEntry extends Partial<FixedColumnSpec> {
	header?: string;
	path?: string;
}

/** The mapping entered on the node, checked for the fields every column needs. */
export function readColumns(value: unknown): FixedColumnSpec[] {
	const entries = ((value as { column?: ColumnEntry[] })?.column ?? []) as ColumnEntry[];
	if (entries.length === 0) throw new Error('Add at least one column to the mapping');
	return entries.map((entry, index) => {
		if (!entry.header || !entry.path) throw new Error(`Column ${index + 1} needs a header and a field path`);
		return { ...entry, header: entry.header, path: entry.path, format: (entry.format ?? 'text') as ColumnSpec['format'], start: entry.start ?? 1, length: entry.length ?? 10 };
	});
}

export const delimiterProperty = (show: Record<string, string[]>): INodeProperties => ({
	displayName: 'Delimiter',
	name: 'delimiter',
	type: 'string',
	default: ',',
	displayOptions: { show },
});

export const headerRowProperty = (show: Record<string, string[]>): INodeProperties => ({
	displayName: 'Header Row',
	name: 'includeHeader',
	type: 'boolean',
	default: true,
	description: 'Whether the first line holds the column headers',
	displayOptions: { show },
});

export const encodingProperty: INodeProperties = {
	displayName: 'Encoding',
	name: 'encoding',
	type: 'options',
	options: [
		{ name: 'UTF-8', value: 'utf-8' },
		{ name: 'Latin-1 (ISO-8859-1)', value: 'latin1' },
	],
	default: 'utf-8',
};

export const binaryPropertyProperty: INodeProperties = {
	displayName: 'Binary Property',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	description: 'Name of the binary field holding the file',
};

const MEGABYTE = 1024 * 1024;

export const maxFileSizeProperty: INodeProperties = {
	displayName: 'Maximum File Size (MB)',
	name: 'maxFileSizeMb',
	type: 'number',
	typeOptions: { minValue: 1 },
	default: 20,
	description: 'Larger files are refused before they are read',
};

/** The CSV layout entered on the node, checked before the file is read. */
export function readCsvLayout(this: IExecuteFunctions, itemIndex: number): CsvLayout {
	const layout: CsvLayout = {
		columns: readColumns(this.getNodeParameter('columns', itemIndex)),
		delimiter: this.getNodeParameter('delimiter', itemIndex) as string,
		includeHeader: this.getNodeParameter('includeHeader', itemIndex) as boolean,
	};
	validateCsvLayout(layout);
	return layout;
}

/** The item's partner file as bytes and text, refused above the size limit. */
export async function readPartnerFile(this: IExecuteFunctions, itemIndex: number): Promise<{ bytes: Buffer; text: string }> {
	const bytes = await this.helpers.getBinaryDataBuffer(itemIndex, this.getNodeParameter('binaryPropertyName', itemIndex) as string);
	const maxBytes = (this.getNodeParameter('maxFileSizeMb', itemIndex, DEFAULT_MAX_PARTNER_FILE_BYTES / MEGABYTE) as number) * MEGABYTE;
	return { bytes, text: decodeText(bytes, this.getNodeParameter('encoding', itemIndex) as TextEncodingName, maxBytes) };
}
