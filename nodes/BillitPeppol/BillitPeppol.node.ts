import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';
import {
	authenticationProperty,
	companyProperties,
	contextPartyIdProperty,
} from '../shared/billit/descriptions/connection';
import { listSearch } from '../shared/billit/methods/listSearch';
import { resourceOptions, resources } from './actions/resources';
import { router } from './actions/router';

export class BillitPeppol implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Billit Peppol',
		name: 'billitPeppol',
		icon: { light: 'file:billitPeppol.svg', dark: 'file:billitPeppol.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Peppol e-invoicing through Billit: check receivers, send, build, parse and pre-validate UBL, process the inbox',
		defaults: { name: 'Billit Peppol' },
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
				default: 'participant',
			},
			...Object.values(resources).flatMap((resource) => resource.description),
		],
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
