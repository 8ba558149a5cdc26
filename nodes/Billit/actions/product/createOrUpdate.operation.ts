import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { compare } from '../../../../lib/billit/listing/filters';
import { compact } from '../../../shared/compact';
import { findAgainAfterLostAnswer } from '../../helpers/findAgain';
import { requestForItem } from '../../../shared/billit/helpers/request';

export const description = updateDisplayOptions(
	{ show: { resource: ['product'], operation: ['createOrUpdate'] } },
	[
		{
			displayName: 'Reference',
			name: 'reference',
			type: 'string',
			default: '',
			required: true,
			description:
				'Your product code; Billit updates the product with this reference when it exists',
		},
		{
			displayName: 'Description',
			name: 'productDescription',
			type: 'string',
			default: '',
			required: true,
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{ displayName: 'EAN', name: 'EAN', type: 'string', default: '' },
				{ displayName: 'Group Name', name: 'GroupName', type: 'string', default: '' },
				{ displayName: 'GTIN', name: 'GTIN', type: 'string', default: '' },
				{ displayName: 'Purchase Price (Excl. VAT)', name: 'BuyExcl', type: 'number', default: 0 },
				{ displayName: 'Sales Price (Excl. VAT)', name: 'AmountExcl', type: 'number', default: 0 },
				{ displayName: 'Stock Quantity', name: 'StockQuantity', type: 'number', default: 0 },
				{
					displayName: 'Unit Name or ID',
					name: 'Unit',
					type: 'options',
					typeOptions: { loadOptionsMethod: 'getUnits' },
					default: '',
					description:
						'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
				},
				{ displayName: 'VAT Rate', name: 'VAT', type: 'number', default: 21 },
			],
		},
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const reference = String(this.getNodeParameter('reference', itemIndex)).trim();
	if (!reference) throw new Error('Reference is required');
	const body = compact({
		...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
		Reference: reference,
		Description: this.getNodeParameter('productDescription', itemIndex) as string,
	});
	// After a lost answer (409 for the reused key) the product is found again by its reference.
	const productId: unknown = await requestForItem.call(this, itemIndex, {
		method: 'POST',
		path: '/v1/products',
		body,
		onAlreadyApplied: async (context) =>
			await findAgainAfterLostAnswer.call(
				this,
				itemIndex,
				{
					what: 'product',
					path: '/v1/products',
					filter: compare('Reference', 'eq', reference),
					idField: 'ProductID',
					hint: `the product with reference "${reference}"`,
				},
				context,
			),
	});
	return [{ json: { ProductID: productId as number, ...body } }];
}
