import { randomUUID } from 'node:crypto';

import type { IExecuteFunctions, IHttpRequestOptions, IN8nHttpFullResponse, INode } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';
import { describe, expect, it, vi } from 'vitest';
import { mock } from 'vitest-mock-extended';

import { getCompanyPacer } from '../../../lib/billit/pacing/pacer';
import { pacingSettings } from '../../../lib/billit/pacing/pacing-settings';
import { billitRequest, billitRequestAllItems } from '../../../lib/billit/request/request';

// Generated per run: what must never surface in an error.
const API_KEY = `live-${randomUUID()}`;
const node: INode = { id: 'n1', name: 'Billit', type: 'n8n-nodes-billit.billit', typeVersion: 1, position: [0, 0], parameters: {} };

interface Fixture {
	authentication?: string;
	credentials: Record<string, unknown>;
	responses: Array<{ statusCode: number; body: unknown; headers?: Record<string, string> }>;
}

function executeContext({ authentication, credentials, responses }: Fixture) {
	const helpers = mock<IExecuteFunctions['helpers']>();
	const context = mock<IExecuteFunctions>({ helpers });
	context.getNode.mockReturnValue(node);
	context.getInputData.mockReturnValue([{ json: {} }]);
	context.getNodeParameter.mockImplementation(((name: string, _item: number, fallback: unknown) =>
		name === 'authentication' && authentication !== undefined ? authentication : fallback) as never);
	context.getCredentials.mockResolvedValue(credentials as never);
	const http = vi.fn<(type: string, options: IHttpRequestOptions) => Promise<IN8nHttpFullResponse>>(async () => {
		const next = responses.length > 1 ? responses.shift()! : responses[0];
		return { headers: {}, ...next } as IN8nHttpFullResponse;
	});
	helpers.httpRequestWithAuthentication.mockImplementation(http as never);
	return { context, helpers, http };
}

