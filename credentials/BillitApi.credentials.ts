import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { apiBaseUrlExpression, customUrlWarnings } from '../lib/billit/environments';
import { pacingCredentialProperties } from '../lib/billit/pacing/pacing-settings';
import { PARTY_ID_ADVICE } from '../lib/billit/request/errors';

function hasHeader(headers: IHttpRequestOptions['headers'], name: string): boolean {
	const wanted = name.toLowerCase();
	return Object.keys(headers ?? {}).some((key) => key.toLowerCase() === wanted);
}

function filled(value: unknown): string | undefined {
	if (typeof value === 'number') return String(value);
	return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

export class BillitApi implements ICredentialType {
	name = 'billitApi';

	displayName = 'Billit API';

	documentationUrl = 'https://docs.billit.be/docs/partyid-and-key';

	icon: Icon = { light: 'file:../nodes/shared/icons/billit.svg', dark: 'file:../nodes/shared/icons/billit.dark.svg' };

	properties: INodeProperties[] = [
		{
			displayName:
				"Billit's terms allow API keys for personal, non-commercial integrations only. Integrations shared with other Billit users must use the Billit OAuth2 API credential.",
			name: 'termsNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			options: [
				{ name: 'Production', value: 'production', description: 'https://api.billit.be' },
				{ name: 'Sandbox', value: 'sandbox', description: 'https://api.sandbox.billit.be' },
				{ name: 'Custom', value: 'custom', description: 'Another base URL, e.g. a test server' },
			],
			default: 'production',
			description: 'Each environment has its own API keys and PartyIDs',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. http://127.0.0.1:8080',
			required: true,
			displayOptions: { show: { environment: ['custom'] } },
			description: 'Billit API base URL, without /v1',
		},
		...customUrlWarnings('baseUrl'),
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Found in Billit under your profile, API settings',
		},
		{
			displayName: 'Party ID',
			name: 'partyId',
			type: 'string',
			default: '',
			placeholder: 'e.g. 123456',
			description:
				'PartyID of the company to work for by default (the Billit node\'s Company → Get Account Information lists them). Billit needs it unless every node chooses a Company, which takes precedence.',
		},
		{
			displayName: 'Context Party ID',
			name: 'contextPartyId',
			type: 'string',
			default: '',
			description: 'For accountants acting for a client company: the PartyID of that client',
		},
		...pacingCredentialProperties,
	];

	// A function rather than a generic header map: PartyID and ContextPartyID are sent only when
	// set, and never replace the company a node chose for the request.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const headers: Record<string, string> = {
			...(requestOptions.headers as Record<string, string> | undefined),
			ApiKey: String(credentials.apiKey ?? ''),
		};
		const optional = { PartyID: filled(credentials.partyId), ContextPartyID: filled(credentials.contextPartyId) };
		for (const [name, value] of Object.entries(optional)) {
			if (value !== undefined && !hasHeader(requestOptions.headers, name)) headers[name] = value;
		}
		return { ...requestOptions, headers };
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: apiBaseUrlExpression('$credentials'),
			// A company resource: the test then checks the Party ID too, as the nodes' first request would.
			url: '/v1/orders',
			qs: { $top: 1 },
			method: 'GET',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 400,
					message: `The API key works, but Billit needs a Party ID (a number) to act for a company: ${PARTY_ID_ADVICE}`,
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Billit rejected the API key (ApiKeyNotValid): check the key and that the environment (production, sandbox or custom URL) is the one it was created in',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'Billit refused access: check that the Party ID and Context Party ID belong to companies this API key may act for',
				},
			},
		],
	};
}
