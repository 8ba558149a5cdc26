import { afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';

import { DEMO } from '../../../emulator/seed';
import type { StoredWorkflow } from '../../support/n8n/client';
import { requestJson } from '../../support/n8n/http';
import { assertSucceeded, nodeOutput, type N8nExecution } from '../../support/n8n/run-data';
import { sharedN8n } from '../../support/n8n/shared-instance';
import { BillitEmulatorClient, DEMO_COMPANY, type EmulatedOrder } from './billit-emulator';
import { credentialNamesOf, readExample } from '../../support/pipelines/examples';
import { useImportedExamples } from './imported-example';
import { allowPlainHttpWebhooks } from './plain-http-webhooks';
import { runOnceOnSchedule, shortenSchedule } from '../../support/pipelines/production-run';
import { SftpFolder, type ServerFile } from '../../support/pipelines/sftp-folder';

const n8n = sharedN8n();
const billit = new BillitEmulatorClient();
const sftp = inject('testServers').sftp;
const deliveryFolder = new SftpFolder(sftp, '/delivery-states');
const sender = readExample('send-with-peppol-check.json');
const deliveryLog = readExample('delivery-state-log.json');
const NOT_SENT = 'Not Sent: Retried Next Run';
const INVOICES_PER_CUSTOMER = 2;
const LOG_WAIT_MS = 60_000;
const POLL_MS = 250;

type SentOrder = EmulatedOrder & { Messages: Array<{ TransportType: string }> };

interface Scene {
	/** The customer's VAT number is on Peppol. */
	peppol: SentOrder[];
	/** Not on Peppol, with an e-mail address. */
	email: SentOrder[];
	/** Neither on Peppol nor an e-mail address: cannot be sent. */
	unreachable: SentOrder[];
	/** A consumer: no VAT number or Peppol ID to check, an e-mail address. */
	consumer: SentOrder[];
}

interface DeliveryStateRecord {
	order_id: number;
	order_number: string;
	transport: string;
	state: string;
	source: string;
	recorded_at: string;
}

const workflows = useImportedExamples({
	sender: { example: sender, edits: [shortenSchedule] },
	log: { example: deliveryLog, edits: [allowPlainHttpWebhooks] },
});
let senderWorkflow: StoredWorkflow;
let logWorkflow: StoredWorkflow;
let scene: Scene;

/** An invoice for a consumer, created as a user would in Billit. */
async function createConsumerInvoice(): Promise<number> {
	const { body } = await requestJson<number>(billit.url, {
		method: 'POST',
		path: '/v1/orders',
		headers: { ApiKey: DEMO.apiKey, PartyID: String(DEMO_COMPANY) },
		body: {
			OrderType: 'Invoice',
			OrderDirection: 'Income',
			OrderDate: new Date().toISOString().slice(0, 10),
			Customer: { Name: 'Jan Peeters', Email: 'jan.peeters@example.test', CountryCode: 'BE' },
			OrderLines: [{ Quantity: 1, UnitPriceExcl: 40, VATPercentage: 21, Description: 'Workshop ticket' }],
		},
	});
	return body;
}

/** Items a node emitted over all its runs (a node fed by two branches runs once per branch). */
function itemsOf(execution: N8nExecution, nodeName: string): Array<Record<string, unknown>> {
	const runs = execution.data?.resultData.runData[nodeName] ?? [];
	return runs.flatMap((run) => run.data?.main?.[0] ?? []).map((item) => item.json);
}

function allOf(): SentOrder[] {
	return [...scene.peppol, ...scene.email, ...scene.unreachable, ...scene.consumer];
}

async function transportsOf(orders: SentOrder[]): Promise<Record<string, string[]>> {
	const fresh = await billit.orders<SentOrder>(orders.map((order) => order.OrderID));
	return Object.fromEntries(fresh.map((order) => [order.OrderNumber, order.Messages.map((message) => message.TransportType)]));
}

function transportsExpected(orders: SentOrder[], transports: string[]): Record<string, string[]> {
	return Object.fromEntries(orders.map((order) => [order.OrderNumber, transports]));
}

function stateFile(order: SentOrder, state: string): string {
	return `/delivery-states/${order.OrderDate.slice(0, 4)}/${order.OrderNumber}.${state}.json`;
}

/** Waits until the delivery log holds exactly the expected files (webhooks arrive after the send's answer). */
async function waitForStateFiles(expected: string[]): Promise<ServerFile[]> {
	const wanted = [...expected].sort();
	const deadline = Date.now() + LOG_WAIT_MS;
	for (;;) {
		const files = deliveryFolder.files().filter((file) => !file.remotePath.endsWith('.part'));
		const paths = files.map((file) => file.remotePath);
		if (paths.length >= wanted.length || Date.now() > deadline) {
			expect(paths).toEqual(wanted);
			return files;
		}
		await new Promise((resolve) => setTimeout(resolve, POLL_MS));
	}
}

function readRecord(remotePath: string): DeliveryStateRecord {
	return JSON.parse(deliveryFolder.read(remotePath)) as DeliveryStateRecord;
}

beforeAll(() => {
	// The log needs every credential the sender does ("Billit API") plus its SFTP server.
	const senderCredentials = [...credentialNamesOf(sender)];
	const logCredentials = credentialNamesOf(deliveryLog);
	for (const [type, name] of senderCredentials) expect(logCredentials.get(type)).toBe(name);
	senderWorkflow = workflows('sender');
	logWorkflow = workflows('log');
});

beforeEach(async () => {
	deliveryFolder.reset();
	await billit.reset();
	const { onPeppol, emailOnly, noContact } = await billit.seedInvoicesByCustomer(3 * INVOICES_PER_CUSTOMER);
	scene = {
		peppol: await billit.orders<SentOrder>(onPeppol),
		email: await billit.orders<SentOrder>(emailOnly),
		unreachable: await billit.orders<SentOrder>(noContact),
		consumer: await billit.orders<SentOrder>([await createConsumerInvoice()]),
	};
});

afterEach(async () => {
	await n8n.deactivateWorkflow(logWorkflow.id);
});

describe('examples/send-with-peppol-check.json and examples/delivery-state-log.json in a real n8n', () => {
	it('sends over Peppol to customers on Peppol, by e-mail to the others, and logs every delivery state Billit reports', async () => {
		// Published first, so its webhooks are registered at Billit before anything is sent.
		await n8n.activateWorkflow(logWorkflow.id);

		const execution = await runOnceOnSchedule(n8n, senderWorkflow.id);
		assertSucceeded(execution);
		expect(execution.mode).toBe('trigger');

		expect(await transportsOf(allOf())).toEqual({
			...transportsExpected(scene.peppol, ['Peppol']),
			...transportsExpected([...scene.email, ...scene.consumer], ['SMTP']),
			...transportsExpected(scene.unreachable, []),
		});
		// The consumer has nothing to look up on Peppol.
		expect(itemsOf(execution, 'Check Customer on Peppol')).toHaveLength(allOf().length - scene.consumer.length);
		const notSent = itemsOf(execution, NOT_SENT);
		expect(notSent).toHaveLength(scene.unreachable.length);
		for (const item of notSent) expect(JSON.stringify(item)).toMatch(/TheCustomer_0_DoesNotHaveAValidEmailAddress/);

		const [accepted, refused] = scene.peppol;
		const [delivered] = scene.email;
		await billit.advanceDelivery(accepted.OrderID, 'Accepted');
		await billit.advanceDelivery(refused.OrderID, 'Refused', 'Unknown purchase order');
		await billit.advanceDelivery(delivered.OrderID, 'Delivered');

		const sent = [...scene.peppol, ...scene.email, ...scene.consumer];
		await waitForStateFiles([
			...sent.map((order) => stateFile(order, 'Sent')),
			stateFile(accepted, 'Accepted'),
			stateFile(refused, 'Refused'),
			stateFile(delivered, 'Delivered'),
		]);
		for (const order of sent) {
			expect(readRecord(stateFile(order, 'Sent'))).toMatchObject({
				order_id: order.OrderID,
				order_number: order.OrderNumber,
				transport: scene.peppol.includes(order) ? 'Peppol' : 'SMTP',
				state: 'Sent',
				source: 'webhook',
			});
		}
		expect(readRecord(stateFile(refused, 'Refused'))).toMatchObject({ state: 'Refused', transport: 'Peppol', description: 'Unknown purchase order' });
		expect(new Set(deliveryFolder.files().map((file) => file.mode.toString(8)))).toEqual(new Set(['664']));
	});

	it('sends nothing twice: the next run finds only the invoices that could not be sent', async () => {
		assertSucceeded(await runOnceOnSchedule(n8n, senderWorkflow.id));
		const before = await transportsOf(allOf());

		const second = await runOnceOnSchedule(n8n, senderWorkflow.id);
		assertSucceeded(second);
		expect(nodeOutput(second, 'Unsent Invoices').map((order) => order.OrderID)).toEqual(
			expect.arrayContaining(scene.unreachable.map((order) => order.OrderID)),
		);
		expect(nodeOutput(second, 'Unsent Invoices')).toHaveLength(scene.unreachable.length);
		expect(second.data?.resultData.runData['Send via Peppol']).toBeUndefined();
		expect(second.data?.resultData.runData['Send by E-mail']).toHaveLength(1);
		expect(itemsOf(second, NOT_SENT)).toHaveLength(scene.unreachable.length);
		expect(await transportsOf(allOf())).toEqual(before);
	});

	it("Run Now of the delivery log records each sent invoice's current delivery status from Billit", async () => {
		assertSucceeded(await runOnceOnSchedule(n8n, senderWorkflow.id));
		const [accepted] = scene.peppol;
		await billit.advanceDelivery(accepted.OrderID, 'Accepted');

		const execution = await n8n.runManually(logWorkflow.id);
		assertSucceeded(execution);

		const sent = [...scene.peppol, ...scene.email, ...scene.consumer];
		const expected = sent.map((order) => stateFile(order, order === accepted ? 'Accepted' : 'Sent'));
		await waitForStateFiles(expected);
		for (const path of expected) expect(readRecord(path)).toMatchObject({ source: 'delivery status' });
	});
});
