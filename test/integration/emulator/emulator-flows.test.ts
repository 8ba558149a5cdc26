import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { DEMO } from '../../../emulator';
import { belgianCompanyNumber } from '../../../emulator/seed';
import { parseUbl } from '../../../lib/ubl/parse';
import { multiStatementFile } from '../../support/emulator/coda-file';
import { ownInvoiceXml } from '../../support/ubl/own-ubl';
import { call, errorCode, invoiceBody, startEmulatorTarget, type Answer, type Target } from './target';

let target: Target;
const admin = () => {
	if (!target.emulator) throw new Error('emulator only');
	return target.emulator.admin;
};
const peppolCustomer = { Name: 'Peppol Customer NV', VATNumber: `BE${belgianCompanyNumber(4370001)}` };

beforeAll(async () => {
	target = await startEmulatorTarget({ switches: { webhookRetryDelayMs: 20 } });
});
afterAll(async () => {
	await target.emulator?.stop();
});
beforeEach(() => {
	admin().reset();
	admin().setSwitches({ webhookRetryDelayMs: 20 });
});

const createInvoice = async (customer: Record<string, unknown> = peppolCustomer) =>
	(await call(target, 'POST', '/v1/orders', { body: invoiceBody('flow', customer) })).json as number;
interface OrderView {
	IsSent: boolean;
	Attachments: Array<{ FileID: number; FileName: string }>;
	OrderPDF: { FileID: number };
	CurrentDocumentDeliveryDetails: Record<string, unknown>;
	Messages: Array<{ FileID: number } & Record<string, unknown>>;
	[field: string]: unknown;
}
interface InboxView {
	InboxItemID: number;
	PeppolFileID: number;
	PeppolDocumentType: string;
	[field: string]: unknown;
}

const getOrder = async (id: number) => (await call(target, 'GET', `/v1/orders/${id}`)).json as OrderView;
const fileContent = async (fileId: number) => {
	const file = (await call(target, 'GET', `/v1/files/${fileId}`)).json as { FileName: string; MimeType: string; FileContent: string };
	return { ...file, content: Buffer.from(file.FileContent, 'base64') };
};

describe('orders', () => {
	it('matches the party of a new order by VAT number or e-mail, else creates one', async () => {
		const first = await getOrder(await createInvoice({ Name: 'Peppol Customer NV', VATNumber: peppolCustomer.VATNumber.toLowerCase() }));
		const seeded = [...admin().store.companyData(DEMO.partyIds[0]).parties.values()].find((party) => party.Name === 'Peppol Customer NV');
		expect((first.CounterParty as { PartyID: number }).PartyID).toBe(seeded?.PartyID);
		const byMail = await getOrder(await createInvoice({ Name: 'Renamed BV', Email: 'invoices@mailonly.test' }));
		expect((byMail.CounterParty as { Nr: string }).Nr).toBe('C002');
		const before = admin().store.companyData(DEMO.partyIds[0]).parties.size;
		await createInvoice({ Name: 'Brand New BV', Email: 'new@brand.test' });
		expect(admin().store.companyData(DEMO.partyIds[0]).parties.size).toBe(before + 1);
	});

	it('names the field a PATCH may not change', async () => {
		const refused = await call(target, 'PATCH', `/v1/orders/${await createInvoice()}`, { body: { TotalIncl: 1 }, headers: { 'X-Emulator-Contract': 'off' } });
		expect(refused.json).toEqual({ errors: [{ Code: 'FieldNotPatchable', Description: expect.stringContaining("'TotalIncl'") }] });
	});
});

