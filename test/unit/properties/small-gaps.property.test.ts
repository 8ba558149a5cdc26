import fc from 'fast-check';
import { NodeHelpers, type IExecuteFunctions, type INodeExecutionData, type INodeProperties } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { BillitApi } from '../../../credentials/BillitApi.credentials';
import { BillitOAuth2Api } from '../../../credentials/BillitOAuth2Api.credentials';
import { resolveApiBaseUrl } from '../../../lib/billit/environments';
import { BillitRequestError } from '../../../lib/billit/request/errors';
import { collectPages, MAX_EMPTY_PAGES_IN_A_ROW } from '../../../lib/billit/listing/paging';
import { remittancesOf, readInterchange } from '../../../lib/flatfile/inbound';
import { createRouter } from '../../../nodes/shared/router';
import { assertProperty } from './settings';

/** More items than push(...array) takes as arguments on Node's default stack. */
const HUGE = 200_000;

function fakeContext(): IExecuteFunctions {
	return {
		getInputData: () => [{ json: {} }],
		getNodeParameter: (name: string) => (name === 'resource' ? 'order' : 'getMany'),
		continueOnFail: () => false,
		getNode: () => ({ name: 'Test' }),
		helpers: {
			constructExecutionMetaData: (items: INodeExecutionData[], { itemData }: { itemData: { item: number } }) =>
				items.map((item) => ({ ...item, pairedItem: itemData })),
		},
	} as unknown as IExecuteFunctions;
}

function shownNotices(properties: INodeProperties[], values: Record<string, unknown>): string[] {
	return properties
		.filter((property) => property.type === 'notice' && property.displayOptions)
		.filter((property) => NodeHelpers.displayParameter(values as never, property, null, null))
		.map((property) => property.name);
}

describe('Small gaps: properties', () => {
	it('Get Many Return All and Invoice File Convert output any number of items', { timeout: 60_000 }, async () => {
		const results = Array.from({ length: HUGE }, (_, index) => ({ json: { index } }));
		const router = createRouter({ resources: { order: { description: [], operations: { getMany: { description: [], execute: async () => results } } } } });
		const [routed] = await router.call(fakeContext());
		expect(routed).toHaveLength(HUGE);
		const withoutResource = createRouter({ operations: { getMany: { description: [], execute: async () => results } } });
		const [converted] = await withoutResource.call(fakeContext());
		expect(converted).toHaveLength(HUGE);
	});

	it('a remittance with any number of payments is read whole', { timeout: 60_000 }, () => {
		const count = 130_000;
		const rmr = Array.from({ length: count }, (_, index) => `RMR*IV*INV${index}**1.00~`).join('');
		const x12 =
			'ISA*00*          *00*          *ZZ*PAYER          *ZZ*PAYEE          *260101*1200*U*00401*000000001*0*P*:~' +
			`GS*RA*PAYER*PAYEE*20260101*1200*1*X*004010~ST*820*0001~BPR*C*${count}.00*C*ACH************20260101~${rmr}SE*${count + 3}*0001~GE*1*1~IEA*1*000000001~`;
		const { payments, errors } = remittancesOf(readInterchange(x12), 'EUR');
		expect(errors.size).toBe(0);
		expect(payments).toHaveLength(count);
	});

	it('Return All stops on empty pages with ever new NextPageLinks, and follows any shorter run of them', async () => {
		const page = fc.record({ items: fc.nat({ max: 3 }), last: fc.boolean() });
		await assertProperty(
			fc.asyncProperty(fc.array(page, { maxLength: 40 }), async (pages) => {
				let fetched = 0;
				const fetchPage = async () => {
					const current = pages[fetched] ?? { items: 0, last: false };
					fetched++;
					// Without a limit paging would never end: fail the property instead of hanging.
					if (fetched > pages.length + MAX_EMPTY_PAGES_IN_A_ROW) throw new Error(`paging did not stop after ${fetched} pages`);
					return {
						Items: Array.from({ length: current.items }, () => ({ page: fetched })),
						NextPageLink: current.last ? '' : `https://api.billit.be/v1/orders?page=${fetched + 1}`,
					};
				};
				let run = 0;
				let longestEmptyRun = 0;
				for (const current of pages) {
					run = current.items === 0 ? run + 1 : 0;
					longestEmptyRun = Math.max(longestEmptyRun, current.last ? 0 : run);
					if (current.last) break;
				}
				const outcome = await collectPages(fetchPage, { baseUrl: 'https://api.billit.be' }).catch((error: unknown) => error);
				if (outcome instanceof BillitRequestError) {
					expect(outcome.reason).toBe('paging-loop');
				} else {
					expect(Array.isArray(outcome)).toBe(true);
					expect(longestEmptyRun).toBeLessThan(MAX_EMPTY_PAGES_IN_A_ROW);
				}
				expect(fetched).toBeLessThanOrEqual(pages.length + MAX_EMPTY_PAGES_IN_A_ROW);
			}),
			200,
		);
	});

	it('the credentials warn about plain http, link-local addresses and credentials in a custom URL', () => {
		const scheme = fc.constantFrom('http', 'https', 'HTTP', 'Https');
		const userInfo = fc.option(fc.constantFrom('user@', 'user:secret@', ':p@'), { nil: '' });
		const host = fc.constantFrom('127.0.0.1:8080', 'billit.test', '169.254.169.254', '[fe80::1]', '[FE80::1]', '10.0.0.5', 'api.example.com');
		const path = fc.constantFrom('', '/', '/api', '/a@b');
		const forms = [
			{ properties: new BillitApi().properties, field: 'baseUrl' },
			{ properties: new BillitOAuth2Api().properties, field: 'baseUrl' },
			{ properties: new BillitOAuth2Api().properties, field: 'authBaseUrl' },
		];
		assertProperty(
			fc.property(scheme, userInfo, host, path, fc.constantFrom(...forms), (protocol, user, hostname, rest, form) => {
				const url = `${protocol}://${user}${hostname}${rest}`;
				const shown = shownNotices(form.properties, { environment: 'custom', [form.field]: url });
				expect(shown.includes(`${form.field}PlainHttpNotice`), url).toBe(protocol.toLowerCase() === 'http');
				expect(shown.includes(`${form.field}LinkLocalNotice`), url).toBe(/^(169\.254\.|\[fe80)/i.test(hostname));
				expect(shown.includes(`${form.field}CredentialsNotice`), url).toBe(user !== '');
				const elsewhere = shownNotices(form.properties, { environment: 'production', [form.field]: url });
				expect(elsewhere).toEqual([]);
			}),
			300,
		);
	});

	it('refuses plain http to Billit own servers in a custom URL', () => {
		for (const host of ['api.billit.be', 'API.Billit.be', 'api.sandbox.billit.be', 'my.billit.eu']) {
			expect(() => resolveApiBaseUrl({ environment: 'custom', baseUrl: `http://${host}` })).toThrow(/plain http/);
			expect(resolveApiBaseUrl({ environment: 'custom', baseUrl: `https://${host}/` })).toBe(`https://${host}`);
		}
		expect(resolveApiBaseUrl({ environment: 'custom', baseUrl: 'http://127.0.0.1:8080' })).toBe('http://127.0.0.1:8080');
	});
});
