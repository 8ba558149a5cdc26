import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import { resourceOptions, resources } from './actions/resources';
import { BILLIT_APP_DESCRIPTION } from '../shared/billit/appDescription';
import { router } from './actions/router';
import {
	authenticationProperty,
	companyProperties,
	contextPartyIdProperty,
} from '../shared/billit/descriptions/connection';
import { listSearch } from '../shared/billit/methods/listSearch';
import { loadOptions } from '../shared/billit/methods/loadOptions';

export class Billit implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Billit',
		name: 'billit',
		icon: { light: 'file:../shared/icons/billit.svg', dark: 'file:../shared/icons/billit.dark.svg' },
		group: ['transform'],
		// 2: incoming invoices' export marker defaults to IsSent (version 1 keeps ExportedToConnector).
		// 3: operations that take an invoice use what the input item carries (versions 1 and 2 read it).
		version: [1, 2, 3],
		defaultVersion: 3,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: BILLIT_APP_DESCRIPTION,
		defaults: { name: 'Billit' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'billitApi',
				required: true,
				displayOptions: { show: { authentication: ['apiKey'] } },
			},
			{
				name: 'billitOAuth2Api',
				required: true,
				displayOptions: { show: { authentication: ['oAuth2'] } },
			},
		],
		properties: [
			authenticationProperty,
			...companyProperties,
			contextPartyIdProperty,
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: resourceOptions,
				default: 'invoice',
			},
			...Object.values(resources).flatMap((resource) => resource.description),
		],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
