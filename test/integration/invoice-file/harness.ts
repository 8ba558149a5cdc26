import type { INodeExecutionData } from 'n8n-workflow';
import { DEMO, type Emulator } from '../../../emulator';
import { InvoiceFile } from '../../../nodes/InvoiceFile/InvoiceFile.node';
import { binaryItem, runNode, type FakeExecuteOptions, type Parameters } from '../../support/fake-n8n/execute';
import { COMPANY, credentialsFor } from '../billit-node/harness';

/** Creates sales invoices with these numbers and incl. totals through the emulator's API; returns their OrderIDs. */
export async function createInvoices(emulator: Emulator, totals: Record<string, number>): Promise<Record<string, number>> {
	const ids: Record<string, number> = {};
	for (const [number, total] of Object.entries(totals)) {
		const response = await fetch(`${emulator.url}/v1/orders`, {
			method: 'POST',
			headers: { ApiKey: DEMO.apiKey, PartyID: String(COMPANY), 'Content-Type': 'application/json' },
			body: JSON.stringify({
				OrderType: 'Invoice',
				OrderDirection: 'Income',
				OrderNumber: number,
				OrderDate: '2026-01-02',
				Customer: { Name: 'Acme Buyer NV' },
				OrderLines: [{ Quantity: 1, UnitPriceExcl: total, VATPercentage: 0, Description: 'Services' }],
			}),
		});
		if (!response.ok) throw new Error(`Creating invoice ${number} failed with ${response.status}: ${await response.text()}`);
		ids[number] = Number(await response.text());
	}
	return ids;
}

/** Payments the emulator holds on an order, as amount and description. */
export function paymentsOn(emulator: Emulator, orderId: number): Array<{ Amount: unknown; Description: unknown }> {
	return emulator.admin.payments(orderId).map((payment) => ({ Amount: payment.Amount, Description: payment.Description }));
}

type RunOptions = Pick<FakeExecuteOptions, 'continueOnFail' | 'alterResponse'>;

/** Runs an Invoice File Convert operation on one file against the emulator, with an API key. */
export async function runOnFile(
	emulator: Emulator,
	file: { content: string; name: string },
	parameters: Parameters,
	options: RunOptions = {},
): Promise<INodeExecutionData[]> {
	const { output } = await runNode(new InvoiceFile(), {
		parameters: { binaryPropertyName: 'data', encoding: 'utf-8', authentication: 'apiKey', companyId: '', ...parameters },
		items: [binaryItem(file.content, file.name, { mimeType: 'text/plain' })],
		credentials: credentialsFor(emulator),
		...options,
	});
	return output;
}

/** Runs "File to Payments" with "Add Payments in Billit" (X12/EDIFACT unless the parameters say CSV). */
export async function runFileToPayments(
	emulator: Emulator,
	file: { content: string; name: string },
	parameters: Parameters = {},
	options: RunOptions = {},
): Promise<INodeExecutionData[]> {
	const defaults = { operation: 'fileToPayments', sourceFormat: 'edi', defaultCurrency: 'EUR', addToBillit: true };
	return await runOnFile(emulator, file, { ...defaults, ...parameters }, options);
}
