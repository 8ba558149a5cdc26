import { updateDisplayOptions, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';
import { attachmentPrefixProperty } from '../../descriptions/attachmentPrefix';
import { ublInputProperties } from '../../descriptions/ublInput';
import { parsedOutput } from '../../helpers/parsedOutput';
import { readUblInput } from '../../helpers/ublInput';
import { readUblPayload } from '../../../../lib/ubl/parse';

export const description = updateDisplayOptions(
	{ show: { resource: ['document'], operation: ['parse'] } },
	[
		...ublInputProperties,
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [attachmentPrefixProperty],
		},
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const payload = readUblPayload(await readUblInput.call(this, itemIndex));
	const prefix = this.getNodeParameter('options.attachmentPrefix', itemIndex, 'attachment_') as string;
	const { json, binary } = await parsedOutput.call(this, payload, prefix);
	return [{ json, ...(Object.keys(binary).length > 0 ? { binary } : {}) }];
}
