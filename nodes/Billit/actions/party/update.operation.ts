import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { partyLocator } from '../../descriptions/locators';
import { parseId } from '../../../shared/billit/helpers/parse';
import { requestForItem } from '../../../shared/billit/helpers/request';
import { PATCHABLE_PARTY_FIELDS, partyBody, partyPatchFieldOptions } from '../../descriptions/party';

export const description = updateDisplayOptions(
	{ show: { resource: ['party'], operation: ['update'] } },
	[
		partyLocator(),
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: partyPatchFieldOptions,
		},
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const partyId = parseId(
		this.getNodeParameter('partyId', itemIndex, undefined, { extractValue: true }),
		'Party ID',
	);
	const patch = partyBody(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject);
	if (Object.keys(patch).length === 0) throw new Error('Nothing to update: add at least one field');
	const refused = Object.keys(patch).filter((field) => !PATCHABLE_PARTY_FIELDS.includes(field));
	if (refused.length > 0) {
		throw new Error(
			`Billit cannot patch ${refused.join(', ')} on a party; use Create or Update for it. Patchable fields are ${PATCHABLE_PARTY_FIELDS.join(', ')}`,
		);
	}
	await requestForItem.call(this, itemIndex, {
		method: 'PATCH',
		path: `/v1/parties/${partyId}`,
		body: patch,
	});
	return [{ json: { PartyID: partyId, ...patch } }];
}
