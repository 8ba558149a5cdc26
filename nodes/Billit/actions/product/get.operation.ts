import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { parseId } from '../../../shared/billit/helpers/parse';
import { requestForItem } from '../../../shared/billit/helpers/request';

export const description = updateDisplayOptions(
	{ show: { resource: ['product'], operation: ['get'] } },
	[{ displayName: 'Product ID', name: 'productId', type: 'string', default: '', required: true }],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const productId = parseId(this.getNodeParameter('productId', itemIndex), 'Product ID');
	const product = await requestForItem.call(this, itemIndex, {
		method: 'GET',
		path: `/v1/products/${productId}`,
	});
	return [{ json: product as IDataObject }];
}
