import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { inputBinaryProperty } from '../../../shared/billit/descriptions/paging';
import { binaryAsBillitFile } from '../../../shared/billit/helpers/binary';
import { compact } from '../../../shared/compact';
import { withInputItem } from '../../../shared/billit/helpers/inputItem';
import { requestForItem } from '../../../shared/billit/helpers/request';

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
	// Billit's model types FileSource as a File, not a label: it is not sent (an older "File Source" text is ignored).
	const options = this.getNodeParameter('options', itemIndex, {}) as { Split?: boolean };
	let alreadyApplied = false;
	const uploadId: unknown = await requestForItem.call(this, itemIndex, {
		method: 'POST',
		path: '/v1/toProcess',
		body: compact({ File: file, Split: options.Split }),
		// A retry after a lost answer is told the upload exists: it is in Billit, only its ID is unknown.
		onAlreadyApplied: async () => {
			alreadyApplied = true;
			return undefined;
		},
	});
	return [
		withInputItem.call(this, itemIndex, compact({
			UploadID: uploadId as number | undefined,
			FileName: file.FileName,
			MimeType: file.MimeType,
			alreadyApplied: alreadyApplied || undefined,
		})),
	];
}
