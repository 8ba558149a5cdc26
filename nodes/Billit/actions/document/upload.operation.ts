import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { inputBinaryProperty } from '../../descriptions/paging';
import { binaryAsBillitFile } from '../../helpers/binary';
import { compact } from '../../helpers/compact';
import { withInputItem } from '../../helpers/inputItem';
import { requestForItem } from '../../helpers/request';

export const description = updateDisplayOptions(
	{ show: { resource: ['document'], operation: ['upload'] } },
	[
		{
			...inputBinaryProperty,
			description: 'A PDF, an image or a UBL XML file; Billit turns it into a purchase document',
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'File Source',
					name: 'FileSource',
					type: 'string',
					default: '',
					placeholder: 'e.g. SFTP',
					description: 'Where the file came from, shown in Billit',
				},
				{
					displayName: 'Split Pages',
					name: 'Split',
					type: 'boolean',
					default: false,
					description: 'Whether Billit should split a multi-page PDF into one document per page',
				},
			],
		},
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const field = this.getNodeParameter('binaryPropertyName', itemIndex) as string;
	const file = await binaryAsBillitFile.call(this, itemIndex, field);
	const options = this.getNodeParameter('options', itemIndex, {}) as {
		FileSource?: string;
		Split?: boolean;
	};
	const uploadId: unknown = await requestForItem.call(this, itemIndex, {
		method: 'POST',
		path: '/v1/toProcess',
		body: compact({ File: file, FileSource: options.FileSource, Split: options.Split }),
	});
	return [
		withInputItem.call(this, itemIndex, {
			UploadID: uploadId as number,
			FileName: file.FileName,
			MimeType: file.MimeType,
		}),
	];
}
