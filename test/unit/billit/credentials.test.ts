import {
	Workflow,
	type ICredentialDataDecryptedObject,
	type IHttpRequestOptions,
	type INode,
	type INodeTypes,
} from 'n8n-workflow';
import { afterEach, describe, expect, it } from 'vitest';

import { BillitApi } from '../../../credentials/BillitApi.credentials';
import { BillitOAuth2Api } from '../../../credentials/BillitOAuth2Api.credentials';
import { createHttpSend } from './helpers/http-send';
import { startTestServer, type TestServer } from './helpers/test-server';

// n8n's own expression evaluator, as the credential form and the credential test use it.
const node: INode = { id: 't', name: 'Test', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} };
const nodeTypes = {
	getByName: () => ({ description: { properties: [] } }),
	getByNameAndVersion: () => ({ description: { properties: [] } }),
	getKnownTypes: () => ({}),
} as unknown as INodeTypes;
const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });

function evaluate(expression: unknown, keys: Record<string, unknown>): unknown {
	return workflow.expression.getSimpleParameterValue(node, expression as string, 'internal', keys as never, undefined, '');
}

const GOOD_KEY = 'good-key-1234';
let billit: TestServer | undefined;
afterEach(async () => await billit?.close());

/** Runs the credential's test request the way n8n does: URL from the expression and query, headers from authenticate. */
async function runCredentialTest(credentials: ICredentialDataDecryptedObject) {
	const credential = new BillitApi();
	const { request, rules } = credential.test;
	const baseUrl = evaluate(request.baseURL, { $credentials: credentials }) as string;
	const options = await credential.authenticate(credentials, { url: request.url ?? '', headers: {} } as IHttpRequestOptions);
	const response = await createHttpSend().send({
		method: 'GET',
		url: `${baseUrl}${request.url}?${new URLSearchParams(request.qs as Record<string, string>).toString()}`,
		headers: options.headers as Record<string, string>,
		responseType: 'json',
	});
	const rule = rules?.find((candidate) => candidate.type === 'responseCode' && candidate.properties.value === response.statusCode);
	return { response, message: rule?.properties.message };
}

describe('Billit API credential', () => {
	it('resolves the base URL of each environment', () => {
		const expression = new BillitApi().test.request.baseURL;
		expect(evaluate(expression, { $credentials: { environment: 'production' } })).toBe('https://api.billit.be');
		expect(evaluate(expression, { $credentials: { environment: 'sandbox' } })).toBe('https://api.sandbox.billit.be');
		expect(evaluate(expression, { $credentials: { environment: 'custom', baseUrl: 'http://127.0.0.1:8080//' } })).toBe(
			'http://127.0.0.1:8080',
		);
	});

	it('adds PartyID and ContextPartyID only when set, never over a node-chosen company', async () => {
		const credential = new BillitApi();
		const plain = await credential.authenticate({ apiKey: 'k', partyId: '', contextPartyId: '' }, { url: '/' });
		expect(plain.headers).toEqual({ ApiKey: 'k' });
		const chosen = await credential.authenticate(
			{ apiKey: 'k', partyId: '1', contextPartyId: 7 },
			{ url: '/', headers: { PartyID: '2' } },
		);
		expect(chosen.headers).toEqual({ PartyID: '2', ApiKey: 'k', ContextPartyID: '7' });
	});

	it('tests a company endpoint: a rejected key, a missing Party ID and a working pair each said clearly', async () => {
		billit = await startTestServer((request) => {
			if (request.headers.apikey !== GOOD_KEY) {
				return { status: 401, body: { errors: [{ Code: 'ApiKeyNotValid', Description: 'The API key is not valid' }] } };
			}
			if (!request.headers.partyid) {
				return { status: 400, body: { errors: [{ Code: 'PartyIDRequired', Description: 'PartyID header missing' }] } };
			}
			return { status: 200, body: { Items: [] } };
		});
		const settings = { environment: 'custom', baseUrl: billit.baseUrl, partyId: '42' };

		const rejected = await runCredentialTest({ ...settings, apiKey: 'wrong-key' });
		expect(rejected.response.statusCode).toBe(401);
		expect(rejected.message).toMatch(/^Billit rejected the API key \(ApiKeyNotValid\): check the key and that the environment/);

		const withoutParty = await runCredentialTest({ ...settings, partyId: '', apiKey: GOOD_KEY });
		expect(withoutParty.response.statusCode).toBe(400);
		expect(withoutParty.message).toMatch(/^The API key works, but Billit needs a Party ID .*fill in Party ID/);

		const accepted = await runCredentialTest({ ...settings, apiKey: GOOD_KEY });
		expect(accepted.response.statusCode).toBe(200);
		expect(billit.requests.map((request) => [request.method, request.url, request.headers.partyid])).toEqual([
			['GET', '/v1/orders?%24top=1', '42'],
			['GET', '/v1/orders?%24top=1', undefined],
			['GET', '/v1/orders?%24top=1', '42'],
		]);
	});
});

describe('Billit OAuth2 API credential', () => {
	const credential = new BillitOAuth2Api();
	const property = (name: string) => credential.properties.find((candidate) => candidate.name === name);

	it('extends oAuth2Api with the authorization code grant, no scope, body client authentication by default', () => {
		expect(credential.extends).toEqual(['oAuth2Api']);
		expect(property('grantType')).toMatchObject({ type: 'hidden', default: 'authorizationCode' });
		expect(property('scope')).toMatchObject({ type: 'hidden', default: '' });
		expect(property('authentication')).toMatchObject({ type: 'options', default: 'body' });
		expect((property('authentication')?.options ?? []).map((option) => (option as { value: string }).value)).toEqual(['body', 'header']);
	});

	it.each([
		[{ environment: 'production' }, 'https://my.billit.be/Account/Logon', 'https://api.billit.be/OAuth2/token'],
		[{ environment: 'sandbox' }, 'https://my.sandbox.billit.be/Account/Logon', 'https://api.sandbox.billit.be/OAuth2/token'],
		[
			{ environment: 'custom', baseUrl: 'http://127.0.0.1:7001/', authBaseUrl: 'http://127.0.0.1:7002' },
			'http://127.0.0.1:7002/Account/Logon',
			'http://127.0.0.1:7001/OAuth2/token',
		],
	])('resolves the authorize and token URLs for %o', (self, authorizeUrl, tokenUrl) => {
		expect(evaluate(property('authUrl')?.default, { $self: self })).toBe(authorizeUrl);
		expect(evaluate(property('accessTokenUrl')?.default, { $self: self })).toBe(tokenUrl);
	});
});