describe('billitRequest (n8n adapter)', () => {
	it('uses the OAuth2 credential, its environment and the node company', async () => {
		const { context, http } = executeContext({
			authentication: 'oAuth2',
			credentials: { environment: 'sandbox', oauthTokenData: { access_token: 'token-abc-123' } },
			responses: [{ statusCode: 200, body: '{"OrderID":5}' }],
		});
		const order = await billitRequest.call(context, { method: 'GET', path: '/v1/orders/5', partyId: 2001, contextPartyId: '3001', itemIndex: 0 });
		expect(order).toEqual({ OrderID: 5 });
		expect(http).toHaveBeenCalledTimes(1);
		const [type, options] = http.mock.calls[0];
		expect(type).toBe('billitOAuth2Api');
		expect(options).toMatchObject({
			method: 'GET',
			url: 'https://api.sandbox.billit.be/v1/orders/5',
			headers: { Accept: 'application/json', PartyID: '2001', ContextPartyID: '3001' },
			returnFullResponse: true,
			ignoreHttpStatusErrors: { ignore: true, except: [401] },
			encoding: 'text',
		});
		expect(options.headers).not.toHaveProperty('Idempotent-Key');
	});

	it('defaults to the API key credential, whose PartyID yields to the node override', async () => {
		const { context, http } = executeContext({
			credentials: { environment: 'custom', baseUrl: 'http://127.0.0.1:9/', apiKey: API_KEY, partyId: '1000', contextPartyId: '' },
			responses: [{ statusCode: 200, body: '77' }],
		});
		const created = await billitRequest.call(context, {
			itemIndex: 0,
			method: 'POST',
			path: '/v1/orders',
			body: { OrderNumber: 'A1', Reference: null },
			partyId: '2002',
		});
		expect(created).toBe(77);
		const [type, options] = http.mock.calls[0];
		expect(type).toBe('billitApi');
		expect(options.url).toBe('http://127.0.0.1:9/v1/orders');
		expect(options.ignoreHttpStatusErrors).toBe(true);
		expect(options.body).toEqual({ OrderNumber: 'A1' });
		expect(options.headers).toMatchObject({ PartyID: '2002', 'Idempotent-Key': expect.any(String) });
		expect(options.headers).not.toHaveProperty('ContextPartyID');
	});

	it('turns a Billit error into a NodeApiError without the API key anywhere in it', async () => {
		const { context } = executeContext({
			credentials: { environment: 'production', apiKey: API_KEY, partyId: '1' },
			responses: [
				{
					statusCode: 400,
					body: JSON.stringify({ errors: [{ Code: 'InvalidOrder', Description: `Header ApiKey ${API_KEY} lacks rights` }] }),
				},
			],
		});
		const error = await billitRequest.call(context, { method: 'GET', path: '/v1/orders', itemIndex: 0 }).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(NodeApiError);
		const apiError = error as NodeApiError;
		expect(apiError.message).toBe('Billit rejected the request (400 InvalidOrder): Header ApiKey [redacted] lacks rights');
		expect(apiError.httpCode).toBe('400');
		expect(JSON.stringify({ ...apiError, message: apiError.message, description: apiError.description })).not.toContain(API_KEY);
	});

	it('reads the 401 an OAuth2 refresh failure throws as a Billit answer', async () => {
		const { context, helpers } = executeContext({
			authentication: 'oAuth2',
			credentials: { environment: 'production', oauthTokenData: { access_token: 'expired-token-9' } },
			responses: [],
		});
		const thrown = Object.assign(new Error('Request failed with status code 401'), {
			httpCode: '401',
			cause: { response: { status: 401, data: { errors: [{ Code: 'TokenNotValid', Description: 'Expired' }] } } },
		});
		helpers.httpRequestWithAuthentication.mockRejectedValue(thrown);
		const error = (await billitRequest.call(context, { method: 'GET', path: '/v1/account/accountInformation', withoutCompany: true, itemIndex: 0 }).catch((caught: unknown) => caught)) as Error;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/^Billit rejected the credentials \(TokenNotValid\)/);
	});

	it('collects all pages through the adapter and refuses foreign links', async () => {
		const { context, http } = executeContext({
			credentials: { environment: 'sandbox', apiKey: API_KEY },
			responses: [
				{ statusCode: 200, body: JSON.stringify({ Items: [1, 2], NextPageLink: 'https://api.sandbox.billit.be/v1/parties?skip=2' }) },
				{ statusCode: 200, body: JSON.stringify({ Items: [3], NextPageLink: 'https://elsewhere.example/v1/parties?skip=3' }) },
			],
		});
		const error = (await billitRequestAllItems
			.call(context, { method: 'GET', path: '/v1/parties', qs: { $top: 2 }, itemIndex: 0 })
			.catch((caught: unknown) => caught)) as Error;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toContain('https://elsewhere.example');
		expect(http.mock.calls.map(([, options]) => [options.url, options.qs])).toEqual([
			['https://api.sandbox.billit.be/v1/parties', { $top: 2 }],
			['https://api.sandbox.billit.be/v1/parties?skip=2', undefined],
		]);
	});

	it("paces every company of one credential on the credential's budget and rate", async () => {
		const credentials = { apiKey: `shared-${randomUUID()}`, requestsPerSecond: 7 };
		const { context, http } = executeContext({ credentials, responses: [{ statusCode: 200, body: '{}' }] });
		await billitRequest.call(context, { method: 'GET', path: '/v1/orders/1', partyId: 2001, itemIndex: 0 });
		await billitRequest.call(context, { method: 'GET', path: '/v1/orders/2', partyId: 2002, itemIndex: 0 });
		expect(http).toHaveBeenCalledTimes(2);
		const shared = pacingSettings(credentials, { baseUrl: 'https://api.billit.be', partyId: '2001' }, undefined);
		expect(getCompanyPacer(shared.key).maxRate).toBe(7);
	});
});
