import { describe, expect, it } from 'vitest';
import { Billit } from '../../../nodes/Billit/Billit.node';
import { locator, runNode } from '../../support/fake-n8n/execute';
import { createConsultancyInvoice, credentialsFor, PEPPOL_CUSTOMER, runBillit, useBillitEmulator } from './harness';

const emulator = useBillitEmulator();

async function failureOf(run: Promise<unknown>): Promise<Error> {
	return await run.then(
		() => {
			throw new Error('expected the run to fail');
		},
		(error: unknown) => error as Error,
	);
}

const getInvoice = (orderId: ReturnType<typeof locator>) =>
	runBillit(emulator, { resource: 'invoice', operation: 'get', orderId, options: {} });

describe('Messages that say what to do', () => {
	it('a missing Party ID names the credential field and where to find PartyIDs', async () => {
		const { billitApi } = credentialsFor(emulator);
		const error = await failureOf(
			runNode(new Billit(), {
				parameters: { authentication: 'apiKey', resource: 'invoice', operation: 'getMany', returnAll: false, limit: 1 },
				credentials: { billitApi: { ...billitApi, partyId: '' } },
			}),
		);
		expect(error.message).toMatch(/^Billit needs to know which company to act for \(400 PartyIDRequired\): fill in Party ID/);
		expect(error.message).toMatch(/Get Account Information lists your companies/);
	});

	it('a 404 on an invoice ID says that the ID is the OrderID, not the invoice number', async () => {
		const error = await failureOf(getInvoice(locator(20260007)));
		expect(error.message).toBe(
			"Billit has no invoice with OrderID 20260007 (404). The invoice ID is Billit's OrderID, not the invoice number: pick the invoice From List (search it by number) or choose By Invoice Number",
		);
	});

	it('an invoice number typed as ID gets the same advice', async () => {
		const error = await failureOf(getInvoice(locator('2026/0007')));
		expect(error.message).toMatch(/^"2026\/0007" is not an invoice ID\. The invoice ID is Billit's OrderID, not the invoice number/);
	});

	it('finds an invoice By Invoice Number, and says when no invoice has that number', async () => {
		const orderId = await createConsultancyInvoice(emulator, PEPPOL_CUSTOMER, {
			additionalFields: { OrderNumber: 'INV-2026-41' },
		});
		const { output } = await getInvoice(locator(' INV-2026-41 ', 'number'));
		expect(output[0].json).toMatchObject({ OrderID: orderId, OrderNumber: 'INV-2026-41' });
		const missing = await failureOf(getInvoice(locator('INV-2099-1', 'number')));
		expect(missing.message).toBe('Billit has no invoice with the number "INV-2099-1" in this company');
	});
});
