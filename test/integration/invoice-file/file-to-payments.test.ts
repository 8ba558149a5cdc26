import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Emulator } from '../../../emulator';
import { sample } from '../../support/flatfile/fixtures';
import { received, resetEmulator, startBillitEmulator } from '../billit-node/harness';
import { createInvoices, paymentsOn, runFileToPayments } from './harness';

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

const x12File = { content: sample('820-multi-invoice.x12'), name: 'remit-0007.x12' };
const csvLayout = {
	sourceFormat: 'csv',
	delimiter: ';',
	includeHeader: true,
	columns: {
		column: [
			{ header: 'Factuurnummer', path: 'invoiceNumber', format: 'text' },
			{ header: 'Bedrag', path: 'amount', format: 'decimal', decimalSeparator: ',' },
			{ header: 'Datum', path: 'date', format: 'date', datePattern: 'DD/MM/YYYY' },
			{ header: 'Referentie', path: 'payerReference', format: 'text' },
		],
	},
};

function paymentPosts() {
	return received(emulator, { method: 'POST' }).filter((entry) => entry.path.endsWith('/payments'));
}

describe('File to Payments: Add Payments in Billit', () => {
	it.each([
		['an X12 820', x12File, {}],
		['an EDIFACT REMADV', { content: sample('remadv-multi-invoice.edi'), name: 'remadv.edi' }, {}],
		['a CSV', { content: sample('remittance-semicolon.csv'), name: 'bank.csv' }, csvLayout],
	])('posts the payments of %s to the invoices with their numbers', async (_label, file, parameters) => {
		const ids = await createInvoices(emulator, { '2026/0001': 1210, '2026/0002': 605, '2026/0009': 50 });
		emulator.admin.clearRequests();
		const output = await runFileToPayments(emulator, file, parameters);
		expect(output.map((item) => [item.json.invoiceNumber, item.json.OrderID, item.json.posted])).toEqual([
			['2026/0001', ids['2026/0001'], true],
			['2026/0002', ids['2026/0002'], true],
		]);
		expect(paymentsOn(emulator, ids['2026/0001']).map((payment) => payment.Amount)).toEqual([1210]);
		expect(paymentsOn(emulator, ids['2026/0002']).map((payment) => payment.Amount)).toEqual([605]);
		expect(paymentsOn(emulator, ids['2026/0009'])).toEqual([]);
		const posts = paymentPosts();
		expect(posts.map((entry) => [entry.path, entry.status])).toEqual([
			[`/v1/orders/${ids['2026/0001']}/payments`, 200],
			[`/v1/orders/${ids['2026/0002']}/payments`, 200],
		]);
		expect(posts.map((entry) => entry.headers['idempotent-key'])).toEqual([output[0].json.idempotencyKey, output[1].json.idempotencyKey]);
		expect(emulator.admin.findOrder(ids['2026/0001']).order.Paid).toBe(true);
	});

	it('an unknown invoice number fails the file with an error item naming it while the other payments still post', async () => {
		const ids = await createInvoices(emulator, { '2026/0003': 300 });
		const output = await runFileToPayments(emulator, { content: sample('820-unknown-invoice.x12'), name: 'remit-0043.x12' }, {}, { continueOnFail: true });
		expect(output).toHaveLength(1);
		expect(Object.keys(output[0].json)).toEqual(['error']);
		expect(output[0].json.error).toMatch(/^1 of 2 payments were not added, 1 added: Invoice NOT-A-BILLIT-INVOICE is not known in Billit \(segment \d+ \(RMR\)\)$/);
		expect(paymentsOn(emulator, ids['2026/0003']).map((payment) => payment.Amount)).toEqual([300]);
	});

	it('a file corrected after an unknown invoice number and sent again posts only the missing payment', async () => {
		const ids = await createInvoices(emulator, { '2026/0003': 300, '2026/0004': 60.5 });
		const original = sample('820-unknown-invoice.x12');
		await runFileToPayments(emulator, { content: original, name: 'remit-0043.x12' }, {}, { continueOnFail: true });
		const corrected = await runFileToPayments(emulator, { content: original.replace('NOT-A-BILLIT-INVOICE', '2026/0004'), name: 'remit-0043.x12' });
		expect(corrected.map((item) => [item.json.invoiceNumber, item.json.posted])).toEqual([
			['2026/0003', false],
			['2026/0004', true],
		]);
		expect(paymentsOn(emulator, ids['2026/0003']).map((payment) => payment.Amount)).toEqual([300]);
		expect(paymentsOn(emulator, ids['2026/0004']).map((payment) => payment.Amount)).toEqual([60.5]);
		// The unchanged payment keeps its key: Billit answers it with 409 and nothing is added twice.
		expect(paymentPosts().map((entry) => entry.status)).toEqual([200, 409, 200]);
	});

	it('without continue on fail the node fails naming the unknown invoice, after posting the others', async () => {
		const ids = await createInvoices(emulator, { '2026/0003': 300 });
		const file = { content: sample('remadv-unknown-invoice.edi'), name: 'remadv-0008.edi' };
		await expect(runFileToPayments(emulator, file)).rejects.toThrow(/1 of 2 payments were not added, 1 added: Invoice NOT-A-BILLIT-INVOICE is not known/);
		expect(paymentsOn(emulator, ids['2026/0003']).map((payment) => payment.Amount)).toEqual([300]);
	});

	describe.each(['conflict', 'replay'] as const)('with the emulator answering a reused idempotency key by %s', (idempotency) => {
		beforeEach(() => {
			resetEmulator(emulator, { idempotency });
		});

		it('the same file processed twice posts each payment once, with the same keys', async () => {
			const ids = await createInvoices(emulator, { '2026/0001': 1210, '2026/0002': 605 });
			const first = await runFileToPayments(emulator, x12File);
			const second = await runFileToPayments(emulator, x12File);
			expect(first.map((item) => item.json.posted)).toEqual([true, true]);
			expect(second.map((item) => item.json.OrderID)).toEqual(first.map((item) => item.json.OrderID));
			if (idempotency === 'conflict') expect(second.map((item) => item.json.posted)).toEqual([false, false]);
			expect(paymentsOn(emulator, ids['2026/0001'])).toHaveLength(1);
			expect(paymentsOn(emulator, ids['2026/0002'])).toHaveLength(1);
			const posts = paymentPosts();
			expect(posts.slice(2).map((entry) => entry.headers['idempotency-key'])).toEqual(posts.slice(0, 2).map((entry) => entry.headers['idempotency-key']));
			expect(posts.slice(2).map((entry) => entry.status)).toEqual(idempotency === 'replay' ? [200, 200] : [409, 409]);
		});

		it('a payment whose answer was lost is not posted again', async () => {
			const ids = await createInvoices(emulator, { '2026/0001': 1210, '2026/0002': 605 });
			emulator.admin.addFault({ kind: 'dropAfter', method: 'POST', path: '/payments', count: 1 });
			const output = await runFileToPayments(emulator, x12File);
			expect(output.map((item) => item.json.OrderID)).toEqual([ids['2026/0001'], ids['2026/0002']]);
			expect(paymentsOn(emulator, ids['2026/0001'])).toHaveLength(1);
			expect(paymentsOn(emulator, ids['2026/0002'])).toHaveLength(1);
		});
	});

	it('refuses zero and negative amounts with a clear error, posting nothing for them', async () => {
		const ids = await createInvoices(emulator, { '2026/0001': 1210, '2026/0002': 605 });
		const file = { content: x12File.content.replace('RMR*IV*2026/0002**605.00*605.00', 'RMR*IV*2026/0002**-605.00*-605.00').replace('BPR*C*1815.00', 'BPR*C*605.00'), name: 'negative.x12' };
		expect(file.content).not.toBe(x12File.content);
		await expect(runFileToPayments(emulator, file)).rejects.toThrow(/amount -605 .*positive payment amounts only/);
		expect(paymentsOn(emulator, ids['2026/0001'])).toHaveLength(1);
		expect(paymentsOn(emulator, ids['2026/0002'])).toHaveLength(0);
	});
});
