import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { inputBinaryProperty } from '../../../shared/billit/descriptions/paging';
import { binaryAsBillitFile } from '../../../shared/billit/helpers/binary';
import { requestForItem } from '../../../shared/billit/helpers/request';

export const description = updateDisplayOptions(
	{ show: { resource: ['bankTransaction'], operation: ['importCoda'] } },
	[{ ...inputBinaryProperty, description: 'A CODA bank statement file (.cod)' }],
);

/**
 * The header record (type 0) of a CODA file, which is 128-character fixed-width text; refuses
 * anything else before it is sent to Billit.
 */
function codaHeader(content: Buffer, fileName: string): string {
	const firstLine = content.toString('latin1').split(/\r?\n/, 1)[0] ?? '';
	if (!firstLine.startsWith('0') || firstLine.trimEnd().length > 128 || firstLine.length < 100) {
		throw new Error(
			`"${fileName}" is not a CODA bank statement (expected a 128-character header record starting with 0)`,
		);
	}
	return firstLine;
}

/** The file's creation date (header positions 6-11, DDMMYY) as YYYY-MM-DD, for archive folders. */
function creationDate(header: string): string | undefined {
	const match = /^(\d{2})(\d{2})(\d{2})$/.exec(header.slice(5, 11));
	if (!match || match[0] === '000000') return undefined;
	return `20${match[3]}-${match[2]}-${match[1]}`;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const field = this.getNodeParameter('binaryPropertyName', itemIndex) as string;
	const file = await binaryAsBillitFile.call(this, itemIndex, field);
	const header = codaHeader(Buffer.from(file.FileContent as string, 'base64'), String(file.FileName));
	const answer: unknown = await requestForItem.call(this, itemIndex, {
		method: 'POST',
		path: '/v1/financialTransactions/importFile',
		// The File model itself, as Billit's importFile takes it.
		body: { FileName: file.FileName, FileContent: file.FileContent, MimeType: 'text/plain' },
	});
	return [
		{
			json: {
				FileName: file.FileName,
				CreationDate: creationDate(header),
				...(answer as IDataObject),
			},
		},
	];
}
