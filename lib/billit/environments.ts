/**
 * Billit environments: API and web-app base URLs, and the n8n expressions the credential forms
 * use to pick them. The credentials and the request core share these so the URLs live in one place.
 */

export type BillitEnvironment = 'production' | 'sandbox' | 'custom';

export const BILLIT_API_BASE_URLS = {
	production: 'https://api.billit.be',
	sandbox: 'https://api.sandbox.billit.be',
} as const;

export const BILLIT_WEB_APP_BASE_URLS = {
	production: 'https://my.billit.be',
	sandbox: 'https://my.sandbox.billit.be',
} as const;

export interface BillitEnvironmentSettings {
	environment?: unknown;
	baseUrl?: unknown;
}

function withoutTrailingSlashes(url: string): string {
	return url.replace(/\/+$/, '');
}

/** The API base URL (no trailing slash) for the credential's environment. */
export function resolveApiBaseUrl(settings: BillitEnvironmentSettings): string {
	if (settings.environment === 'custom') {
		const custom = typeof settings.baseUrl === 'string' ? settings.baseUrl.trim() : '';
		if (!/^https?:\/\/[^/]/i.test(custom)) {
			throw new Error(
				'The Billit credential uses a custom environment but its Base URL is not an http(s) URL',
			);
		}
		return withoutTrailingSlashes(custom);
	}
	return settings.environment === 'sandbox'
		? BILLIT_API_BASE_URLS.sandbox
		: BILLIT_API_BASE_URLS.production;
}

/**
 * An n8n expression body (without `={{ }}`) choosing a base URL from an environment field.
 * `source` is `$credentials` (request definitions) or `$self` (hidden OAuth2 fields).
 */
function environmentUrlExpression(
	source: '$credentials' | '$self',
	customField: string,
	urls: { production: string; sandbox: string },
): string {
	return (
		`${source}.environment === 'custom' ? String(${source}.${customField} || '').replace(/\\/+$/, '')` +
		` : ${source}.environment === 'sandbox' ? '${urls.sandbox}' : '${urls.production}'`
	);
}

export function apiBaseUrlExpression(source: '$credentials' | '$self'): string {
	return `={{ ${environmentUrlExpression(source, 'baseUrl', BILLIT_API_BASE_URLS)} }}`;
}

export function oauthAuthorizeUrlExpression(): string {
	return `={{ ${environmentUrlExpression('$self', 'authBaseUrl', BILLIT_WEB_APP_BASE_URLS)} }}/Account/Logon`;
}

export function oauthTokenUrlExpression(): string {
	return `={{ ${environmentUrlExpression('$self', 'baseUrl', BILLIT_API_BASE_URLS)} }}/OAuth2/token`;
}
