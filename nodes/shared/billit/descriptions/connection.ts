import type { INodeProperties } from 'n8n-workflow';

/** Credential selector: API key (personal integrations) or OAuth2 (shared integrations). */
export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'API Key', value: 'apiKey' },
		{ name: 'OAuth2', value: 'oAuth2' },
	],
	default: 'apiKey',
};

/**
 * The company (PartyID) to act for. An OAuth2 connection has no company of its own, so the
 * parameter is required there; with an API key it overrides the credential's PartyID.
 */
function companyLocator(
	authentication: string,
	required: boolean,
	description: string,
): INodeProperties {
	return {
		displayName: 'Company',
		name: 'company',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required,
		description,
		displayOptions: { show: { authentication: [authentication] } },
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchCompanies', searchable: true },
			},
			{
				displayName: 'By Party ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 123456',
				validation: [
					{ type: 'regex', properties: { regex: '^\\d+$', errorMessage: 'A PartyID is a number' } },
				],
			},
		],
	};
}

export const companyProperties: INodeProperties[] = [
	companyLocator('oAuth2', true, 'The Billit company to work in'),
	companyLocator('apiKey', false, "Overrides the credential's PartyID; leave empty to use it"),
];

export const contextPartyIdProperty: INodeProperties = {
	displayName: 'Context Party ID',
	name: 'contextPartyId',
	type: 'string',
	default: '',
	placeholder: 'e.g. 654321',
	description:
		"For accountants acting for a client: the client's PartyID, sent as the ContextPartyID header",
};
