import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { and, compare } from '../../../../lib/billit/listing/filters';
import { findAgainAfterLostAnswer } from '../../helpers/findAgain';
import { requestForItem } from '../../../shared/billit/helpers/request';
import { partyBody, partyFieldOptions, partyTypeOptions } from '../../descriptions/party';

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

/**
 * What names the party Billit matched or created: its own number, else its VAT number (as Billit
 * stores it: no spaces, dots or dashes). A name or e-mail alone is not unique enough.
 */
function partyIdentityFilter(body: IDataObject): string | undefined {
	const type = compare('PartyType', 'eq', String(body.PartyType));
	if (typeof body.Nr === 'string' && body.Nr.trim())
		return and(type, compare('Nr', 'eq', body.Nr.trim()));
	if (typeof body.VATNumber === 'string' && body.VATNumber.trim()) {
		const vat = body.VATNumber.replace(/[\s.-]/g, '').toUpperCase();
		return and(type, compare('VATNumber', 'eq', vat));
	}
	return undefined;
}

/**
 * Billit creates the party, or updates the one it matches (by number, VAT or e-mail). After a lost
 * answer (409 for the reused key) the party is found again by number or VAT number.
 */
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
		onAlreadyApplied: async (context) =>
			await findAgainAfterLostAnswer.call(
				this,
				itemIndex,
				{
					what: 'party',
					path: '/v1/parties',
					filter: partyIdentityFilter(body),
					idField: 'PartyID',
					hint: `${String(body.PartyType)} "${name}"`,
				},
				context,
			),
	});
	return [{ json: { PartyID: partyId as number, ...body } }];
}
