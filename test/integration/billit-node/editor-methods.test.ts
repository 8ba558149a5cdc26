import { describe, expect, it } from 'vitest';
import { listSearch } from '../../../nodes/shared/billit/methods/listSearch';
import { loadOptions } from '../../../nodes/shared/billit/methods/loadOptions';
import { fakeLoadOptions, locator } from '../../support/fake-n8n/execute';
import { COMPANY, credentialsFor, received, useBillitEmulator } from './harness';

const emulator = useBillitEmulator();

function editor(parameters: Record<string, unknown> = {}) {
	return fakeLoadOptions({
		parameters: { authentication: 'apiKey', ...parameters },
		credentials: credentialsFor(emulator),
	}).context;
}

describe('list search', () => {
	it('lists the companies of the account, filtered by name, also over OAuth2', async () => {
		const all = await listSearch.searchCompanies.call(editor({ authentication: 'oAuth2' }));
		expect(all.results.map((entry) => entry.value)).toContain(String(COMPANY));
		const name = all.results.find((entry) => entry.value === String(COMPANY))!.name;
		const filtered = await listSearch.searchCompanies.call(
			editor(),
			name.slice(0, 5).toUpperCase(),
		);
		expect(
			filtered.results.every((entry) =>
				entry.name.toLowerCase().includes(name.slice(0, 5).toLowerCase()),
			),
		).toBe(true);
	});

	it('searches parties in the company chosen on the node', async () => {
		const other = emulator.demo.partyIds[1];
		emulator.admin.seed({ partyId: other, parties: 2 });
		const found = await listSearch.searchParties.call(
			editor({ company: locator(other) }),
			'Seeded',
		);
		expect(found.results.length).toBeGreaterThanOrEqual(2);
		expect(found.results[0].name).toMatch(/Seeded Customer/);
		const [call] = received(emulator, { path: '/v1/parties' });
		expect(call.headers.partyid).toBe(String(other));
		expect(call.params.get('fullTextSearch')).toBe('Seeded');
	});

	it('finds invoices by number or text, with a pagination token on full pages', async () => {
		emulator.admin.seed({ partyId: COMPANY, invoices: 60 });
		const page = await listSearch.searchInvoices.call(editor());
		expect(page.results).toHaveLength(50);
		expect(page.paginationToken).toBe('50');
		const next = await listSearch.searchInvoices.call(editor(), undefined, page.paginationToken);
		expect(next.results).toHaveLength(10);
		const number = page.results[0].name.split(' · ')[1];
		const byNumber = await listSearch.searchInvoices.call(editor(), number);
		expect(byNumber.results.map((entry) => entry.value)).toEqual([page.results[0].value]);
	});
});

describe('load options', () => {
	it('offers payment methods, units and VAT rates from Billit type codes', async () => {
		const context = editor();
		for (const method of [
			loadOptions.getPaymentMethods,
			loadOptions.getUnits,
			loadOptions.getVatRates,
		]) {
			const options = await method.call(context);
			expect(options.length).toBeGreaterThan(0);
			const names = options.map((option) => option.name);
			expect([...names].sort((a, b) => a.localeCompare(b, undefined, { numeric: true }))).toEqual(
				names,
			);
		}

		expect(received(emulator, { path: '/v1/misc/typecodes/' }).map((entry) => entry.path)).toEqual([
			'/v1/misc/typecodes/PaymentMethod',
			'/v1/misc/typecodes/Unit',
			'/v1/misc/typecodes/VATRate',
		]);
		const vatRates = await loadOptions.getVatRates.call(context);
		expect(vatRates.map((option) => option.value)).toEqual(['0', '6', '12', '21']);
	});
});
