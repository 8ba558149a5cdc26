import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { parseUbl } from '../../lib/ubl/parse';
import { binaryOf, chain, manualTrigger, packageNode, PEPPOL_CUSTOMER } from './billit-workflow-nodes';
import type { StoredCredential, StoredWorkflow } from '../support/n8n/client';
import { assertSucceeded, nodeOutput } from '../support/n8n/run-data';
import { sharedN8n } from '../support/n8n/shared-instance';
import { BillitScene } from './trigger-helpers/billit-scene';

const n8n = sharedN8n();
const scene = new BillitScene();

let credential: StoredCredential;
let workflow: StoredWorkflow | undefined;

beforeAll(async () => {
	await scene.start();
	credential = await scene.createCredential(n8n, 'Billit emulator (Peppol e2e)');
});

afterAll(async () => {
	if (workflow) await n8n.deleteWorkflow(workflow.id);
	if (credential) await n8n.deleteCredential(credential.id);
	await scene.stop();
});

describe('Billit Peppol node in a real n8n', () => {
	it('builds UBL from a created invoice, pre-validates it and sends it with sendxml', async () => {
		const orderNumber = `E2E-UBL-${Date.now()}`;
		const billit = (name: string, parameters: Record<string, unknown>) => packageNode(n8n, credential, 'billit', name, parameters);
		const peppol = (name: string, parameters: Record<string, unknown>) =>
			packageNode(n8n, credential, 'billitPeppol', name, { resource: 'document', ...parameters });
		workflow = await n8n.importWorkflow(
			chain(`Billit Peppol e2e ${orderNumber}`, [
				manualTrigger(),
				billit('Create', {
					resource: 'invoice',
					operation: 'create',
					customerMode: 'fields',
					customer: PEPPOL_CUSTOMER,
					lines: { line: [{ Description: 'Support hours', Quantity: 3, UnitPriceExcl: 80, VATPercentage: 21 }] },
					additionalFields: { OrderNumber: orderNumber },
				}),
				billit('Get', { resource: 'invoice', operation: 'get', orderId: { __rl: true, mode: 'id', value: '={{ $json.OrderID }}' } }),
				peppol('Build UBL', { operation: 'build', order: '={{ JSON.stringify($json) }}', binaryPropertyName: 'ubl' }),
				peppol('Pre-validate', { operation: 'prevalidate', ublInput: 'binary', binaryPropertyName: 'ubl', failWhenInvalid: true }),
				peppol('Send UBL', { operation: 'send', source: 'ubl', ublInput: 'binary', binaryPropertyName: 'ubl' }),
			]),
		);
		const execution = await n8n.runManually(workflow.id);
		assertSucceeded(execution);

		expect(binaryOf(execution, 'Build UBL')).toEqual([{ ubl: expect.objectContaining({ mimeType: 'application/xml' }) }]);
		expect(nodeOutput(execution, 'Pre-validate')).toEqual([
			expect.objectContaining({ documentType: 'Invoice', documentId: orderNumber, valid: true, errors: [] }),
		]);
		const [sent] = nodeOutput(execution, 'Send UBL');
		expect(sent).toMatchObject({ InboxItemID: expect.any(Number), documentId: orderNumber, receiver: `0208:${PEPPOL_CUSTOMER.VATNumber.slice(2)}` });

		const [request] = scene.emulator.admin.requests({ method: 'POST', path: '/v1/peppol/sendxml' });
		const company = scene.emulator.store.companyData(Number(request.headers.partyid));
		// Sent with sendxml, the document is no order in My Billit; the emulator keeps the XML as sent.
		const document = company.sentDocuments.find((entry) => entry.InboxItemID === sent.InboxItemID);
		expect(document).toMatchObject({ DocumentID: orderNumber });
		const sentFile = scene.emulator.store.files.get(String(document?.FileID));
		const parsed = parseUbl(sentFile?.content as Buffer);
		expect(parsed.kind).toBe('Invoice');
		expect(parsed.document).toMatchObject({ id: orderNumber, totals: { payableAmount: '290.40' }, buyer: { endpoint: { schemeId: '0208' } } });
	});
});
