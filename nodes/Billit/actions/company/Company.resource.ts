import type { INodeProperties } from 'n8n-workflow';
import type { Resource } from '../../../shared/types';
import * as getAccountInformation from './getAccountInformation.operation';
import * as listCompanies from './listCompanies.operation';
import * as search from './search.operation';

const operationProperty: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['company'] } },
	default: 'listCompanies',
	options: [
		{
			name: 'Get Account Information',
			value: 'getAccountInformation',
			action: 'Get account information',
		},
		{
			name: 'List Companies',
			value: 'listCompanies',
			action: 'List companies',
			description:
				'One item per company you can act for, with CompanyNumber (for a Belgian company, the enterprise number in its VAT number)',
		},
		{ name: 'Search Company', value: 'search', action: 'Search a company in KBO or VIES' },
	],
};

export const company: Resource = {
	operations: { getAccountInformation, listCompanies, search },
	description: [
		operationProperty,
		...getAccountInformation.description,
		...listCompanies.description,
		...search.description,
	],
};