describe('Peppol send and delivery', () => {
	it('sends via Peppol with the UBL on its message, then progresses Sent → Delivered → Accepted', async () => {
		const id = await createInvoice();
		expect((await call(target, 'POST', '/v1/orders/commands/send', { body: { OrderIds: [id], TransportType: 'Peppol' } })).json).toBe(true);
		let order = await getOrder(id);
		expect(order).toMatchObject({ IsSent: true, CurrentDocumentDeliveryDetails: { IsDocumentDelivered: false, DocumentDeliveryStatus: 'Pending' } });
		expect(order.Messages).toEqual([expect.objectContaining({ TransportType: 'Peppol', Success: true, Destination: `0208:${belgianCompanyNumber(4370001)}` })]);
		const ubl = await fileContent(order.Messages[0].FileID);
		expect(ubl.MimeType).toBe('application/xml');
		expect(parseUbl(ubl.content).kind).toBe('Invoice');
		expect((await fileContent(order.OrderPDF.FileID)).content.subarray(0, 5).toString()).toBe('%PDF-');

		admin().advanceDelivery(id, { status: 'Delivered' });
		expect((await getOrder(id)).CurrentDocumentDeliveryDetails).toMatchObject({ IsDocumentDelivered: true, DocumentDeliveryStatus: 'Delivered' });
		const accepted = await fetch(`${target.baseUrl}/_emulator/orders/${id}/delivery`, { method: 'POST', body: JSON.stringify({ status: 'Accepted' }) });
		expect(accepted.status).toBe(200);
		order = await getOrder(id);
		expect(order.CurrentDocumentDeliveryDetails.DocumentDeliveryInfo).toBe('Accepted');
		expect(() => admin().advanceDelivery(id, { status: 'Refused' })).toThrow(/already Accepted/);
	});

	it('records a refusal with its reason', async () => {
		const id = await createInvoice();
		await call(target, 'POST', '/v1/orders/commands/send', { body: { OrderIds: [id], TransportType: 'Peppol' } });
		admin().advanceDelivery(id, { status: 'Refused', info: 'Wrong PO number' });
		expect((await getOrder(id)).CurrentDocumentDeliveryDetails).toMatchObject({ DocumentDeliveryStatus: 'Error', DocumentRefusedInfo: 'Wrong PO number' });
	});

	it('puts the UBL of a Peppol send on its message, not among the attachments', async () => {
		const id = await createInvoice();
		await call(target, 'POST', '/v1/orders/commands/send', { body: { OrderIds: [id], TransportType: 'Peppol' } });
		const order = await getOrder(id);
		expect(order.Attachments).toEqual([]);
		const [message] = order.Messages;
		expect(message.TransportType).toBe('Peppol');
		const file = await call(target, 'GET', `/v1/files/${message.FileID}`);
		expect(Buffer.from((file.json as { FileContent: string }).FileContent, 'base64').toString()).toContain('<Invoice');
	});

	it('sends own UBL with sendxml: an InboxItemID, the XML kept as sent, no order in My Billit', async () => {
		const sellerVat = admin().store.companies.get(Number(target.partyId))?.VATNumber as string;
		const xml = ownInvoiceXml('OWN-1', sellerVat, { schemeId: '0208', id: belgianCompanyNumber(4370001) });
		const sent = await call(target, 'POST', '/v1/peppol/SendXML', { body: { XML: xml } });
		expect(sent.status, sent.text).toBe(200);
		expect(typeof sent.json).toBe('number');
		const [document] = admin().store.companyData(Number(target.partyId)).sentDocuments;
		expect(document).toMatchObject({ InboxItemID: sent.json, DocumentID: 'OWN-1', Receiver: `0208:${belgianCompanyNumber(4370001)}` });
		expect((await fileContent(document.FileID as number)).content.toString('utf8')).toBe(xml);
		const listed = await call(target, 'GET', `/v1/orders?$filter=${encodeURIComponent("OrderNumber eq 'OWN-1'")}`);
		expect((listed.json as { Items: unknown[] }).Items).toEqual([]);
		const sendOrderXml = await call(target, 'POST', '/v1/peppol/sendOrder', { body: { XML: xml }, headers: { 'X-Emulator-Contract': 'off' } });
		expect(errorCode(sendOrderXml)).toBe('UnknownField');
	});

	it('refuses own UBL whose buyer is not on Peppol and XML that is not an invoice', async () => {
		const sellerVat = admin().store.companies.get(Number(target.partyId))?.VATNumber as string;
		const unregistered = ownInvoiceXml('OWN-2', sellerVat, { schemeId: '0208', id: belgianCompanyNumber(4379999) });
		const refused = await call(target, 'POST', '/v1/peppol/sendxml', { body: { XML: unregistered } });
		expect(refused.status).toBe(400);
		expect(errorCode(refused)).toBe('TheCustomerIsNotActiveOnPeppol');
		const notUbl = await call(target, 'POST', '/v1/peppol/sendxml', { body: { XML: '<Invoice>' } });
		expect(errorCode(notUbl)).toBe('InvalidUbl');
		const listed = await call(target, 'GET', `/v1/orders?$filter=${encodeURIComponent("OrderNumber eq 'OWN-2'")}`);
		expect((listed.json as { Items: unknown[] }).Items).toEqual([]);
	});

	it('sends own orders with sendOrder and refuses Letter in the sandbox', async () => {
		const sent = await call(target, 'POST', '/v1/peppol/sendOrder', { body: { ...invoiceBody('own', peppolCustomer) } });
		expect((await getOrder(sent.json as number)).IsSent).toBe(true);
		const refused = await call(target, 'POST', '/v1/peppol/sendOrder', { body: invoiceBody('own', { Name: 'Nobody' }) });
		expect(errorCode(refused)).toBe('TheCustomerIsNotActiveOnPeppol');
		const letter = await call(target, 'POST', '/v1/orders/commands/send', { body: { OrderIds: [await createInvoice()], TransportType: 'Letter' } });
		expect(errorCode(letter)).toBe('TransportTypeNotAvailable');
	});
});

