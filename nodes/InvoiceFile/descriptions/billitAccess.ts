import type { INodeProperties } from 'n8n-workflow';

/** Operations that can talk to Billit; each shows an "addToBillit" parameter (a hidden `true` where Billit is always needed). */
const show = { operation: ['fileToPayments', 'fileToJournalEntries'], addToBillit: [true] };

export const billitAccessProperties: INodeProperties[] = [
	{
		displayName: 'Authentication',
		name: 'authentication',
		type: 'options',
		options: [
			{ name: 'API Key', value: 'apiKey' },
			{ name: 'OAuth2', value: 'oAuth2' },
		],
		default: 'apiKey',
		displayOptions: { show },
	},
	{
		displayName: 'Company (Party ID)',
		name: 'companyId',
		type: 'string',
		default: '',
		description: 'Overrides the credential\'s PartyID; required with OAuth2',
		displayOptions: { show },
	},
];
