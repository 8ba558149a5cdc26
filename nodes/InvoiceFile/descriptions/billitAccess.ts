import type { INodeProperties } from 'n8n-workflow';
import { authenticationProperty } from '../../shared/billit/descriptions/connection';

/** Operations that can talk to Billit; each shows an "addToBillit" parameter (a hidden `true` where Billit is always needed). */
const show = { operation: ['fileToPayments', 'fileToJournalEntries'], addToBillit: [true] };

export const billitAccessProperties: INodeProperties[] = [
	{ ...authenticationProperty, displayOptions: { show } },
	{
		displayName: 'Company (Party ID)',
		name: 'companyId',
		type: 'string',
		default: '',
		description: 'Overrides the credential\'s PartyID; required with OAuth2',
		displayOptions: { show },
	},
];
