import { chmodSync, mkdirSync } from 'node:fs';

import { beforeEach, describe, expect, inject, it } from 'vitest';

import { assertSucceeded, nodeOutput, type N8nExecution } from '../../support/n8n/run-data';
import { sharedN8n } from '../../support/n8n/shared-instance';
import { BillitEmulatorClient, type EmulatedOrder } from './billit-emulator';
import { readExample } from '../../support/pipelines/examples';
import { useImportedExample } from './imported-example';
import { runOncePolled } from '../../support/pipelines/production-run';
import { SETTLED_AGE_MS, SftpFolder } from '../../support/pipelines/sftp-folder';

const n8n = sharedN8n();
const billit = new BillitEmulatorClient();
const sftp = inject('testServers').sftp;
const remittance = new SftpFolder(sftp, '/remittance');
const example = readExample('partner-remittances.json');
// Put back later than the first files, so the trigger sees a changed file even at a resolution of seconds.
const PUT_BACK_MS = 2 * 60_000;
const UNKNOWN_INVOICE = 'UNKNOWN-4711';

interface Remitted {
	invoice: string;
	amount: number;
}

interface PaidOrder extends EmulatedOrder {
	TotalIncl: number;
}

const total = (payments: Remitted[]) => payments.reduce((sum, payment) => sum + payment.amount, 0).toFixed(2);

/** An X12 820 as a partner's ERP sends it: one payment (BPR, TRN) remitting each invoice with an RMR. */
function x12Remittance(control: number, trace: string, payments: Remitted[]): string {
	const isa13 = String(control).padStart(9, '0');
	const body = [
		'ST*820*0001',
		`BPR*C*${total(payments)}*C*CHK************20260121`,
		`TRN*1*${trace}`,
		'N1*PR*ACME BUYER NV',
		'ENT*1',
		...payments.map((payment) => `RMR*IV*${payment.invoice}**${payment.amount.toFixed(2)}`),
	];
	return [
		`ISA*00*          *00*          *ZZ*ACMEBUYER      *ZZ*BILLITSELLER   *260120*1400*U*00401*${isa13}*0*P*>`,
		`GS*RA*ACMEBUYER*BILLITSELLER*20260120*1400*${control}*X*004010`,
		...body,
		`SE*${body.length + 1}*0001`,
		`GE*1*${control}`,
		`IEA*1*${isa13}`,
		'',
	].join('~\n');
}

/** An EDIFACT REMADV D.96A: one DOC group with MOA 12 (amount remitted) per invoice. */
function edifactRemittance(reference: string, payments: Remitted[]): string {
	const message = [
		'UNH+1+REMADV:D:96A:UN',
		`BGM+481+${reference}+9`,
		'DTM+137:20260122:102',
		'NAD+PR+++ACME BUYER NV',
		...payments.flatMap((payment) => [`DOC+380+${payment.invoice}`, `MOA+12:${payment.amount.toFixed(2)}`]),
	];
	const segments = [`UNB+UNOC:3+ACMEBUYER+BILLITSELLER+260122:0900+${reference}`, ...message, `UNT+${message.length + 1}+1`, `UNZ+1+${reference}`];
	return `UNA:+.? '\n${segments.map((segment) => `${segment}'\n`).join('')}`;
}

interface Scene {
	orders: PaidOrder[];
	files: Record<string, string>;
}

async function paidOrder(orderId: number): Promise<PaidOrder> {
	return (await billit.order(orderId)) as PaidOrder;
}

/** Amounts of the payments on each invoice, by invoice number. */
async function paymentsByInvoice(orders: PaidOrder[]): Promise<Record<string, number[]>> {
	const result: Record<string, number[]> = {};
	for (const order of orders) result[order.OrderNumber] = (await billit.payments(order.OrderID)).map((payment) => payment.Amount);
	return result;
}

const remitted = (order: PaidOrder): Remitted => ({ invoice: order.OrderNumber, amount: order.TotalIncl });

/**
 * Five invoices and five partner files: a good 820 paying two invoices, an 820 paying one
 * invoice and an unknown number, a good REMADV, an 820 with a wrong SE count and a file that is no
 * interchange at all.
 */
