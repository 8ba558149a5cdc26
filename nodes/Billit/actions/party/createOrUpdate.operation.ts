import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { requestForItem } from '../../helpers/request';
import { partyBody, partyFieldOptions, partyTypeOptions } from './party.fields';

export const description = updateDisplayOptions(
	{ show: { resource: ['party'], operation: ['createOrUpdate'] } },
	[
		{
			displayName: 'Type',
			name: 'partyType',
			type: 'options',
			options: partyTypeOptions,
			default: 'Customer',
		},
		{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true },
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: partyFieldOptions.filter((option) => option.name !== 'Name'),
		},
	],
);

/** Billit creates the party, or updates the one it matches (by number, VAT or e-mail). */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const name = String(this.getNodeParameter('name', itemIndex)).trim();
	if (!name) throw new Error('Name is required');
	const body = partyBody({
		...(this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject),
		PartyType: this.getNodeParameter('partyType', itemIndex) as string,
		Name: name,
	});
	const partyId: unknown = await requestForItem.call(this, itemIndex, {
		method: 'POST',
		path: '/v1/parties',
		body,
	});
	return [{ json: { PartyID: partyId as number, ...body } }];
}