describe('Peppol participants', () => {
	const cbe = belgianCompanyNumber(4370001);
	it.each([
		[`BE${cbe}`, `9925:be${cbe}`],
		[cbe, `0208:${cbe}`],
		[`0208:${cbe}`, `0208:${cbe}`],
		['5412345000013', '0088:5412345000013'],
		['0190:00000000123456789012', '0190:00000000123456789012'],
	])('finds %s as %s', async (id, normalized) => {
		const answer = await call(target, 'GET', `/v1/peppol/participantInformation/${encodeURIComponent(id)}`);
		expect(answer.json).toMatchObject({ Registered: true, Identifier: normalized, DocumentTypes: expect.arrayContaining(['BISv3Invoice', 'BISv3CreditNote']) });
	});

	it('registers and unregisters the own company', async () => {
		const company = DEMO.partyIds[1];
		const vat = admin().store.companies.get(company)?.VATNumber as string;
		const registered = async () => ((await call(target, 'GET', `/v1/peppol/participantInformation/${vat}`)).json as { Registered: boolean }).Registered;
		expect(await registered()).toBe(false);
		expect((await call(target, 'POST', '/v1/peppol/participants', { body: { CompanyID: String(company) } })).status).toBe(200);
		expect(await registered()).toBe(true);
		expect((await call(target, 'DELETE', '/v1/peppol/participants', { body: { CompanyID: String(company) } })).status).toBe(200);
		expect(await registered()).toBe(false);
		expect((await call(target, 'GET', '/v1/peppol/participantInformation/not-an-id!')).status).toBe(400);
	});
});

