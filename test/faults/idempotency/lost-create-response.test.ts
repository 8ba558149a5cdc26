/**
 * A create whose answer is lost after the emulator committed it (the connection drops after the
 * handler ran), retried by the Billit node: exactly one invoice, under every idempotency reading.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Emulator, Switches } from '../../../emulator';
import { CREATE_MARKER_FIELD } from '../../../nodes/Billit/helpers/createOrder';
import {
	invoiceCreateParameters,
	received,
	resetEmulator,
	runBillit,
	startBillitEmulator,
	storedOrders,
} from '../support/billit';

const modes: Array<Switches['idempotency']> = ['replay', 'conflict', 'ignore'];

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

	it('without an invoice number: one invoice', async () => {
		resetEmulator(emulator, { idempotency, rateLimitPerSecond: 0 });
		const before = storedOrders(emulator).length;
		dropFirstCreateAnswer();

		const { output } = await runBillit(emulator, invoiceCreateParameters({}));

		const created = storedOrders(emulator).slice(before);
		expect(created).toHaveLength(1);
		expect(output[0].json.OrderID).toBe(created[0].OrderID);
		// Found through the key it carries in a custom field, so the create was never sent again.
		const [post] = received(emulator, { method: 'POST', path: '/v1/orders' });
		expect(created[0].CustomFields).toEqual({
			[CREATE_MARKER_FIELD]: post.headers['idempotent-key'],
		});
		expect(received(emulator, { method: 'POST', path: '/v1/orders' })).toHaveLength(1);
	});

	it('with a caller-given Idempotent-Key and an invoice number: one invoice', async () => {
		resetEmulator(emulator, { idempotency, rateLimitPerSecond: 0 });
		dropFirstCreateAnswer();

		const { output } = await runBillit(
			emulator,
			invoiceCreateParameters({ OrderNumber: 'LOST-2', idempotencyKey: 'export-run-7-item-3' }),
		);

		const orders = storedOrders(emulator).filter((order) => order.OrderNumber === 'LOST-2');
		expect(orders).toHaveLength(1);
		expect(output[0].json.OrderID).toBe(orders[0].OrderID);
	});
});
