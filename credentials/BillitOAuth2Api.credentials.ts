import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { customUrlWarnings, oauthAuthorizeUrlExpression, oauthTokenUrlExpression } from '../lib/billit/environments';
import { pacingCredentialProperties } from '../lib/billit/pacing/pacing-settings';

// No `test`: n8n tests OAuth2 credentials by connecting (the authorization code flow).
export class BillitOAuth2Api implements ICredentialType {
	name = 'billitOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Billit OAuth2 API';

	documentationUrl = 'https://docs.billit.be/docs/how-do-i-request-oauth-client-id-and-secret';

	icon: Icon = { light: 'file:../nodes/shared/icons/billit.svg', dark: 'file:../nodes/shared/icons/billit.dark.svg' };

	properties: INodeProperties[] = [
		{
			displayName:
				"Billit registers each OAuth client with its exact redirect URI. Ask Billit support to register this n8n instance's OAuth Redirect URL (shown above) for your client ID; every n8n instance needs its own registration.",
			name: 'oauthNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Production', value: 'production', description: 'my.billit.be and api.billit.be' },
				{
					name: 'Sandbox',
					value: 'sandbox',
					description: 'my.sandbox.billit.be and api.sandbox.billit.be',
				},
				{ name: 'Custom', value: 'custom', description: 'Other URLs, e.g. a test server' },
			],
			default: 'production',
			description: 'Each environment has its own OAuth clients and PartyIDs',
		},
		{
			displayName: 'API Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. http://127.0.0.1:8080',
			required: true,
			displayOptions: { show: { environment: ['custom'] } },
			description: 'Billit API base URL, without /v1; the token URL is this plus /OAuth2/token',
		},
		...customUrlWarnings('baseUrl'),
		{
			displayName: 'Web App Base URL',
			name: 'authBaseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. http://127.0.0.1:8081',
			required: true,
			displayOptions: { show: { environment: ['custom'] } },
			description: 'Billit web app base URL; the authorization URL is this plus /Account/Logon',
		},
		...customUrlWarnings('authBaseUrl'),
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: oauthAuthorizeUrlExpression(),
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: oauthTokenUrlExpression(),
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Client Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{
					name: 'Send in Body',
					value: 'body',
					description: "Client ID and secret in the token request body, as Billit's API reference shows",
				},
				{
					name: 'Send as Basic Auth Header',
					value: 'header',
					description: 'Client ID and secret as an HTTP Basic header, as some Billit guides show',
				},
			],
			default: 'body',
		},
		...pacingCredentialProperties,
	];
}
