import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { parseId } from '../../../shared/billit/helpers/parse';
import { requestForItem } from '../../../shared/billit/helpers/request';

export const description = updateDisplayOptions(
	{ show: { resource: ['document'], operation: ['deletePending'] } },
	[
		{
			displayName: 'Upload ID',
			name: 'uploadId',
			type: 'string',
			default: '',
			required: true,
			description:
				'The ID the Upload operation returned; only uploads not processed yet can be deleted',
		},
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const uploadId = parseId(this.getNodeParameter('uploadId', itemIndex), 'Upload ID');
	await requestForItem.call(this, itemIndex, {
		method: 'DELETE',
		path: `/v1/toProcess/${uploadId}`,
	});
	return [{ json: { UploadID: uploadId, deleted: true } }];
}