describe('Peppol inbox', () => {
	it('shows the first 10 items; confirm and refuse remove items; invoices are cost orders with the original UBL', async () => {
		const items = admin().seedInbox({ count: 11 });
		admin().seedInbox({ kind: 'imr' });
		admin().seedInbox({ kind: 'mlr' });
		const inbox = async () => ((await call(target, 'GET', '/v1/peppol/inbox')).json as { InboxItems: InboxView[] }).InboxItems;
		const first = await inbox();
		expect(first).toHaveLength(10);
		expect(first[0]).toMatchObject({ PeppolDocumentType: 'Invoice', ReceiverCompanyID: String(DEMO.partyIds[0]) });
		const received = await fileContent(first[0].PeppolFileID);
		const costOrder = await getOrder(items[0].CostOrderID as number);
		expect(costOrder).toMatchObject({ OrderDirection: 'Cost', Supplier: { Name: 'Peppol Supplier BV' } });
		expect(costOrder.Attachments[0].FileID).toBe(first[0].PeppolFileID);
		expect(parseUbl(received.content).kind).toBe('Invoice');
		expect((await call(target, 'POST', `/v1/peppol/inbox/${first[0].InboxItemID}/confirm`)).json).toBe(true);
		expect((await call(target, 'POST', `/v1/peppol/inbox/${first[1].InboxItemID}/refuse`, { body: { RefusalReason: 'Not ours' } })).json).toBe(true);
		expect(admin().inboxRefusals()).toEqual([expect.objectContaining({ InboxItemID: first[1].InboxItemID, RefusalReason: 'Not ours' })]);
		const after = await inbox();
		expect(after.map((item) => item.InboxItemID)).toEqual(items.slice(2).map((item) => item.InboxItemID).concat(after.slice(9).map((item) => item.InboxItemID)));
		expect(after[9].PeppolDocumentType).toBe('InvoiceResponse');
		expect((await call(target, 'POST', `/v1/peppol/inbox/${first[0].InboxItemID}/confirm`)).status).toBe(404);
	});
});

describe('toProcess uploads', () => {
	it('turns an uploaded UBL into a cost order that keeps the original file', async () => {
		const id = await createInvoice();
		await call(target, 'POST', '/v1/orders/commands/send', { body: { OrderIds: [id], TransportType: 'Peppol' } });
		const ubl = await fileContent((await getOrder(id)).Messages[0].FileID);
		const upload = await call(target, 'POST', '/v1/toProcess', { headers: { ContextPartyID: String(DEMO.partyIds[1]) }, body: { File: { FileName: 'in.xml', FileContent: ubl.content.toString('base64') } } });
		expect(upload.status, upload.text).toBe(200);
		const costs = (await call(target, 'GET', `/v1/orders?$filter=${encodeURIComponent("OrderDirection eq 'Cost'")}`, { headers: { ContextPartyID: String(DEMO.partyIds[1]) } })).json as { Items: OrderView[] };
		expect(costs.Items).toHaveLength(1);
		expect(costs.Items[0]).toMatchObject({ TotalExcl: 25, TotalVAT: 4.65, Attachments: [expect.objectContaining({ FileName: 'in.xml' })] });
		expect((await call(target, 'DELETE', `/v1/toProcess/${String(upload.json)}`, { headers: { ContextPartyID: String(DEMO.partyIds[1]) } })).status).toBe(400);
		const junk = await call(target, 'POST', '/v1/toProcess', { body: { File: { FileName: 'x.bin', FileContent: Buffer.from('hello').toString('base64') } } });
		expect(errorCode(junk)).toBe('UnsupportedFileType');
	});
});

