import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { redacted } from '../../emulator/request-log';
import { DEMO } from '../../emulator/seed';
import { connectOAuth2Credential } from './billit-oauth';
import { binaryOf, chain, manualTrigger, packageNode, PEPPOL_CUSTOMER, type WorkflowNode } from './billit-workflow-nodes';
import type { StoredCredential, StoredWorkflow, WorkflowFile } from '../support/n8n/client';
import { assertSucceeded, nodeOutput, type N8nExecution } from '../support/n8n/run-data';
import { sharedN8n } from '../support/n8n/shared-instance';
import { BillitScene } from './trigger-helpers/billit-scene';

const n8n = sharedN8n();
const scene = new BillitScene();

const credentials: StoredCredential[] = [];
const created: StoredWorkflow[] = [];

const demoCompany = { __rl: true, mode: 'id', value: String(DEMO.partyIds[0]) };

const createdOrderId = {
	__rl: true,
	mode: 'id',
	value: "={{ $('Create').item.json.OrderID }}",
};

/** Manual Trigger → Create → Send via Peppol → Download PDF → Download UBL → Get Many filtered to the invoice. */
function invoicingWorkflow(orderNumber: string, connection: StoredCredential): WorkflowFile {
	const invoiceNode = (name: string, parameters: Record<string, unknown>): WorkflowNode =>
		packageNode(n8n, connection, 'billit', name, {
			resource: 'invoice',
			company: demoCompany,
			...parameters,
		});
	return chain(`Billit node e2e ${orderNumber}`, [
		manualTrigger(),
		invoiceNode('Create', {
			operation: 'create',
			customerMode: 'fields',
			customer: PEPPOL_CUSTOMER,
			lines: {
				line: [
					{
						Description: 'Consulting day',
						Quantity: 2,
						UnitPriceExcl: 450,
						VATPercentage: 21,
					},
				],
			},
			additionalFields: { OrderNumber: orderNumber },
		}),
		invoiceNode('Send', {
			operation: 'send',
			orderIds: "={{ $('Create').item.json.OrderID }}",
			transportType: 'Peppol',
		}),
		invoiceNode('Download PDF', {
			operation: 'download',
			orderId: createdOrderId,
			file: 'pdf',
			binaryPropertyName: 'pdf',
		}),
		invoiceNode('Download UBL', {
			operation: 'download',
			orderId: createdOrderId,
			file: 'ubl',
			binaryPropertyName: 'ubl',
		}),
		invoiceNode('List', {
			operation: 'getMany',
			returnAll: true,
			filters: {
				orderDirection: 'Income',
				isSent: true,
				raw: `OrderNumber eq '${orderNumber}'`,
			},
		}),
	]);
}

async function runInvoicing(orderNumber: string, connection: StoredCredential): Promise<N8nExecution> {
	const workflow = await n8n.importWorkflow(invoicingWorkflow(orderNumber, connection));
	created.push(workflow);
	const execution = await n8n.runManually(workflow.id);
	assertSucceeded(execution);
	return execution;
}

beforeAll(async () => {
	await scene.start();
});

afterAll(async () => {
	for (const workflow of created) await n8n.deleteWorkflow(workflow.id);
	for (const credential of credentials) await n8n.deleteCredential(credential.id);
	await scene.stop();
});

/** Runs the invoicing workflow with a credential and checks each node's output; returns the emulator's requests of the run. */
async function invoicingRunChecked(connection: StoredCredential, orderNumber: string) {
	const before = scene.emulator.admin.requests().at(-1)?.id ?? 0;
	const execution = await runInvoicing(orderNumber, connection);

	const [invoice] = nodeOutput(execution, 'Create');
	expect(invoice).toMatchObject({
		OrderID: expect.any(Number),
		OrderNumber: orderNumber,
		OrderDirection: 'Income',
	});
	const orderId = invoice.OrderID as number;
	// A send answered 429 (over the rate limit on a busy machine) was not processed and is sent again.
	const sends = scene.emulator.admin
		.requests({ method: 'POST', path: '/v1/orders/commands/send' })
		.filter((request) => request.id > before && request.status !== 429);
	expect(sends.map((request) => JSON.parse(request.body) as unknown)).toEqual([{ OrderIds: [orderId], TransportType: 'Peppol' }]);

	expect(nodeOutput(execution, 'Download PDF')).toEqual([
		expect.objectContaining({
			OrderID: orderId,
			files: [
				expect.objectContaining({
					field: 'pdf',
					MimeType: 'application/pdf',
					FileName: `${orderNumber}.pdf`,
				}),
			],
		}),
	]);
	expect(binaryOf(execution, 'Download PDF')).toEqual([
		{
			pdf: expect.objectContaining({
				mimeType: 'application/pdf',
				fileName: `${orderNumber}.pdf`,
			}),
		},
	]);
	expect(nodeOutput(execution, 'Download UBL')).toEqual([expect.objectContaining({ OrderID: orderId, ublSource: 'billit' })]);
	// Download keeps the input item's binaries, as n8n's own nodes do: the PDF travels on beside the UBL.
	expect(binaryOf(execution, 'Download UBL')).toEqual([
		{
			pdf: expect.objectContaining({ fileName: `${orderNumber}.pdf` }),
			ubl: expect.objectContaining({
				mimeType: 'application/xml',
				fileName: `${orderNumber}.xml`,
			}),
		},
	]);

	const listed = nodeOutput(execution, 'List');
	expect(listed).toEqual([
		expect.objectContaining({
			OrderID: orderId,
			OrderNumber: orderNumber,
			IsSent: true,
		}),
	]);
	return scene.emulator.admin
		.requests()
		.filter((request) => request.id > before)
		.filter((request) => request.path.startsWith('/v1/'));
}

describe('Billit node in a real n8n', () => {
	it('with an API key: creates an invoice, sends it over Peppol, downloads its PDF and UBL and lists it with a filter', async () => {
		const credential = await scene.createCredential(n8n, 'Billit emulator (node e2e, API key)');
		credentials.push(credential);
		const requests = await invoicingRunChecked(credential, `E2E-KEY-${Date.now()}`);
		for (const request of requests) {
			expect(request.headers.apikey).toBe(redacted(DEMO.apiKey));
			expect(request.headers.authorization).toBeUndefined();
		}
	});

	it("with OAuth2 connected through n8n's own flow: the same run, authorised by Bearer tokens", async () => {
		const credential = await connectOAuth2Credential(n8n, scene, 'Billit emulator (node e2e, OAuth2)');
		credentials.push(credential);
		const requests = await invoicingRunChecked(credential, `E2E-OAUTH-${Date.now()}`);
		expect(requests.length).toBeGreaterThanOrEqual(5);
		// The log keeps a hash of each Authorization header: it must be one of the access tokens the emulator issued.
		const issuedBearers = [...scene.emulator.store.accessTokens.keys()].map((token) => redacted(`Bearer ${token}`));
		for (const request of requests) {
			expect(issuedBearers).toContain(request.headers.authorization);
			expect(request.headers.apikey).toBeUndefined();
		}
	});
});
