/**
 * Billit environments: API and web-app base URLs, and the n8n expressions the credential forms
 * use to pick them. The credentials and the request core share these so the URLs live in one place.
 */

import type { INodeProperties } from 'n8n-workflow';

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

/** Billit's own hosts answer only over https; plain http to them would send the key in clear. */
function isBillitHost(hostname: string): boolean {
	return /(^|\.)billit\.(be|eu)$/i.test(hostname);
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
		const url = new URL(custom);
		if (url.protocol === 'http:' && isBillitHost(url.hostname)) {
			throw new Error(
				`The Billit credential's Base URL uses plain http:// for Billit's server ${url.hostname}; use https://, or the Production or Sandbox environment`,
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

/**
 * Warnings shown under a custom URL field of a Billit credential while the URL is risky: plain
 * http (the key travels in clear), a link-local address (169.254.x.x and fe80::, where cloud
 * metadata services answer) or a user name and password in the URL (sent along and logged).
 */
export function customUrlWarnings(field: string): INodeProperties[] {
	const when = (regex: string) => ({ show: { environment: ['custom'], [field]: [{ _cnd: { regex } }] } });
	return [
		{
			displayName: 'This URL uses plain http: the API key and every invoice travel unencrypted. Use https except for a test server on this machine.',
			name: `${field}PlainHttpNotice`,
			type: 'notice',
			default: '',
			displayOptions: when('^\\s*[hH][tT][tT][pP]:'),
		},
		{
			displayName: 'This URL points at a link-local address (169.254.x.x or fe80::), where cloud metadata services answer, not Billit. Check the address.',
			name: `${field}LinkLocalNotice`,
			type: 'notice',
			default: '',
			displayOptions: when('^\\s*[a-zA-Z]+://([^/@]*@)?(169\\.254\\.|\\[[fF][eE][89abAB])'),
		},
		{
			displayName: 'This URL holds a user name or password: they are sent to the server and can end up in logs. Remove them from the URL.',
			name: `${field}CredentialsNotice`,
			type: 'notice',
			default: '',
			displayOptions: when('^\\s*[a-zA-Z]+://[^/]*@'),
		},
	];
}