describe('webhooks', () => {
	let receiver: Server;
	let receiverUrl: string;
	let received: Array<{ signature: string; body: string }>;
	let failNext = 0;

	beforeAll(async () => {
		receiver = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => {
				received.push({ signature: String(req.headers['billit-signature']), body: Buffer.concat(chunks).toString('utf8') });
				res.statusCode = failNext-- > 0 ? 500 : 200;
				res.end();
			});
		});
		await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
		receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
	});
	afterAll(async () => {
		await new Promise((resolve) => receiver.close(resolve));
	});
	beforeEach(() => {
		received = [];
		failNext = 0;
	});

	const subscribe = async (EntityType: string, EntityUpdateType: string) =>
		(await call(target, 'POST', '/v1/webhooks', { body: { EntityType, EntityUpdateType, WebhookURL: receiverUrl } })).json as { WebhookID: number; Secret: string };

	/** Verifies Billit-Signature as a receiver must: HMAC-SHA256 over `t.body` with the secret. */
	function verify(secret: string, header: string, body: string): boolean {
		const parts = Object.fromEntries(header.split(',').map((part) => part.split('=') as [string, string]));
		const expected = createHmac('sha256', secret).update(`${parts.t}.${body}`).digest();
		const given = Buffer.from(parts.s, 'hex');
		return given.length === expected.length && timingSafeEqual(given, expected);
	}

	it('signs Order I and U deliveries with the secret returned at creation', async () => {
		const insert = await subscribe('Order', 'I');
		const update = await subscribe('Order', 'U');
		const id = await createInvoice();
		await call(target, 'PATCH', `/v1/orders/${id}`, { body: { InternalInfo: 'x' } });
		await target.emulator?.webhooks.idle();
		expect(received).toHaveLength(2);
		const [first, second] = received;
		expect(verify(insert.Secret, first.signature, first.body)).toBe(true);
		expect(verify(update.Secret, second.signature, second.body)).toBe(true);
		expect(verify(insert.Secret, second.signature, second.body)).toBe(false);
		expect(JSON.parse(first.body)).toMatchObject({ UpdatedEntityID: id, UpdatedEntityType: 'Order', WebhookUpdateTypeTC: 'I', EntityDetail: { OrderID: id } });
		expect(Math.abs(Number(/t=(\d+)/.exec(first.signature)?.[1]) - Date.now() / 1000)).toBeLessThan(600);
	});

	it.each(['nested', 'flat'] as const)('delivers Message events in the %s shape', async (shape) => {
		admin().setSwitches({ messagePayloadShape: shape });
		await subscribe('Message', 'I');
		await subscribe('Message', 'U');
		const id = await createInvoice();
		await call(target, 'POST', '/v1/orders/commands/send', { body: { OrderIds: [id], TransportType: 'Peppol' } });
		admin().advanceDelivery(id, { status: 'Delivered' });
		await target.emulator?.webhooks.idle();
		const bodies = received.map((delivery) => JSON.parse(delivery.body));
		expect(bodies.map((body) => body.WebhookUpdateTypeTC)).toEqual(['I', 'U']);
		if (shape === 'nested') {
			expect(bodies[1].EntityDetail).toMatchObject({ OrderMessage: { OrderID: id, TransportType: 'Peppol' }, AdditionalMessageInformation: { EInvoiceFlowState: 'Delivered' } });
		} else {
			expect(bodies[1].EntityDetail).toMatchObject({ OrderID: id, MessageAdditionalInformation: { EInvoiceFlowState: 'Delivered' } });
		}
	});

	it('sends Order D only when switched on', async () => {
		await subscribe('Order', 'D');
		await call(target, 'DELETE', `/v1/orders/${await createInvoice()}`);
		await target.emulator?.webhooks.idle();
		expect(received).toHaveLength(0);
		admin().setSwitches({ orderDeleteWebhooks: true });
		await call(target, 'DELETE', `/v1/orders/${await createInvoice()}`);
		await target.emulator?.webhooks.idle();
		expect(JSON.parse(received[0].body).WebhookUpdateTypeTC).toBe('D');
	});

	it('retries failed deliveries a bounded number of times', async () => {
		await subscribe('Order', 'I');
		failNext = 10;
		await createInvoice();
		await target.emulator?.webhooks.idle();
		expect(received).toHaveLength(3);
		const deliveries = (await (await fetch(`${target.baseUrl}/_emulator/webhooks/deliveries`)).json()) as Array<{ Attempt: number; Status: number }>;
		expect(deliveries.map((delivery) => [delivery.Attempt, delivery.Status])).toEqual([[1, 500], [2, 500], [3, 500]]);
	});

	it('limits webhooks per company, refreshes secrets and refuses plain HTTP elsewhere', async () => {
		const hooks = [];
		for (const [type, update] of [['Order', 'I'], ['Order', 'U'], ['Message', 'I'], ['Message', 'U']]) hooks.push(await subscribe(type, update));
		const fifth = await call(target, 'POST', '/v1/webhooks', { body: { EntityType: 'Order', EntityUpdateType: 'D', WebhookURL: receiverUrl } });
		expect(errorCode(fifth)).toBe('WebhookLimitReached');
		const secret = (await call(target, 'POST', `/v1/webhooks/refresh/${hooks[0].WebhookID}`)).json;
		expect(typeof secret).toBe('string');
		expect(secret).not.toBe(hooks[0].Secret);
		await createInvoice();
		await target.emulator?.webhooks.idle();
		expect(verify(secret as string, received[0].signature, received[0].body)).toBe(true);
		await call(target, 'DELETE', `/v1/webhooks/${hooks[3].WebhookID}`);
		const insecure = await call(target, 'POST', '/v1/webhooks', { body: { EntityType: 'Order', EntityUpdateType: 'D', WebhookURL: 'http://example.com/hook' } });
		expect(errorCode(insecure)).toBe('InvalidWebhookURL');
	});
});

