import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { requestForItem } from '../../helpers/request';

export const description = updateDisplayOptions(
	{ show: { resource: ['company'], operation: ['listCompanies'] } },
	[
		{
			displayName: 'API Allowed Only',
			name: 'apiAllowedOnly',
			type: 'boolean',
			default: false,
			description: 'Whether to return only companies that allow API access',
		},
	],
);

/** One item per company the connected user can act for. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const account = (await requestForItem.call(this, itemIndex, {
		method: 'GET',
		path: '/v1/account/accountInformation',
		withoutCompany: true,
	})) as IDataObject;
	const apiAllowedOnly = this.getNodeParameter('apiAllowedOnly', itemIndex, false) as boolean;
	const companies = ((account.Companies as IDataObject[] | undefined) ?? []).filter(
		(company) => !apiAllowedOnly || company.APIAllowed !== false,
	);
	return companies.map((company) => ({ json: company }));
}
