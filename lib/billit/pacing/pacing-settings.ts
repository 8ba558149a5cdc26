/**
 * The request budget a Billit credential sets: how many requests per second, and whether all
 * companies reached with the credential share it (Billit limits an API key, and an accountant's
 * many companies share one key) or each company has its own.
 */
import { createHash } from 'node:crypto';
import type { ICredentialDataDecryptedObject, INodeProperties } from 'n8n-workflow';
import { companyPacingKey, CompanyPacer, DEFAULT_REQUESTS_PER_SECOND } from './pacer';

export type PacingScope = 'credential' | 'company';

/** Plain fields (n8n's credential dialog cannot edit a collection), shared by both credential types. */
export const pacingCredentialProperties: INodeProperties[] = [
	{
		displayName: 'Requests per Second',
		name: 'requestsPerSecond',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: DEFAULT_REQUESTS_PER_SECOND,
		description:
			'Most requests this credential sends per second. Billit documents 25; lower it if Billit answers "too many requests" (429).',
	},
	{
		displayName: 'Request Budget',
		name: 'pacingScope',
		type: 'options',
		options: [
			{
				name: 'Shared by All Companies',
				value: 'credential',
				description: 'Every company reached with this credential shares the rate (Billit limits the key)',
			},
			{ name: 'Per Company', value: 'company', description: 'Each company (PartyID) gets the full rate' },
		],
		default: 'credential',
	},
];

export interface PacingSettings {
	/** Whose budget a request spends: the credential's, or one company's. */
	key: string;
	requestsPerSecond: number;
}

const digest = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 32);

/**
 * The budget of a request. `credentialId` is n8n's id of the credential; an API key is identified
 * by its hash, so two n8n credentials holding one key share its budget. No secret is kept in the key.
 */
export function pacingSettings(
	credentials: ICredentialDataDecryptedObject,
	connection: { baseUrl: string; partyId?: string },
	credentialId: string | undefined,
): PacingSettings {
	const configured = credentials.requestsPerSecond;
	const requestsPerSecond = CompanyPacer.validRate(
		configured === undefined || configured === '' ? DEFAULT_REQUESTS_PER_SECOND : Number(configured),
	);
	if (credentials.pacingScope === 'company') {
		return { key: companyPacingKey(connection.baseUrl, connection.partyId), requestsPerSecond };
	}
	const owner =
		typeof credentials.apiKey === 'string' && credentials.apiKey !== ''
			? `key:${digest(credentials.apiKey)}`
			: `credential:${credentialId ?? digest(String(credentials.clientId ?? ''))}`;
	return { key: `${connection.baseUrl}#${owner}`, requestsPerSecond };
}