describe('accountant feeds', () => {
	it('collects new orders and documents of client companies; download with SHA-256; confirm records the remote path; throttles listings', async () => {
		await call(target, 'POST', '/v1/accountant/feeds', { body: { Name: 'export' } });
		const client = String(DEMO.partyIds[1]);
		const orderId = (await call(target, 'POST', '/v1/orders', { headers: { ContextPartyID: client }, body: invoiceBody('feed', { Name: 'Feed customer' }) })).json as number;
		const items = (await call(target, 'GET', '/v1/accountant/feeds/export')).json as Array<{ FeedItemID: number }>;
		expect(items).toEqual([expect.objectContaining({ EntityID: orderId, EntityType: 'Order', PartyID: Number(client) })]);
		const throttled = await call(target, 'GET', '/v1/accountant/feeds/export', { raw: true });
		expect(throttled.status).toBe(429);
		expect(Number(throttled.headers.get('retry-after'))).toBeGreaterThan(0);

		const wrongContext = await call(target, 'GET', `/v1/accountant/feeds/export/${items[0].FeedItemID}`);
		expect(errorCode(wrongContext)).toBe('WrongContextPartyID');
		const item = (await call(target, 'GET', `/v1/accountant/feeds/export/${items[0].FeedItemID}`, { headers: { ContextPartyID: client } })).json as Record<string, string>;
		const content = Buffer.from(item.FileContent, 'base64');
		expect(item.FileContentSHA256Hash).toBe(createHash('sha256').update(content).digest('hex'));
		expect(parseUbl(content).kind).toBe('Invoice');

		const confirm = await call(target, 'POST', `/v1/accountant/feeds/export/${items[0].FeedItemID}/confirm`, { headers: { ContextPartyID: client }, body: { RemoteServerName: 'sftp.accountant.test', RemotePath: '/in/2026/feed.xml' } });
		expect(confirm.json).toBe(true);
		expect(admin().feedConfirmations()).toEqual([expect.objectContaining({ Feed: 'export', FeedItemID: items[0].FeedItemID, RemoteServerName: 'sftp.accountant.test', RemotePath: '/in/2026/feed.xml' })]);
		admin().setClockOffset(61_000);
		expect((await call(target, 'GET', '/v1/accountant/feeds/export')).json).toEqual([]);
	});
});