async function setScene(): Promise<Scene> {
	await billit.reset();
	const ids = await billit.seedInvoices(5);
	const orders = await Promise.all(ids.map(paidOrder));
	const [first, second, third, fourth] = orders;
	const good = x12Remittance(101, 'CHK-1001', [remitted(first), remitted(second)]);
	const files = {
		'remit-101.x12': good,
		'remit-102.x12': x12Remittance(102, 'CHK-1002', [remitted(third), { invoice: UNKNOWN_INVOICE, amount: 60.5 }]),
		'remadv-103.edi': edifactRemittance('RA0103', [remitted(fourth)]),
		'remit-104.x12': x12Remittance(104, 'CHK-1004', [remitted(orders[4])]).replace('SE*7*0001', 'SE*6*0001'),
		'statement.txt': 'Payments of January: see the attached PDF\n',
	};
	if (!files['remit-104.x12'].includes('SE*6*0001')) throw new Error('the 820 template has no SE*7 to break');
	remittance.reset();
	remittance.makeFolder('/remittance/inbound');
	for (const [name, content] of Object.entries(files)) remittance.putFile(`/remittance/inbound/${name}`, content, SETTLED_AGE_MS);
	return { orders, files };
}

function remotePaths(): string[] {
	return remittance.files().map((file) => file.remotePath);
}

const workflow = useImportedExample(example);
let scene: Scene;

beforeEach(async () => {
	scene = await setScene();
});

async function runAndCheck(): Promise<N8nExecution> {
	const execution = await runOncePolled(n8n, workflow().id);
	assertSucceeded(execution);
	expect(execution.mode).toBe('trigger');
	return execution;
}

