import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { inputBinaryProperty } from '../../descriptions/paging';
import { binaryAsBillitFile } from '../../helpers/binary';
import { requestForItem } from '../../helpers/request';

export const description = updateDisplayOptions(
	{ show: { resource: ['bankTransaction'], operation: ['importCoda'] } },
	[{ ...inputBinaryProperty, description: 'A CODA bank statement file (.cod)' }],
);

/** A CODA file starts with a header record of type 0 and is 128-character fixed-width text. */
function assertCoda(content: Buffer, fileName: string): void {
	const firstLine = content.toString('latin1').split(/\r?\n/, 1)[0] ?? '';
	if (!firstLine.startsWith('0') || firstLine.trimEnd().length > 128 || firstLine.length < 100) {
		throw new Error(
			`"${fileName}" is not a CODA bank statement (expected a 128-character header record starting with 0)`,
		);
	}
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const field = this.getNodeParameter('binaryPropertyName', itemIndex) as string;
	const file = await binaryAsBillitFile.call(this, itemIndex, field);
	assertCoda(Buffer.from(file.FileContent as string, 'base64'), String(file.FileName));
	const answer: unknown = await requestForItem.call(this, itemIndex, {
		method: 'POST',
		path: '/v1/financialTransactions/importFile',
		body: {
			File: { FileName: file.FileName, FileContent: file.FileContent, MimeType: 'text/plain' },
		},
	});
	return [{ json: { FileName: file.FileName, ...(answer as IDataObject) } }];
}
