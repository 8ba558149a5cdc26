import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { parseId } from '../../../shared/billit/helpers/parse';
import { requestForItem } from '../../../shared/billit/helpers/request';

export const description = updateDisplayOptions(
	{ show: { resource: ['document'], operation: ['get'] } },
	[{ displayName: 'Document ID', name: 'documentId', type: 'string', default: '', required: true }],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const documentId = parseId(this.getNodeParameter('documentId', itemIndex), 'Document ID');
	const document = await requestForItem.call(this, itemIndex, {
		method: 'GET',
		path: `/v1/documents/${documentId}`,
	});
	return [{ json: document as IDataObject }];
}
