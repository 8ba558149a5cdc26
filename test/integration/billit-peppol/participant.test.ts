import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../../emulator';
import { belgianCompanyNumber, PEPPOL_CUSTOMER_GLN } from '../../../emulator/seed';
import { perItem } from '../../support/fake-n8n/execute';
import { COMPANY, received, resetEmulator, runPeppol, startBillitEmulator } from './harness';

let emulator: Emulator;

beforeAll(async () => {
	emulator = await startBillitEmulator();
});
afterAll(async () => {
	await emulator.stop();
});
beforeEach(() => {
	resetEmulator(emulator);
});

const PEPPOL_CUSTOMER = belgianCompanyNumber(4370001);
const MAIL_ONLY_CUSTOMER = belgianCompanyNumber(4370002);

async function check(identifier: string, continueOnFail = false) {
	const { output } = await runPeppol(
		emulator,
		{ resource: 'participant', operation: 'checkCapability', identifier },
		{ continueOnFail },
	);
	return output;
}

function lookedUp(): string[] {
	return received(emulator, { method: 'GET' })
		.filter((entry) => entry.path.startsWith('/v1/peppol/participantInformation/'))
		.map((entry) => decodeURIComponent(entry.path.slice('/v1/peppol/participantInformation/'.length)));
}

describe('Participant: Check Receiving Capability', () => {
	it('checks a Belgian VAT number under both 0208 and 9925 and reports what can be received', async () => {
		const [item] = await check(`BE ${PEPPOL_CUSTOMER.slice(0, 4)}.${PEPPOL_CUSTOMER.slice(4, 7)}.${PEPPOL_CUSTOMER.slice(7)}`);
		expect(lookedUp()).toEqual([`0208:${PEPPOL_CUSTOMER}`, `9925:BE${PEPPOL_CUSTOMER}`]);
		expect(item.json).toMatchObject({
			registered: true,
			identifier: `0208:${PEPPOL_CUSTOMER}`,
			registeredIdentifiers: [`0208:${PEPPOL_CUSTOMER}`, `9925:BE${PEPPOL_CUSTOMER}`],
			canReceiveInvoices: true,
			canReceiveCreditNotes: true,
			verdict: 'Can receive invoices and credit notes',
			serviceProviderId: 'PBE000003',
		});
		expect(item.json.documentTypes).toHaveLength(2);
		expect(item.pairedItem).toEqual({ item: 0 });
	});

	it('keeps the input item and adds the result', async () => {
		const { output } = await runPeppol(
			emulator,
			{ resource: 'participant', operation: 'checkCapability', identifier: PEPPOL_CUSTOMER },
			{ items: [{ json: { OrderID: 42, CustomerName: 'Peppol Customer NV' } }] },
		);
		expect(output[0].json).toMatchObject({ OrderID: 42, CustomerName: 'Peppol Customer NV', registered: true });
	});

	it('says plainly that an unregistered company cannot receive', async () => {
		const [item] = await check(MAIL_ONLY_CUSTOMER);
		expect(lookedUp()).toEqual([`0208:${MAIL_ONLY_CUSTOMER}`, `9925:BE${MAIL_ONLY_CUSTOMER}`]);
		expect(item.json).toMatchObject({
			registered: false,
			identifier: `0208:${MAIL_ONLY_CUSTOMER}`,
			registeredIdentifiers: [],
			canReceiveInvoices: false,
			verdict: 'Not registered on Peppol: cannot receive invoices or credit notes',
			documentTypes: [],
		});
	});

	it('looks up a GLN under 0088 and an explicit scheme:id as given', async () => {
		const [gln] = await check(PEPPOL_CUSTOMER_GLN);
		expect(gln.json).toMatchObject({ registered: true, identifier: `0088:${PEPPOL_CUSTOMER_GLN}` });
		const [explicit] = await check('0190:00000000123456789012');
		expect(explicit.json).toMatchObject({ registered: true, identifier: '0190:00000000123456789012' });
		expect(lookedUp()).toEqual([`0088:${PEPPOL_CUSTOMER_GLN}`, '0190:00000000123456789012']);
	});

	it('passes the DNS-only option as OnlyCheckDNS', async () => {
		await runPeppol(emulator, {
			resource: 'participant',
			operation: 'checkCapability',
			identifier: PEPPOL_CUSTOMER_GLN,
			options: { onlyCheckDns: true },
		});
		const [request] = received(emulator, { method: 'GET' });
		expect(request.params.get('OnlyCheckDNS')).toBe('true');
	});

	it('gives an error item for an identifier with wrong check digits and goes on with the next', async () => {
		const { output } = await runPeppol(
			emulator,
			{ resource: 'participant', operation: 'checkCapability', identifier: perItem('BE0123456789', PEPPOL_CUSTOMER) },
			{ continueOnFail: true, items: [{ json: {} }, { json: {} }] },
		);
		expect(output[0]).toEqual({
			json: { error: expect.stringContaining('not a valid Belgian company number') },
			pairedItem: { item: 0 },
		});
		expect(output[1].json.registered).toBe(true);
		expect(lookedUp()).toEqual([`0208:${PEPPOL_CUSTOMER}`, `9925:BE${PEPPOL_CUSTOMER}`]);
	});
});

describe('Participant: Register and Unregister', () => {
	it('registers and unregisters the own company, visible in the capability check', async () => {
		const own = String(emulator.store.companies.get(COMPANY)?.CompanyNumber);
		const [registered] = (
			await runPeppol(emulator, { resource: 'participant', operation: 'register' })
		).output;
		expect(registered.json).toEqual({ CompanyID: COMPANY, registered: true, success: true });
		expect((await check(own))[0].json.registered).toBe(true);

		await runPeppol(emulator, { resource: 'participant', operation: 'unregister' });
		expect((await check(own))[0].json.registered).toBe(false);

		const writes = received(emulator, { path: '/v1/peppol/participants' });
		expect(writes.map((entry) => [entry.method, entry.json])).toEqual([
			['POST', { CompanyID: String(COMPANY) }],
			['DELETE', { CompanyID: String(COMPANY) }],
		]);
		expect(writes[0].headers.partyid).toBe(String(COMPANY));
	});
});
