/**
 * A create whose answer is lost after the emulator committed it (the connection drops after the
 * handler ran), retried by the Billit node: exactly one invoice, under every idempotency reading.
 * Under Billit's documented reading (a reused key is answered 409 "Idempotent token already
 * exists") a repeated create is resolved to the invoice created before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator, Switches } from '../../../emulator';
import {
	invoiceCreateParameters,
	received,
	resetEmulator,
	runBillit,
	startBillitEmulator,
	storedOrders,
} from '../support/billit';

const modes: Array<Switches['idempotency']> = ['conflict', 'replay', 'ignore'];

let emulator: Emulator;

beforeAll(async () => {
	emulator = await startBillitEmulator();
});
afterAll(async () => {
	await emulator.stop();
});

function dropFirstCreateAnswer() {
	emulator.admin.addFault({ kind: 'dropAfter', method: 'POST', path: '/v1/orders', count: 1 });
}

describe.each(modes)('idempotency mode %s: the create answer is lost once', (idempotency) => {
	it('with an invoice number: one invoice, found by number before any second POST', async () => {
		resetEmulator(emulator, { idempotency, rateLimitPerSecond: 0 });
		dropFirstCreateAnswer();

		const { output } = await runBillit(emulator, invoiceCreateParameters({ OrderNumber: 'LOST-1' }));

		const orders = storedOrders(emulator).filter((order) => order.OrderNumber === 'LOST-1');
		expect(orders).toHaveLength(1);
		expect(output).toHaveLength(1);
		expect(output[0].json.OrderID).toBe(orders[0].OrderID);
		// The check found it, so the create was never sent again.
		expect(received(emulator, { method: 'POST', path: '/v1/orders' })).toHaveLength(1);
	});

	it('without an invoice number: one invoice, found by its ExternalProviderID', async () => {
		resetEmulator(emulator, { idempotency, rateLimitPerSecond: 0 });
		const before = storedOrders(emulator).length;
		dropFirstCreateAnswer();

		const { output } = await runBillit(emulator, invoiceCreateParameters({}));

		const created = storedOrders(emulator).slice(before);
		expect(created).toHaveLength(1);
		expect(output[0].json.OrderID).toBe(created[0].OrderID);
		const [post] = received(emulator, { method: 'POST', path: '/v1/orders' });
		expect(post.headers['idempotency-key']).toMatch(/^[A-Za-z0-9]+$/);
		expect(post.headers['idempotent-key']).toBe(post.headers['idempotency-key']);
		expect(created[0].ExternalProviderID).toBe(post.headers['idempotency-key']);
		expect(created[0].CustomFields).toBeUndefined();
		expect(received(emulator, { method: 'POST', path: '/v1/orders' })).toHaveLength(1);
	});

	it('with a caller-given idempotency key and an invoice number: one invoice', async () => {
		resetEmulator(emulator, { idempotency, rateLimitPerSecond: 0 });
		dropFirstCreateAnswer();

		const { output } = await runBillit(
			emulator,
			invoiceCreateParameters({ OrderNumber: 'LOST-2', idempotencyKey: 'exportrun7item3' }),
		);

		const orders = storedOrders(emulator).filter((order) => order.OrderNumber === 'LOST-2');
		expect(orders).toHaveLength(1);
		expect(output[0].json.OrderID).toBe(orders[0].OrderID);
	});
});

describe('a create repeated with the same key is answered 409 and resolved to the earlier invoice', () => {
	it.each([
		['with an invoice number', { OrderNumber: 'AGAIN-1' }],
		['without an invoice number', {}],
		['with the caller\'s own ExternalProviderID', { ExternalProviderID: 'crm-4711' }],
	])('%s: one invoice, both runs answer its OrderID', async (_name, fields) => {
		resetEmulator(emulator, { rateLimitPerSecond: 0 });
		const before = storedOrders(emulator).length;
		const parameters = invoiceCreateParameters({ ...fields, idempotencyKey: 'rerun42' });

		const first = await runBillit(emulator, parameters);
		const second = await runBillit(emulator, parameters);

		const created = storedOrders(emulator).slice(before);
		expect(created).toHaveLength(1);
		expect(first.output[0].json.OrderID).toBe(created[0].OrderID);
		expect(second.output[0].json.OrderID).toBe(created[0].OrderID);
		const posts = received(emulator, { method: 'POST', path: '/v1/orders' });
		expect(posts.map((entry) => entry.status)).toEqual([200, 409]);
		if ('ExternalProviderID' in fields) expect(created[0].ExternalProviderID).toBe('crm-4711');
	});
});
