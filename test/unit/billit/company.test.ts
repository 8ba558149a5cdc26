import type { IExecuteFunctions, IHttpRequestOptions, IN8nHttpFullResponse, ILoadOptionsFunctions, INode } from 'n8n-workflow';
import { describe, expect, it, vi } from 'vitest';

import { OAUTH2_NEEDS_COMPANY, partyIdParameter } from '../../../lib/billit/company';
import { billitCompany, billitRequest, chosenCompany } from '../../../lib/billit/request/request';

const node: INode = { id: 'n1', name: 'Billit', type: 'n8n-nodes-billit.billit', typeVersion: 1, position: [0, 0], parameters: {} };
const API_KEY_CREDENTIAL = { environment: 'sandbox', apiKey: 'key', partyId: '1000', contextPartyId: '5000' };
const OAUTH2_CREDENTIAL = { environment: 'sandbox', oauthTokenData: { access_token: 'token' } };

type Parameters = Record<string, unknown>;

/** As n8n reads a parameter: extracting a locator's value fails on a node that has no such property. */
function read(parameters: Parameters, name: string, fallback: unknown, options?: { extractValue?: boolean }) {
	if (options?.extractValue && !(name in parameters)) throw new Error('Could not find property');
	const value = name in parameters ? parameters[name] : fallback;
	const locator = value as { __rl?: boolean; value?: unknown } | undefined;
	return options?.extractValue && locator?.__rl ? locator.value : value;
}

/** A Billit request's PartyID and ContextPartyID headers, from an action node (for an item) or the editor and triggers (no item). */
async function headersFor(
	kind: 'execute' | 'editor',
	parameters: Parameters,
	credentials: Parameters,
	options: { withoutCompany?: boolean; contextPartyId?: string } = {},
): Promise<Record<string, string>> {
	const http = vi.fn<(type: string, request: IHttpRequestOptions) => Promise<IN8nHttpFullResponse>>(
		async () => ({ statusCode: 200, headers: {}, body: '{}' }) as IN8nHttpFullResponse,
	);
	const common = {
		getNode: () => node,
		getCredentials: async () => credentials,
		helpers: { httpRequestWithAuthentication: http },
		logger: { debug() {}, info() {}, warn() {}, error() {} },
	};
	const context =
		kind === 'execute'
			? ({
					...common,
					getInputData: () => [{ json: {} }],
					getNodeParameter: (name: string, _item: number, fallback: unknown, o?: { extractValue?: boolean }) => read(parameters, name, fallback, o),
				} as unknown as IExecuteFunctions)
			: ({
					...common,
					getNodeParameter: (name: string, fallback: unknown, o?: { extractValue?: boolean }) => read(parameters, name, fallback, o),
				} as unknown as ILoadOptionsFunctions);
	await billitRequest.call(context, { method: 'GET', path: '/v1/orders', ...(kind === 'execute' ? { itemIndex: 0 } : {}), ...options });
	return http.mock.calls[0][1].headers as Record<string, string>;
}

const company = (value: string) => ({ __rl: true, mode: 'id', value });

describe.each(['execute', 'editor'] as const)('the company a Billit node acts for (%s)', (kind) => {
	it('API key: the credential PartyID and context party, unless the node chooses its own', async () => {
		expect(await headersFor(kind, {}, API_KEY_CREDENTIAL)).toMatchObject({ PartyID: '1000', ContextPartyID: '5000' });
		const chosen = await headersFor(kind, { company: company(' 2002 '), contextPartyId: '6006' }, API_KEY_CREDENTIAL);
		expect(chosen).toMatchObject({ PartyID: '2002', ContextPartyID: '6006' });
	});

	it('API key: Invoice File Convert saved the company as companyId, read when there is no Company', async () => {
		expect(await headersFor(kind, { companyId: '3003' }, API_KEY_CREDENTIAL)).toMatchObject({ PartyID: '3003' });
		const both = await headersFor(kind, { company: company('2002'), companyId: '3003' }, API_KEY_CREDENTIAL);
		expect(both).toMatchObject({ PartyID: '2002' });
	});

	it('a Company or Context Party ID that is not a PartyID fails with one message, wherever it is read', async () => {
		await expect(headersFor(kind, { company: company('12a') }, API_KEY_CREDENTIAL)).rejects.toThrow(
			'Company (PartyID) must be a positive whole number; got "12a"',
		);
		await expect(headersFor(kind, { companyId: 'ACME' }, API_KEY_CREDENTIAL)).rejects.toThrow(
			'Company (PartyID) must be a positive whole number; got "ACME"',
		);
		await expect(headersFor(kind, { contextPartyId: 'x1' }, API_KEY_CREDENTIAL)).rejects.toThrow(
			'Context Party ID must be a positive whole number; got "x1"',
		);
	});

	it('OAuth2: the node must choose a company, except for account-level calls', async () => {
		await expect(headersFor(kind, { authentication: 'oAuth2' }, OAUTH2_CREDENTIAL)).rejects.toThrow(OAUTH2_NEEDS_COMPANY);
		const account = await headersFor(kind, { authentication: 'oAuth2' }, OAUTH2_CREDENTIAL, { withoutCompany: true });
		expect(account).not.toHaveProperty('PartyID');
		const chosen = await headersFor(kind, { authentication: 'oAuth2', company: company('2002') }, OAUTH2_CREDENTIAL);
		expect(chosen).toMatchObject({ PartyID: '2002' });
		expect(chosen).not.toHaveProperty('ContextPartyID');
	});

	it('context party: the node beats the credential, and a request that carries its own beats both', async () => {
		const parameters = { authentication: 'oAuth2', company: company('2002'), contextPartyId: '6006' };
		expect(await headersFor(kind, parameters, OAUTH2_CREDENTIAL)).toMatchObject({ PartyID: '2002', ContextPartyID: '6006' });
		const feedItem = await headersFor(kind, parameters, OAUTH2_CREDENTIAL, { contextPartyId: '7007' });
		expect(feedItem).toMatchObject({ ContextPartyID: '7007' });
	});
});

describe('reading the company', () => {
	it('gives a PartyID in one form: digits without leading zeros, empty as none', () => {
		expect(partyIdParameter(' 0042 ', 'Company (PartyID)')).toBe('42');
		expect(partyIdParameter(42, 'Company (PartyID)')).toBe('42');
		expect(partyIdParameter('  ', 'Company (PartyID)')).toBeUndefined();
		expect(() => partyIdParameter('0', 'Company (PartyID)')).toThrow('must be a positive whole number');
		expect(() => partyIdParameter('1.5', 'Company (PartyID)')).toThrow('must be a positive whole number');
	});

	it("tells the node's own choice apart from the PartyID a request goes out with", async () => {
		const context = {
			getNode: () => node,
			getInputData: () => [{ json: {} }],
			getCredentials: async () => API_KEY_CREDENTIAL,
			getNodeParameter: (name: string, _item: number, fallback: unknown) => (name === 'contextPartyId' ? '6006' : fallback),
		} as unknown as IExecuteFunctions;
		expect(chosenCompany.call(context, 0)).toEqual({ partyId: undefined, contextPartyId: '6006' });
		expect(await billitCompany.call(context, { itemIndex: 0 })).toEqual({ partyId: '1000', contextPartyId: '6006' });
	});
});
