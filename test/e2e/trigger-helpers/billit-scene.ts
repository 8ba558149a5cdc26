import { createEmulator, DEMO, type Emulator, type Switches } from '../../../emulator';
import type { WebhookDelivery } from '../../../emulator/webhook-dispatcher';
import type { N8nClient, StoredCredential } from '../../support/n8n/client';
import { requestJson } from '../../support/n8n/http';

/** A webhook as Billit lists it (the secret is hidden). */
export interface ListedWebhook {
	WebhookID: number;
	EntityType: string;
	EntityUpdateType: string;
	WebhookURL: string;
}

const COMPANY = DEMO.partyIds[0];

/**
 * A Billit emulator of the test file's own, in this process on 127.0.0.1 (n8n reaches it over
 * loopback), so no other test's reset or seed can change what the trigger sees.
 */
export class BillitScene {
	readonly emulator: Emulator = createEmulator({ switches: { rateLimitPerSecond: 0 } });

	async start(): Promise<void> {
		await this.emulator.start();
	}

	async stop(): Promise<void> {
		await this.emulator.stop();
	}

	/** An API-key credential for the demo company, stored in n8n. */
	async createCredential(n8n: N8nClient, name: string): Promise<StoredCredential> {
		return await n8n.createCredential(name, 'billitApi', {
			environment: 'custom',
			baseUrl: this.emulator.url,
			apiKey: DEMO.apiKey,
			partyId: String(COMPANY),
		});
	}

	/** Sales invoices created in the demo company; each fires Billit's "Order I" event. */
	createInvoices(count: number): number[] {
		return this.emulator.admin.seed({ partyId: COMPANY, invoices: count }).OrderIDs;
	}

	async webhooks(): Promise<ListedWebhook[]> {
		const { body } = await requestJson<ListedWebhook[]>(this.emulator.url, {
			method: 'GET',
			path: '/v1/webhooks',
			headers: { ApiKey: DEMO.apiKey, PartyID: String(COMPANY) },
		});
		return body;
	}

	deliveries(): WebhookDelivery[] {
		return this.emulator.webhooks.list();
	}

	setSwitches(patch: Partial<Switches>): void {
		this.emulator.admin.setSwitches(patch);
	}
}