describe('bank transactions', () => {
	const list = async () => ((await call(target, 'GET', '/v1/financialTransactions?$orderby=BankAccountTransactionID asc')).json as { Items: Array<Record<string, unknown>> }).Items;

	it('imports every movement of a multi-statement CODA file once', async () => {
		const file = Buffer.from(multiStatementFile(), 'latin1').toString('base64');
		const first = await call(target, 'POST', '/v1/financialTransactions/importFile', { body: { FileName: 'statements.cod', FileContent: file, MimeType: 'text/plain' } });
		expect(first.json).toEqual({ Statements: 2, Imported: 3, Duplicates: 0 });
		const wrapped = await call(target, 'POST', '/v1/financialTransactions/importFile', { body: { File: { FileName: 'statements.cod', FileContent: file } }, headers: { 'X-Emulator-Contract': 'off' } });
		expect(errorCode(wrapped)).toBe('UnknownField');
		const transactions = await list();
		expect(transactions.map((t) => [t.IBAN, t.TotalAmount])).toEqual([['BE68539007547034', 1210], ['BE68539007547034', -250.75], ['BE62510007547061', 99.99]]);
		expect(transactions[0]).toMatchObject({ ClientReference: '123456789002', NameCounterParty: 'Peppol Customer NV', IBANCounterParty: 'BE71096123456769' });
		const again = await call(target, 'POST', '/v1/financialTransactions/importFile', { body: { FileName: 'statements.cod', FileContent: file, MimeType: 'text/plain' } });
		expect(again.json).toEqual({ Statements: 2, Imported: 0, Duplicates: 3 });
		const broken = await call(target, 'POST', '/v1/financialTransactions/importFile', { body: { FileName: 'broken.cod', FileContent: Buffer.from('not a coda file').toString('base64'), MimeType: 'text/plain' } });
		expect(errorCode(broken)).toBe('InvalidCodaFile');
	});

	it('imports JSON transactions and validates them', async () => {
		const imported = await call(target, 'POST', '/v1/financialTransactions/commands/import', { body: [{ TotalAmount: 12.5, ValueDate: '2026-11-03', Description: 'Card payment', BankReference: 'J1' }] });
		expect(imported.json).toEqual({ Imported: 1, Duplicates: 0 });
		expect(await list()).toEqual([expect.objectContaining({ TotalAmount: 12.5, BankAccountTransactionID: expect.any(Number) })]);
		const invented: Answer = await call(target, 'POST', '/v1/financialTransactions/commands/import', { body: [{ Amount: 1, TransactionDate: '2026-11-03' }], headers: { 'X-Emulator-Contract': 'off' } });
		expect(errorCode(invented)).toBe('UnknownField');
		const invalid: Answer = await call(target, 'POST', '/v1/financialTransactions/commands/import', { body: [{ TotalAmount: 'twelve', ValueDate: '2026-11-03' }], headers: { 'X-Emulator-Contract': 'off' } });
		expect(errorCode(invalid)).toBe('InvalidFieldValue');
		const wrapped: Answer = await call(target, 'POST', '/v1/financialTransactions/commands/import', { body: { Transactions: [{ TotalAmount: 1, ValueDate: '2026-11-03' }] }, headers: { 'X-Emulator-Contract': 'off' } });
		expect(errorCode(wrapped)).toBe('InvalidRequest');
	});
});

describe('reports', () => {
	it('builds the sales journal CSV from the orders', async () => {
		await createInvoice();
		const reports = (await call(target, 'GET', '/v1/reports')).json as Array<{ ReportID: number; ReportName: string }>;
		const sales = reports.find((report) => report.ReportName === 'Sales journal') as { ReportID: number };
		const report = (await call(target, 'GET', `/v1/reports/${sales.ReportID}`)).json as { CSVs: string[] };
		const rows = report.CSVs[0].trim().split('\r\n');
		expect(rows[0]).toBe('OrderNumber;OrderDate;CounterParty;VATNumber;TotalExcl;TotalVAT;TotalIncl;Currency;Paid');
		expect(rows[1]).toContain(';25;4.65;29.65;EUR;false');
	});
});