describe('examples/partner-remittances.json in a real n8n, started by its File Exchange Trigger', () => {
	it('posts the payments, acknowledges every interchange and parks the unknown invoice and the unreadable files with their reasons', async () => {
		const execution = await runAndCheck();
		expect(nodeOutput(execution, 'New Remittance File')).toHaveLength(5);
		const [first, second, third, fourth, fifth] = scene.orders;

		expect(await paymentsByInvoice(scene.orders)).toEqual({
			[first.OrderNumber]: [first.TotalIncl],
			[second.OrderNumber]: [second.TotalIncl],
			// The file also names an unknown invoice: the known one is paid all the same.
			[third.OrderNumber]: [third.TotalIncl],
			[fourth.OrderNumber]: [fourth.TotalIncl],
			[fifth.OrderNumber]: [],
		});
		const [payment] = await billit.payments(first.OrderID);
		expect(payment.Date).toBe('2026-01-21');
		expect(payment.Description).toBe('ACME BUYER NV CHK-1001');
		const [post] = (await billit.requests('POST')).filter((entry) => entry.path === `/v1/orders/${first.OrderID}/payments`);
		expect(post.headers['idempotency-key']).toMatch(/^remittance[0-9a-f]{32}$/);

		expect(remotePaths()).toEqual(
			[
				'/remittance/ack/remadv-103.contrl',
				'/remittance/ack/remit-101.997',
				'/remittance/ack/remit-102.997',
				'/remittance/ack/remit-104.997',
				'/remittance/inbound/error/remit-102.x12',
				'/remittance/inbound/error/remit-102.x12.reason.txt',
				'/remittance/inbound/error/remit-104.x12',
				'/remittance/inbound/error/remit-104.x12.reason.txt',
				'/remittance/inbound/error/statement.txt',
				'/remittance/inbound/error/statement.txt.reason.txt',
				'/remittance/inbound/processed/remadv-103.edi',
				'/remittance/inbound/processed/remit-101.x12',
			].sort(),
		);
		expect(remittance.read('/remittance/inbound/error/remit-102.x12.reason.txt')).toMatch(
			new RegExp(`^1 of 2 payments were not added, 1 added: Invoice ${UNKNOWN_INVOICE} is not known in Billit \\(segment \\d+ \\(RMR\\)\\)\\n$`),
		);
		expect(remittance.read('/remittance/inbound/error/remit-104.x12.reason.txt')).toMatch(/^SE01 says 6 segments, there are 7 \(segment 9 \(SE\)\)\n$/);
		expect(remittance.read('/remittance/inbound/error/statement.txt.reason.txt')).toMatch(/neither X12 \(ISA\) nor EDIFACT/);
		expect(remittance.read('/remittance/inbound/processed/remit-101.x12')).toBe(scene.files['remit-101.x12']);

		// Sender and receiver swapped, the group and set acknowledged: accepted, or rejected with the reason code.
		const accepted = remittance.read('/remittance/ack/remit-101.997');
		expect(accepted).toMatch(/^ISA\*00\* {10}\*00\* {10}\*ZZ\*BILLITSELLER {3}\*ZZ\*ACMEBUYER {6}\*/);
		expect(accepted).toContain('ST*997*0001~\nAK1*RA*101~\nAK2*820*0001~\nAK5*A~\nAK9*A*1*1*1~\nSE*6*0001~');
		// A payment for an unknown invoice is a business matter, not a syntax error: the 997 accepts it.
		expect(remittance.read('/remittance/ack/remit-102.997')).toContain('AK1*RA*102~\nAK2*820*0001~\nAK5*A~\nAK9*A*1*1*1~');
		expect(remittance.read('/remittance/ack/remit-104.997')).toContain('AK1*RA*104~\nAK2*820*0001~\nAK5*R*4~\nAK9*R*1*1*0~');
		expect(remittance.read('/remittance/ack/remadv-103.contrl')).toMatch(/UCI\+RA0103\+ACMEBUYER\+BILLITSELLER\+7'/);
		expect(nodeOutput(execution, 'No Acknowledgment Sent').map((item) => item.name)).toEqual(['statement.txt']);
	});

	it('posts nothing twice when a file comes back unchanged or corrected after its error', async () => {
		await runAndCheck();
		const [first, second, third] = scene.orders;
		const newOrder = scene.orders[4];
		const corrected = scene.files['remit-102.x12'].replace(UNKNOWN_INVOICE, newOrder.OrderNumber).replace('**60.50~', `**${newOrder.TotalIncl.toFixed(2)}~`);
		const correctedTotal = (third.TotalIncl + newOrder.TotalIncl).toFixed(2);
		const fixed = corrected.replace(/^BPR\*C\*[\d.]+\*/m, `BPR*C*${correctedTotal}*`);
		remittance.putFile('/remittance/inbound/remit-102.x12', fixed, PUT_BACK_MS);
		// The good file once more, as a partner resending an interchange would.
		remittance.putFile('/remittance/inbound/remit-101.x12', scene.files['remit-101.x12'], PUT_BACK_MS);

		const retry = await runAndCheck();
		expect(nodeOutput(retry, 'New Remittance File').map((item) => item.name).sort()).toEqual(['remit-101.x12', 'remit-102.x12']);
		expect(nodeOutput(retry, 'Add Payments to Invoices').map((item) => [item.invoiceNumber, item.posted])).toEqual([
			[first.OrderNumber, false],
			[second.OrderNumber, false],
			[third.OrderNumber, false],
			[newOrder.OrderNumber, true],
		]);
		expect(await paymentsByInvoice([first, second, third, newOrder])).toEqual({
			[first.OrderNumber]: [first.TotalIncl],
			[second.OrderNumber]: [second.TotalIncl],
			[third.OrderNumber]: [third.TotalIncl],
			[newOrder.OrderNumber]: [newOrder.TotalIncl],
		});
		expect(remotePaths()).toContain('/remittance/inbound/processed/remit-102.x12');
		expect(remotePaths().filter((path) => path.startsWith('/remittance/inbound/') && !path.includes('/error/') && !path.includes('/processed/'))).toEqual([]);
		expect(remittance.read('/remittance/inbound/processed/remit-102.x12')).toBe(fixed);
	});

	it('a run that fails after posting, before the move, leaves the file in place, and the rerun posts nothing twice', async () => {
		const [first, second] = scene.orders;
		remittance.reset();
		remittance.makeFolder('/remittance/inbound');
		remittance.putFile('/remittance/inbound/remit-101.x12', scene.files['remit-101.x12'], SETTLED_AGE_MS);
		// The fault: processed/ exists but belongs to root, so the SFTP user cannot move the file into it.
		const processed = remittance.onDisk('/remittance/inbound/processed');
		mkdirSync(processed, { mode: 0o755 });

		const failed = await runOncePolled(n8n, workflow().id);
		expect(failed.status).toBe('error');
		expect(await paymentsByInvoice([first, second])).toEqual({ [first.OrderNumber]: [first.TotalIncl], [second.OrderNumber]: [second.TotalIncl] });
		expect(remotePaths()).toEqual(['/remittance/ack/remit-101.997', '/remittance/inbound/remit-101.x12']);

		// Fixed by the administrator, then run from the editor's "Run Now", as a user would.
		chmodSync(processed, 0o777);
		const rerun = await n8n.runManually(workflow().id);
		assertSucceeded(rerun);
		expect(nodeOutput(rerun, 'Add Payments to Invoices').map((item) => [item.invoiceNumber, item.posted])).toEqual([
			[first.OrderNumber, false],
			[second.OrderNumber, false],
		]);
		expect(await paymentsByInvoice([first, second])).toEqual({ [first.OrderNumber]: [first.TotalIncl], [second.OrderNumber]: [second.TotalIncl] });
		expect(remotePaths()).toEqual(['/remittance/ack/remit-101.997', '/remittance/inbound/processed/remit-101.x12']);
	});
});
