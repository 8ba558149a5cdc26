import { describe, expect, it } from 'vitest';

import { BillitApi } from '../../../credentials/BillitApi.credentials';
import { BillitOAuth2Api } from '../../../credentials/BillitOAuth2Api.credentials';
import { companyPacingKey } from '../../../lib/billit/pacing/pacer';
import { pacingSettings } from '../../../lib/billit/pacing/pacing-settings';

const BASE = 'https://api.billit.be';
const API_KEY = 'secret-api-key-123';

describe('pacingSettings', () => {
	it('gives every company reached with one API key the same budget, at the documented 25/s by default', () => {
		const a = pacingSettings({ apiKey: API_KEY }, { baseUrl: BASE, partyId: '1001' }, 'cred-1');
		const b = pacingSettings({ apiKey: API_KEY }, { baseUrl: BASE, partyId: '1002' }, 'cred-2');
		expect(a).toEqual(b);
		expect(a.requestsPerSecond).toBe(25);
		expect(a.key).not.toContain(API_KEY);
		expect(pacingSettings({ apiKey: 'another-key' }, { baseUrl: BASE, partyId: '1001' }, 'cred-1').key).not.toBe(a.key);
	});

	it('keeps one budget per company when the credential chooses per-company pacing', () => {
		const credentials = { apiKey: API_KEY, pacingScope: 'company', requestsPerSecond: 7 };
		const a = pacingSettings(credentials, { baseUrl: BASE, partyId: '1001' }, 'cred-1');
		expect(a).toEqual({ key: companyPacingKey(BASE, '1001'), requestsPerSecond: 7 });
		expect(pacingSettings(credentials, { baseUrl: BASE, partyId: '1002' }, 'cred-1').key).not.toBe(a.key);
	});

	it('shares an OAuth2 credential budget by its n8n credential id', () => {
		const token = { clientId: 'client', oauthTokenData: { access_token: 'abc' }, requestsPerSecond: 3 };
		const a = pacingSettings(token, { baseUrl: BASE, partyId: '1' }, 'cred-9');
		expect(a).toEqual(pacingSettings(token, { baseUrl: BASE, partyId: '2' }, 'cred-9'));
		expect(a.requestsPerSecond).toBe(3);
		expect(pacingSettings(token, { baseUrl: BASE, partyId: '1' }, 'cred-10').key).not.toBe(a.key);
	});

	it('refuses a rate below one request per second with a clear error', () => {
		expect(() => pacingSettings({ apiKey: API_KEY, requestsPerSecond: 0 }, { baseUrl: BASE }, undefined)).toThrow(/at least 1 per second/);
		expect(pacingSettings({ apiKey: API_KEY, requestsPerSecond: '' }, { baseUrl: BASE }, undefined).requestsPerSecond).toBe(25);
	});
});

describe('rate settings in the credential dialog', () => {
	it.each([new BillitApi(), new BillitOAuth2Api()])('$name has plain, editable rate fields', (credential) => {
		const rate = credential.properties.find((property) => property.name === 'requestsPerSecond');
		const scope = credential.properties.find((property) => property.name === 'pacingScope');
		expect(rate).toMatchObject({ type: 'number', default: 25 });
		expect(scope).toMatchObject({ type: 'options', default: 'credential' });
		expect(credential.properties.some((property) => property.type === 'collection' || property.type === 'fixedCollection')).toBe(false);
	});
});
