/**
 * Creates other than invoices whose answer is lost after the emulator committed them: the retry
 * with the same key is answered 409 "Idempotent token already exists" (Billit's documented
 * reading), and the node finds what it created instead of failing or creating it again.
 */
import { describe, expect, it } from 'vitest';
import { useBillitEmulator } from '../../integration/billit-node/harness';
import { COMPANY, received, runBillit } from '../support/billit';

const emulator = useBillitEmulator({ idempotency: 'conflict', rateLimitPerSecond: 0 });

const data = () => emulator.store.data.get(COMPANY)!;

function dropFirstAnswer(path: string) {
	emulator.admin.addFault({
		kind: 'dropAfter',
		method: 'POST',
		path,
		count: 1,
	});
}

describe('webhook create', () => {
	const parameters = {
		resource: 'webhook',
		operation: 'create',
		entityType: 'Order',
		entityUpdateType: 'U',
		webhookUrl: 'http://127.0.0.1:9/hooks/orders',
	};

	it('finds the webhook by URL, entity and event and answers it with a refreshed secret', async () => {
		dropFirstAnswer('/v1/webhooks');

		const { output } = await runBillit(emulator, parameters);

		const hooks = [...data().webhooks.values()];
		expect(hooks).toHaveLength(1);
		expect(output[0].json).toMatchObject({
			WebhookID: hooks[0].WebhookID,
			WebhookURL: parameters.webhookUrl,
			secretRefreshed: true,
		});
		// The secret the output carries is the one Billit now signs with.
		expect(output[0].json.Secret).toBe(hooks[0].Secret);
		expect(
			received(emulator, { method: 'POST', path: '/v1/webhooks' }).map((entry) => entry.status),
		).toEqual(expect.arrayContaining([409]));
	});

	it('leaves a webhook for another event or URL alone', async () => {
		const other = await runBillit(emulator, {
			...parameters,
			entityUpdateType: 'I',
		});
		dropFirstAnswer('/v1/webhooks');

		const { output } = await runBillit(emulator, parameters);

		const hooks = [...data().webhooks.values()];
		expect(hooks).toHaveLength(2);
		expect(output[0].json.WebhookID).not.toBe(other.output[0].json.WebhookID);
		const untouched = hooks.find((hook) => hook.WebhookID === other.output[0].json.WebhookID);
		expect(untouched?.Secret).toBe(other.output[0].json.Secret);
	});
});

describe('party create or update', () => {
	const party = (additionalFields: Record<string, unknown>) => ({
		resource: 'party',
		operation: 'createOrUpdate',
		partyType: 'Customer',
		name: 'Lost Answer NV',
		additionalFields,
	});

	it.each([
		['its number', { Nr: 'C-LOST-1' }],
		['its VAT number', { VATNumber: 'BE 0999.888.777' }],
	])('is found again by %s: one party, its PartyID in the output', async (_name, fields) => {
		const before = data().parties.size;
		dropFirstAnswer('/v1/parties');

		const { output } = await runBillit(emulator, party(fields));

		const created = [...data().parties.values()].slice(before);
		expect(created).toHaveLength(1);
		expect(output[0].json.PartyID).toBe(created[0].PartyID);
	});

	it('without a number or VAT number fails saying what to check, and creates nothing twice', async () => {
		const before = data().parties.size;
		dropFirstAnswer('/v1/parties');

		await expect(runBillit(emulator, party({ Email: 'lost@answer.test' }))).rejects.toThrow(
			/already applied.*check in Billit for Customer "Lost Answer NV"/,
		);
		expect(data().parties.size).toBe(before + 1);
	});
});

describe('product create or update', () => {
	it('is found again by its reference: one product, its ProductID in the output', async () => {
		const before = data().products.size;
		dropFirstAnswer('/v1/products');

		const { output } = await runBillit(emulator, {
			resource: 'product',
			operation: 'createOrUpdate',
			reference: 'LOST-REF-1',
			productDescription: 'Lost answer widget',
			additionalFields: { AmountExcl: 10, VAT: 21 },
		});

		const created = [...data().products.values()].slice(before);
		expect(created).toHaveLength(1);
		expect(output[0].json.ProductID).toBe(created[0].ProductID);
	});
});
