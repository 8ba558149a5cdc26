import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';
import { belgianCompanyNumber } from '../../../../lib/ubl/peppol-identifiers';
import { requestForItem } from '../../../shared/billit/helpers/request';

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

/**
 * One item per company the connected user can act for. Billit's AccountInformation has no company
 * number, which the example pipelines file exports under: a Belgian company gets the enterprise
 * number inside its VAT number as `CompanyNumber`.
 */
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
	return companies.map((company) => ({
		json: { CompanyNumber: belgianCompanyNumber(company.VATNumber as string | undefined), ...company },
	}));
}
