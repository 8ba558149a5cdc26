import { inject } from 'vitest';

import { DEMO } from '../../../emulator/seed';
import { requestJson } from '../n8n/http';

/** What the pipeline tests read of a Billit order. */
export interface EmulatedOrder {
	OrderID: number;
	OrderNumber: string;
	OrderDate: string;
	IsSent: boolean;
	ExportedToConnector: boolean;
	CounterParty: { Name?: string };
}

/** A Peppol inbox item; received invoices also become cost orders (`CostOrderID`) with their UBL. */
export interface EmulatedInboxItem {
	InboxItemID: number;
	PeppolFileID: number;
	CostOrderID?: number;
}

export interface EmulatedCompany {
	PartyID: number;
	CompanyNumber: string;
}

/** The demo company the example credentials act for. */
export const DEMO_COMPANY = DEMO.partyIds[0];

/**
 * The e2e run's Billit emulator, seen from a test: its admin API (`/_emulator`) to set the scene,
 * and Billit's own API with the demo API key to read back what a pipeline changed.
 */
export class BillitEmulatorClient {
	readonly url = inject('billitEmulator').url;

	private async admin<T>(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown): Promise<T> {
		return (await requestJson<T>(this.url, { method, path: `/_emulator${path}`, body })).body;
	}

	private async billit<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
		const headers = { ApiKey: DEMO.apiKey, PartyID: String(DEMO_COMPANY) };
		return (await requestJson<T>(this.url, { method, path, body, headers })).body;
	}

	/** Demo companies and users only: no invoices, no faults, default switches. */
	async reset(): Promise<void> {
		await this.admin('POST', '/reset', { seed: true });
	}

	async setSwitches(patch: Record<string, unknown>): Promise<void> {
		await this.admin('PATCH', '/switches', patch);
	}

	/** Sales invoices of the demo company; customers rotate over Peppol, e-mail only and no contact. */
	async seedInvoices(count: number): Promise<number[]> {
		return (await this.admin<{ OrderIDs: number[] }>('POST', '/seed', { partyId: DEMO_COMPANY, invoices: count })).OrderIDs;
	}

	/** Sends invoices as a user would in Billit (Peppol sends keep a UBL file with the invoice). */
	async send(orderIds: number[], transportType: 'Peppol' | 'SMTP'): Promise<void> {
		await this.billit('POST', '/v1/orders/commands/send', { OrderIds: orderIds, TransportType: transportType });
	}

	/** Invoices received over Peppol by the demo company, each in the inbox and as a cost order. */
	async receiveInvoices(count: number): Promise<EmulatedInboxItem[]> {
		return await this.admin<EmulatedInboxItem[]>('POST', '/inbox', { partyId: DEMO_COMPANY, kind: 'invoice', count });
	}

	async order(orderId: number): Promise<EmulatedOrder> {
		return await this.billit<EmulatedOrder>('GET', `/v1/orders/${orderId}`);
	}

	async company(partyId = DEMO_COMPANY): Promise<EmulatedCompany> {
		const account = await this.billit<{ Companies: EmulatedCompany[] }>('GET', '/v1/account/accountInformation');
		const company = account.Companies.find((candidate) => candidate.PartyID === partyId);
		if (!company) throw new Error(`the demo account has no company ${partyId}`);
		return company;
	}
}
