import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { binaryPropertyProperty, maxFileSizeProperty } from '../../../shared/billit/descriptions/paging';
import { downloadBillitFile, maxBytesFor, toBinary } from '../../../shared/billit/helpers/binary';
import { attachmentPrefixProperty } from '../../descriptions/attachmentPrefix';
import { parsedOutput } from '../../helpers/parsedOutput';
import { readUblPayload } from '../../../../lib/ubl/parse';

export const description = updateDisplayOptions(
	{ show: { resource: ['inbox'], operation: ['download'] } },
	[
		{
			displayName: 'Peppol File ID',
			name: 'peppolFileId',
			type: 'string',
			default: '={{ $json.PeppolFileID }}',
			required: true,
			description: 'The PeppolFileID of an inbox item from Get Many',
		},
		binaryPropertyProperty,
		{
			displayName: 'Parse',
			name: 'parse',
			type: 'boolean',
			default: false,
			description:
				'Whether to also read the UBL into JSON (under "document") with embedded files as binary fields',
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{ ...attachmentPrefixProperty, displayOptions: { show: { '/parse': [true] } } },
				maxFileSizeProperty,
			],
		},
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const givenId = this.getNodeParameter('peppolFileId', itemIndex) as string | number;
	const fileId = String(givenId ?? '').trim();
	if (fileId === '') throw new Error('Peppol File ID is empty');
	const field = this.getNodeParameter('binaryPropertyName', itemIndex) as string;
	const maxBytes = maxBytesFor.call(this, itemIndex);
	const file = await downloadBillitFile.call(this, itemIndex, { FileID: fileId }, maxBytes);
	const json: IDataObject = {
		PeppolFileID: givenId,
		fileName: file.fileName,
		mimeType: file.mimeType,
		size: file.content.length,
	};
	const binary = { [field]: await toBinary.call(this, file) };
	if (this.getNodeParameter('parse', itemIndex, false) as boolean) {
		const prefix = this.getNodeParameter('options.attachmentPrefix', itemIndex, 'attachment_') as string;
		const parsed = await parsedOutput.call(this, readUblPayload(file.content, maxBytes), prefix);
		json.document = parsed.json;
		Object.assign(binary, parsed.binary);
	}
	return [{ json, binary }];
}
