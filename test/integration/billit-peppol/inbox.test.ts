import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { IDataObject } from 'n8n-workflow';
import type { Emulator } from '../../../emulator';
import { perItem } from '../../support/fake-n8n/execute';
import { COMPANY, jsonOf, received, resetEmulator, runPeppol, startBillitEmulator } from './harness';

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

function seedInbox(kind: 'invoice' | 'imr' | 'mlr', count: number) {
	return emulator.admin.seedInbox({ kind, count, partyId: COMPANY });
}

async function listInbox() {
	return jsonOf((await runPeppol(emulator, { resource: 'inbox', operation: 'getMany' })).output);
}

async function download(item: IDataObject, parse: boolean) {
	const { output } = await runPeppol(
		emulator,
		{ resource: 'inbox', operation: 'download', peppolFileId: item.PeppolFileID, binaryPropertyName: 'data', parse },
		{ items: [{ json: item }] },
	);
	return output[0];
}

describe('Inbox', () => {
	it('works through more than 10 received invoices by confirming each after its download', async () => {
		const seeded = seedInbox('invoice', 23);
		const processed: number[] = [];
		const windowSizes: number[] = [];
		for (let round = 0; round < 5; round++) {
			const visible = await listInbox();
			if (visible.length === 0) break;
			windowSizes.push(visible.length);
			for (const item of visible) {
				const file = await download(item, true);
				expect(file.binary?.data.mimeType).toContain('xml');
				expect((file.json.document as IDataObject).documentType).toBe('Invoice');
				await runPeppol(
					emulator,
					{ resource: 'inbox', operation: 'confirm', inboxItemId: String(item.InboxItemID) },
				);
				processed.push(item.InboxItemID as number);
			}
		}
		expect(windowSizes).toEqual([10, 10, 3]);
		expect(processed).toEqual(seeded.map((item) => item.InboxItemID));
		const confirmed = received(emulator, { method: 'POST' })
			.filter((entry) => entry.path.endsWith('/confirm') && entry.status === 200)
			.map((entry) => Number(entry.path.split('/').at(-2)));
		expect(confirmed).toEqual(seeded.map((item) => item.InboxItemID));
		expect(await listInbox()).toEqual([]);
	});

	it('lists only what Billit shows and never confirms on its own', async () => {
		seedInbox('invoice', 12);
		const visible = await listInbox();
		expect(visible).toHaveLength(10);
		expect(visible[0]).toMatchObject({ ReceiverCompanyID: String(COMPANY), PeppolDocumentType: 'Invoice' });
		expect(received(emulator, { method: 'POST' })).toHaveLength(0);
		expect(await listInbox()).toHaveLength(10);
	});

	it('filters by receiver company', async () => {
		seedInbox('invoice', 2);
		await runPeppol(emulator, {
			resource: 'inbox',
			operation: 'getMany',
			options: { receiverCompanyId: String(COMPANY) },
		});
		const [request] = received(emulator, { path: '/v1/peppol/inbox' });
		expect(request.params.get('ReceiverCompanyID')).toBe(String(COMPANY));
	});

	it('downloads the UBL as binary without parsing unless asked', async () => {
		const [item] = seedInbox('invoice', 1);
		const file = await download(item as unknown as IDataObject, false);
		expect(file.json).toMatchObject({ PeppolFileID: item.PeppolFileID, mimeType: 'application/xml' });
		expect(file.json.document).toBeUndefined();
		const xml = Buffer.from(file.binary!.data.data, 'base64').toString('utf8');
		expect(xml).toContain('<Invoice');
		expect(file.json.size).toBe(Buffer.byteLength(xml));
	});

	it('refuses an item with its reason', async () => {
		const [first, second] = seedInbox('invoice', 2);
		const { output } = await runPeppol(emulator, {
			resource: 'inbox',
			operation: 'refuse',
			inboxItemId: String(first.InboxItemID),
			reason: 'Unknown purchase order',
		});
		expect(output[0].json).toEqual({ InboxItemID: first.InboxItemID, refused: true, reason: 'Unknown purchase order' });
		expect(emulator.admin.inboxRefusals()).toMatchObject([
			{ PartyID: COMPANY, InboxItemID: first.InboxItemID, RefusalReason: 'Unknown purchase order' },
		]);
		expect((await listInbox()).map((item) => item.InboxItemID)).toEqual([second.InboxItemID]);
	});

	it('parses a received Invoice Response and Message Level Response into decoded statuses', async () => {
		const [imr] = seedInbox('imr', 1);
		const [mlr] = seedInbox('mlr', 1);
		const imrDocument = (await download(imr as unknown as IDataObject, true)).json.document as IDataObject;
		const mlrDocument = (await download(mlr as unknown as IDataObject, true)).json.document as IDataObject;
		expect(imrDocument).toMatchObject({
			documentType: 'ApplicationResponse',
			responseType: 'InvoiceResponse',
			status: 'AP',
			statusMeaning: 'Accepted: the invoice is approved for payment',
		});
		expect(mlrDocument).toMatchObject({
			documentType: 'ApplicationResponse',
			responseType: 'MessageLevelResponse',
			status: 'AB',
			statusMeaning: 'Message acknowledgement: the message was received',
		});
	});

	it('counts a confirm whose answer was lost as done when Billit answers the retry with its 409 for a reused key', async () => {
		const [item] = seedInbox('invoice', 1);
		emulator.admin.addFault({ kind: 'dropAfter', method: 'POST', path: '/confirm', count: 1 });
		const { output } = await runPeppol(emulator, { resource: 'inbox', operation: 'confirm', inboxItemId: String(item.InboxItemID) });
		expect(output[0].json).toEqual({ InboxItemID: item.InboxItemID, confirmed: true });
		const confirms = received(emulator, { method: 'POST' }).filter((entry) => entry.path.endsWith('/confirm'));
		expect(confirms.map((entry) => entry.headers['idempotency-key'])).toEqual([confirms[0].headers['idempotency-key'], confirms[0].headers['idempotency-key']]);
		expect(confirms[1].status).toBe(409);
	});

	it('gives an error item for a missing inbox item and continues', async () => {
		const [item] = seedInbox('invoice', 1);
		const { output } = await runPeppol(
			emulator,
			{ resource: 'inbox', operation: 'confirm', inboxItemId: perItem('999999', String(item.InboxItemID)) },
			{ continueOnFail: true, items: [{ json: {} }, { json: {} }] },
		);
		expect(output[0].pairedItem).toEqual({ item: 0 });
		expect(String(output[0].json.error)).toMatch(/999999|not found/i);
		expect(output[1].json).toEqual({ InboxItemID: item.InboxItemID, confirmed: true });
	});
});
