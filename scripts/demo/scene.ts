import type { Emulator } from '../../emulator';

const DEMO_INVOICES = 9;

/**
 * Demo invoices in the emulator: the seed rotates customers (on Peppol, e-mail only, no contact);
 * the first are sent over Peppol (Billit keeps their UBL), the second by e-mail (the pipeline builds
 * the UBL), the third stay drafts and are not exported.
 */
export async function seedDemoInvoices(emulator: Emulator): Promise<void> {
	const { OrderIDs } = emulator.admin.seed({ invoices: DEMO_INVOICES });
	const [company] = emulator.admin.credentials().partyIds;
	const send = async (orderIds: number[], transportType: string) => {
		const response = await fetch(`${emulator.url}/v1/orders/commands/send`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ApiKey: emulator.demo.apiKey, PartyID: String(company) },
			body: JSON.stringify({ OrderIds: orderIds, TransportType: transportType }),
		});
		if (!response.ok) throw new Error(`sending demo invoices over ${transportType} failed: ${response.status} ${await response.text()}`);
	};
	await send(OrderIDs.filter((_id, index) => index % 3 === 0), 'Peppol');
	await send(OrderIDs.filter((_id, index) => index % 3 === 1), 'SMTP');
}
