/**
 * Recognises a failed OAuth2 token renewal in what n8n throws from an authenticated request, and
 * turns it into one error a user can act on. Pure: duck typing only, because n8n-core's errors
 * come from its own copies of n8n-workflow and @n8n/client-oauth2.
 *
 * What n8n 2.41 throws when the renewal after a 401 fails, always wrapped in a NodeApiError:
 * - `invalid_grant`: a NodeOperationError "needs to be reconnected" with `failure.cause` 'credential-invalid';
 * - another RFC 6749 error body: an AuthError (`code` 'EAUTH', `body.error`);
 * - an error status without such a body: a ResponseError (`code` 'ESTATUS', `status`).
 */

export type OAuth2RefreshFailureReason = 'refresh-token-rejected' | 'client-rejected' | 'token-endpoint-failed';

const RECONNECT = 'reconnect the Billit OAuth2 credential in n8n';
const CLIENT_ERRORS = new Set(['invalid_client', 'unauthorized_client']);
const REJECTING_STATUSES = new Set([400, 401]);
// Only error codes shaped like RFC 6749's go into messages: a token endpoint may echo anything.
const OAUTH_ERROR_CODE = /^[a-z][a-z0-9_.-]{0,63}$/i;
const MAX_CAUSE_DEPTH = 6;

export class BillitOAuth2RefreshError extends Error {
	readonly reason: OAuth2RefreshFailureReason;
	readonly description: string;
	readonly oauthError?: string;
	readonly tokenEndpointStatus?: number;

	constructor(reason: OAuth2RefreshFailureReason, detail: { oauthError?: string; tokenEndpointStatus?: number } = {}) {
		const answer = [detail.oauthError, detail.tokenEndpointStatus && `HTTP ${detail.tokenEndpointStatus}`].filter(Boolean).join(', ');
		const { message, description } = wordingFor(reason, answer ? ` (${answer})` : '');
		super(message);
		this.name = 'BillitOAuth2RefreshError';
		this.reason = reason;
		this.description = description;
		this.oauthError = detail.oauthError;
		this.tokenEndpointStatus = detail.tokenEndpointStatus;
	}

	/** Whether only the user can fix it (n8n's `credential-invalid` failure cause). */
	get needsReconnect(): boolean {
		return this.reason !== 'token-endpoint-failed';
	}
}

function wordingFor(reason: OAuth2RefreshFailureReason, answer: string): { message: string; description: string } {
	switch (reason) {
		case 'refresh-token-rejected':
			return {
				message: `Billit rejected the OAuth2 refresh token: ${RECONNECT}`,
				description:
					`The access token had expired and Billit's token endpoint refused to renew it${answer}. ` +
					'This happens when access was revoked in Billit, or the refresh token expired or was already used. ' +
					'Open the credential and connect it again (sign in to Billit and allow access).',
			};
		case 'client-rejected':
			return {
				message: `Billit rejected the OAuth2 client while renewing the access token: check the Client ID and Client Secret, then ${RECONNECT}`,
				description: `Billit's token endpoint did not accept the credential's OAuth2 client${answer}.`,
			};
		case 'token-endpoint-failed':
			return {
				message: `Billit's OAuth2 token endpoint failed while renewing the access token${answer}: try again later; if it persists, ${RECONNECT}`,
				description: 'The access token had expired and renewing it did not succeed.',
			};
	}
}

function oauthErrorCode(body: unknown): string | undefined {
	if (typeof body !== 'object' || body === null) return undefined;
	const code = (body as { error?: unknown }).error;
	return typeof code === 'string' && OAUTH_ERROR_CODE.test(code) ? code : undefined;
}

function failureAt(level: Record<string, unknown>): BillitOAuth2RefreshError | undefined {
	const failure = level.failure as { cause?: unknown } | undefined;
	if (failure?.cause === 'credential-invalid') {
		return new BillitOAuth2RefreshError('refresh-token-rejected', { oauthError: 'invalid_grant' });
	}
	if (level.code === 'EAUTH') {
		const oauthError = oauthErrorCode(level.body);
		if (oauthError === 'invalid_grant') return new BillitOAuth2RefreshError('refresh-token-rejected', { oauthError });
		if (oauthError && CLIENT_ERRORS.has(oauthError)) return new BillitOAuth2RefreshError('client-rejected', { oauthError });
		return new BillitOAuth2RefreshError('token-endpoint-failed', { oauthError });
	}
	if (level.code === 'ESTATUS' && typeof level.status === 'number') {
		const tokenEndpointStatus = level.status;
		return new BillitOAuth2RefreshError(
			REJECTING_STATUSES.has(tokenEndpointStatus) ? 'refresh-token-rejected' : 'token-endpoint-failed',
			{ tokenEndpointStatus },
		);
	}
	return undefined;
}

/**
 * The renewal failure inside an error thrown by `httpRequestWithAuthentication` for an OAuth2
 * credential, following the `cause` chain; undefined for any other error.
 */
export function detectOAuth2RefreshFailure(error: unknown): BillitOAuth2RefreshError | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < MAX_CAUSE_DEPTH && typeof current === 'object' && current !== null; depth++) {
		if (current instanceof BillitOAuth2RefreshError) return current;
		const found = failureAt(current as Record<string, unknown>);
		if (found) return found;
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}
