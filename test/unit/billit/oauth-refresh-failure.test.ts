import type { IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';
import { mock } from 'vitest-mock-extended';

import { BillitOAuth2RefreshError, detectOAuth2RefreshFailure } from '../../../lib/billit/request/oauth-refresh-failure';
import { billitRequest } from '../../../lib/billit/request/request';

const ACCESS_TOKEN = 'access-token-canary-51e0';
const REFRESH_TOKEN = 'refresh-token-canary-8d2f';
const node: INode = { id: 'n1', name: 'Billit', type: 'n8n-nodes-billit.billit', typeVersion: 1, position: [0, 0], parameters: {} };

// The shapes @n8n/client-oauth2 throws from a token request (n8n-core wraps them unchanged in NodeApiError).
class AuthError extends Error {
	readonly code = 'EAUTH';
	constructor(
		message: string,
		readonly body: unknown,
	) {
		super(message);
	}
}
class ResponseError extends Error {
	readonly code = 'ESTATUS';
	constructor(
		readonly status: number,
		readonly body: unknown,
	) {
		super(`HTTP status ${status}`);
	}
}

/** What n8n-core 2.41's refresh throws for `invalid_grant`, as httpRequestWithAuthentication passes it on. */
function n8nReconnectError(): NodeApiError {
	const reconnect = new NodeOperationError(node, 'The credential "Billit OAuth2" needs to be reconnected.', {
		description: 'Access could not be refreshed because the connected account has revoked access.',
		level: 'warning',
	});
	reconnect.failure = { cause: 'credential-invalid' };
	return new NodeApiError(node, reconnect as never);
}

describe('detectOAuth2RefreshFailure', () => {
	it("reads n8n's own reconnect error (invalid_grant) as a rejected refresh token", () => {
		const failure = detectOAuth2RefreshFailure(n8nReconnectError());
		expect(failure).toBeInstanceOf(BillitOAuth2RefreshError);
		expect(failure?.reason).toBe('refresh-token-rejected');
		expect(failure?.message).toBe('Billit rejected the OAuth2 refresh token: reconnect the Billit OAuth2 credential in n8n');
		expect(failure?.needsReconnect).toBe(true);
	});

	it.each([
		['invalid_grant', 'refresh-token-rejected'],
		['invalid_client', 'client-rejected'],
		['unauthorized_client', 'client-rejected'],
		['temporarily_unavailable', 'token-endpoint-failed'],
	] as const)('maps an OAuth2 error body %s to %s', (oauthError, reason) => {
		const error = new NodeApiError(node, new AuthError('refused', { error: oauthError, error_description: REFRESH_TOKEN }) as never);
		const failure = detectOAuth2RefreshFailure(error);
		expect(failure?.reason).toBe(reason);
		expect(failure?.oauthError).toBe(oauthError);
		expect(`${failure?.message} ${failure?.description}`).not.toContain(REFRESH_TOKEN);
	});

	it.each([
		[400, 'refresh-token-rejected'],
		[401, 'refresh-token-rejected'],
		[503, 'token-endpoint-failed'],
	] as const)('maps a token endpoint status %i without an OAuth2 body to %s', (status, reason) => {
		const failure = detectOAuth2RefreshFailure(new NodeApiError(node, new ResponseError(status, 'nope') as never));
		expect(failure?.reason).toBe(reason);
		expect(failure?.tokenEndpointStatus).toBe(status);
		expect(`${failure?.message} ${failure?.description}`).toContain(`HTTP ${status}`);
	});

	it('keeps an error code that is not shaped like an OAuth2 code out of the message', () => {
		const failure = detectOAuth2RefreshFailure(new AuthError('refused', { error: `bad ${ACCESS_TOKEN} <script>` }));
		expect(failure?.reason).toBe('token-endpoint-failed');
		expect(failure?.oauthError).toBeUndefined();
		expect(failure?.message).not.toContain(ACCESS_TOKEN);
	});

	it('ignores errors that are not about renewing a token', () => {
		const billit401 = Object.assign(new Error('Request failed with status code 401'), {
			httpCode: '401',
			cause: { response: { status: 401, data: { errors: [{ Code: 'InvalidAccessToken' }] } } },
		});
		expect(detectOAuth2RefreshFailure(billit401)).toBeUndefined();
		expect(detectOAuth2RefreshFailure(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toBeUndefined();
		expect(detectOAuth2RefreshFailure('text')).toBeUndefined();
	});
});

describe('billitRequest when the OAuth2 refresh fails', () => {
	function oauthContext(thrown: unknown) {
		const helpers = mock<IExecuteFunctions['helpers']>();
		const context = mock<IExecuteFunctions>({ helpers });
		context.getNode.mockReturnValue(node);
		context.getInputData.mockReturnValue([{ json: {} }]);
		context.getNodeParameter.mockImplementation(((name: string, _item: number, fallback: unknown) =>
			name === 'authentication' ? 'oAuth2' : fallback) as never);
		context.getCredentials.mockResolvedValue({
			environment: 'production',
			clientSecret: 'client-secret-canary',
			oauthTokenData: { access_token: ACCESS_TOKEN, refresh_token: REFRESH_TOKEN },
		} as never);
		helpers.httpRequestWithAuthentication.mockRejectedValue(thrown);
		return context;
	}

	it('fails once, with the reconnect message, the credential-invalid cause and no token', async () => {
		const context = oauthContext(n8nReconnectError());
		const error = (await billitRequest
			.call(context, { method: 'POST', path: '/v1/orders', body: { OrderNumber: 'A1' }, itemIndex: 0, partyId: 2001 })
			.catch((caught: unknown) => caught)) as NodeApiError;
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Billit rejected the OAuth2 refresh token: reconnect the Billit OAuth2 credential in n8n');
		expect(error.description).toContain('connect it again');
		expect(error.failure).toEqual({ cause: 'credential-invalid' });
		expect(context.helpers.httpRequestWithAuthentication).toHaveBeenCalledTimes(1);
		const serialized = JSON.stringify({ ...error, message: error.message, description: error.description });
		expect(serialized).not.toContain(ACCESS_TOKEN);
		expect(serialized).not.toContain(REFRESH_TOKEN);
	});

	it('does not read a token endpoint status as Billit answering the request', async () => {
		const context = oauthContext(new NodeApiError(node, new ResponseError(401, '') as never));
		const error = (await billitRequest.call(context, { method: 'GET', path: '/v1/account/accountInformation', withoutCompany: true, itemIndex: 0 }).catch((caught: unknown) => caught)) as NodeApiError;
		expect(error.message).toBe('Billit rejected the OAuth2 refresh token: reconnect the Billit OAuth2 credential in n8n');
		expect(error.description).toContain('(HTTP 401)');
	});

	it('leaves a failing token endpoint retryable by the user, without the credential-invalid cause', async () => {
		const context = oauthContext(new NodeApiError(node, new ResponseError(503, 'down') as never));
		const error = (await billitRequest.call(context, { method: 'GET', path: '/v1/account/accountInformation', withoutCompany: true, itemIndex: 0 }).catch((caught: unknown) => caught)) as NodeApiError;
		expect(error.message).toMatch(/^Billit's OAuth2 token endpoint failed while renewing the access token \(HTTP 503\): try again later/);
		expect(error.failure).toBeUndefined();
	});
});
