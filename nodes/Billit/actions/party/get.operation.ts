import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { partyLocator } from '../../descriptions/locators';
import { simplifyProperty } from '../../../shared/billit/descriptions/paging';
import { parseId } from '../../../shared/billit/helpers/parse';
import { requestForItem } from '../../../shared/billit/helpers/request';
import { simplifyParty } from '../../helpers/simplify';

export const description = updateDisplayOptions(
	{ show: { resource: ['party'], operation: ['get'] } },
	[partyLocator(), simplifyProperty],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const partyId = parseId(
		this.getNodeParameter('partyId', itemIndex, undefined, { extractValue: true }),
		'Party ID',
	);
	const party = (await requestForItem.call(this, itemIndex, {
		method: 'GET',
		path: `/v1/parties/${partyId}`,
	})) as IDataObject;
	const simplify = this.getNodeParameter('simplify', itemIndex, false) as boolean;
	return [{ json: simplify ? simplifyParty(party) : party }];
}
