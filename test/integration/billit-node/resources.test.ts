import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { binaryItem, locator } from '../../support/fake-n8n/execute';
import { multiStatementFile } from '../../support/emulator/coda-file';
import { COMPANY, jsonOf, received, runBillit, useBillitEmulator } from './harness';

const emulator = useBillitEmulator();

describe('Party', () => {
	it('creates or updates, gets, lists by type and VAT, and updates', async () => {
		const { output: created } = await runBillit(emulator, {
			resource: 'party',
			operation: 'createOrUpdate',
			partyType: 'Customer',
			name: 'Acme BV',
			additionalFields: { VATNumber: 'BE0999999922', Email: 'ap@acme.test', City: '' },
		});
		const partyId = created[0].json.PartyID as number;
		expect(partyId).toBeGreaterThan(0);
		const [post] = received(emulator, { method: 'POST', path: '/v1/parties' });
		expect(post.json).toEqual({
			VATNumber: 'BE0999999922',
			Email: 'ap@acme.test',
			PartyType: 'Customer',
			Name: 'Acme BV',
		});

		const { output: got } = await runBillit(emulator, {
			resource: 'party',
			operation: 'get',
			partyId: locator(partyId),
			simplify: true,
		});
		expect(got[0].json).toMatchObject({
			PartyID: partyId,
			Name: 'Acme BV',
			VATNumber: 'BE0999999922',
		});

		const { output: listed } = await runBillit(emulator, {
			resource: 'party',
			operation: 'getMany',
			returnAll: true,
			filters: { partyType: 'Customer', vatNumber: 'BE0999999922' },
			simplify: false,
		});
		expect(jsonOf(listed).map((party) => party.PartyID)).toEqual([partyId]);
		const [list] = received(emulator, { method: 'GET', path: '/v1/parties' }).filter(
			(entry) => entry.path === '/v1/parties',
		);
		expect(list.params.get('$filter')).toBe(
			"(PartyType eq 'Customer') and (VATNumber eq 'BE0999999922')",
		);

		await runBillit(emulator, {
			resource: 'party',
			operation: 'update',
			partyId: locator(partyId),
			updateFields: { City: 'Gent' },
		});
		const [patch] = received(emulator, { method: 'PATCH' });
		expect(patch.json).toEqual({ City: 'Gent' });
	});
});

describe('Product', () => {
	it('creates or updates, gets and lists', async () => {
		const { output } = await runBillit(emulator, {
			resource: 'product',
			operation: 'createOrUpdate',
			reference: 'WIDGET-1',
			productDescription: 'Widget',
			additionalFields: { AmountExcl: 12.5, VAT: 21 },
		});
		const productId = output[0].json.ProductID as number;
		const [post] = received(emulator, { method: 'POST', path: '/v1/products' });
		expect(post.json).toEqual({
			AmountExcl: 12.5,
			VAT: 21,
			Reference: 'WIDGET-1',
			Description: 'Widget',
		});
		const { output: got } = await runBillit(emulator, {
			resource: 'product',
			operation: 'get',
			productId: String(productId),
		});
		expect(got[0].json).toMatchObject({ ProductID: productId, Reference: 'WIDGET-1' });
		const { output: all } = await runBillit(emulator, {
			resource: 'product',
			operation: 'getMany',
			returnAll: true,
			search: 'Widget',
		});
		expect(jsonOf(all).map((product) => product.Reference)).toContain('WIDGET-1');
	});
});

describe('Document', () => {
	it('an upload whose answer was lost is in Billit once, and the retry says it was applied', async () => {
		const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
		const before = emulator.store.companyData(COMPANY).documents.size;
		emulator.admin.addFault({ kind: 'dropAfter', method: 'POST', path: '/v1/toProcess', count: 1 });
		const { output } = await runBillit(
			emulator,
			{ resource: 'document', operation: 'upload', binaryPropertyName: 'data', options: {} },
			{ items: [binaryItem(pdf, 'lost.pdf', { mimeType: 'application/pdf' })] },
		);
		expect(output[0].json).toEqual({ FileName: 'lost.pdf', MimeType: 'application/pdf', alreadyApplied: true });
		expect(emulator.store.companyData(COMPANY).documents.size).toBe(before + 1);
		expect(received(emulator, { method: 'POST', path: '/v1/toProcess' }).map((entry) => entry.status)).toEqual([200, 409]);
	});

	it('uploads a PDF from binary, gets, lists and deletes the pending upload', async () => {
		const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
		const { output } = await runBillit(
			emulator,
			{
				resource: 'document',
				operation: 'upload',
				binaryPropertyName: 'data',
				// A text File Source saved by an older version is not sent: the model types FileSource as a File.
				options: { FileSource: 'SFTP' },
			},
			{ items: [{ ...binaryItem(pdf, 'bill.pdf', { mimeType: 'application/pdf' }), json: { path: '/inbound/bill.pdf' } }] },
		);
		const uploadId = output[0].json.UploadID as number;
		expect(output[0].json).toMatchObject({ path: '/inbound/bill.pdf', FileName: 'bill.pdf' });
		expect(output[0].binary?.data?.fileName).toBe('bill.pdf');
		const [post] = received(emulator, { method: 'POST', path: '/v1/toProcess' });
		expect(post.json).toEqual({
			File: {
				FileName: 'bill.pdf',
				MimeType: 'application/pdf',
				FileContent: pdf.toString('base64'),
			},
		});
		const { output: documents } = await runBillit(emulator, {
			resource: 'document',
			operation: 'getMany',
			returnAll: true,
		});
		const documentId = documents[0].json.DocumentID as number;
		const { output: got } = await runBillit(emulator, {
			resource: 'document',
			operation: 'get',
			documentId: String(documentId),
		});
		expect(got[0].json.DocumentID).toBe(documentId);
		const { output: deleted } = await runBillit(emulator, {
			resource: 'document',
			operation: 'deletePending',
			uploadId: String(uploadId),
		});
		expect(deleted[0].json).toEqual({ UploadID: uploadId, deleted: true });
		expect(
			received(emulator, { method: 'DELETE', path: `/v1/toProcess/${uploadId}` }),
		).toHaveLength(1);
	});
});

describe('Document upload of a UBL file', () => {
	it('becomes an incoming invoice that the Incoming Invoice resource then lists', async () => {
		const xml = readFileSync(join(__dirname, '../../fixtures/ubl/base-example.xml'));
		const { output } = await runBillit(
			emulator,
			{ resource: 'document', operation: 'upload', binaryPropertyName: 'invoice', options: {} },
			{ items: [binaryItem(xml, 'base-example.xml', { field: 'invoice', mimeType: 'application/xml' })] },
		);
		expect(output[0].json).toMatchObject({
			FileName: 'base-example.xml',
			MimeType: 'application/xml',
		});
		expect(output[0].binary?.invoice?.fileName).toBe('base-example.xml');
		const { output: incoming } = await runBillit(emulator, {
			resource: 'incomingInvoice',
			operation: 'getMany',
			returnAll: true,
			notExportedOnly: true,
			exportMarker: 'flag',
			filters: {},
			options: { simplify: true },
		});
		expect(incoming).toHaveLength(1);
		expect(incoming[0].json).toMatchObject({ OrderDirection: 'Cost', OrderType: 'Invoice' });
	});
});

describe('Company', () => {
	it('gets account information, lists companies and searches KBO/VIES', async () => {
		const { output: account } = await runBillit(emulator, {
			resource: 'company',
			operation: 'getAccountInformation',
		});
		expect(account[0].json.Companies).toBeInstanceOf(Array);
		const { output: companies } = await runBillit(emulator, {
			resource: 'company',
			operation: 'listCompanies',
			apiAllowedOnly: true,
		});
		expect(jsonOf(companies).map((company) => company.PartyID)).toContain(COMPANY);
		// Billit's account information has no company number: the Belgian one comes from the VAT number.
		for (const company of jsonOf(companies)) {
			expect(company.CompanyNumber).toBe(String(company.VATNumber).replace(/^BE/, ''));
		}
		const name = String(companies[0].json.Name);
		const { output: found } = await runBillit(emulator, {
			resource: 'company',
			operation: 'search',
			keywords: name,
		});
		expect(found[0].json).toMatchObject({ Name: name, Source: 'KBO' });
		expect(received(emulator, { path: '/v1/misc/companysearch/' })[0].path).toBe(
			`/v1/misc/companysearch/${encodeURIComponent(name)}`,
		);
	});

	it('acts for the company chosen on the node with OAuth2', async () => {
		const other = emulator.demo.partyIds[1];
		const { output, httpCalls } = await runBillit(emulator, {
			authentication: 'oAuth2',
			company: locator(other, 'list'),
			resource: 'product',
			operation: 'getMany',
			returnAll: true,
			search: '',
		});
		expect(output.length).toBeGreaterThan(0);
		expect(httpCalls[0].credentialType).toBe('billitOAuth2Api');
		const [call] = received(emulator, { path: '/v1/products' });
		expect(call.headers.partyid).toBe(String(other));
		expect(call.headers.authorization).toMatch(/redacted/);
	});

	it('with OAuth2 lists companies without a company but asks for one before company calls', async () => {
		const oauth = { authentication: 'oAuth2', company: locator('', 'list') };
		const { output } = await runBillit(emulator, {
			...oauth,
			resource: 'company',
			operation: 'listCompanies',
			apiAllowedOnly: false,
		});
		expect(jsonOf(output).map((company) => company.PartyID)).toContain(COMPANY);
		await expect(
			runBillit(emulator, {
				...oauth,
				resource: 'product',
				operation: 'getMany',
				returnAll: true,
				search: '',
			}),
		).rejects.toThrow(/Choose a Company: an OAuth2 connection has no company of its own/);
		expect(received(emulator, { path: '/v1/products' })).toHaveLength(0);
	});
});

describe('Accountant Feed', () => {
	async function feedWithItem() {
		await runBillit(emulator, {
			resource: 'accountantFeed',
			operation: 'createFeed',
			feedName: 'export',
		});
		emulator.admin.seed({ partyId: COMPANY, invoices: 1 });
		const { output } = await runBillit(emulator, {
			resource: 'accountantFeed',
			operation: 'getItems',
			feedName: 'export',
		});
		return output;
	}

	it('creates, lists feeds and items, downloads with ContextPartyID and SHA-256 check, confirms with the remote path, deletes', async () => {
		const items = await feedWithItem();
		expect(items).toHaveLength(1);
		const item = items[0].json;
		const { output: feeds } = await runBillit(emulator, {
			resource: 'accountantFeed',
			operation: 'listFeeds',
		});
		expect(jsonOf(feeds).map((feed) => feed.Name)).toEqual(['export']);

		const { output: downloaded } = await runBillit(emulator, {
			resource: 'accountantFeed',
			operation: 'downloadItem',
			feedName: 'export',
			feedItemId: String(item.FeedItemID),
			itemPartyId: String(item.PartyID),
			binaryPropertyName: 'data',
			options: {},
		});
		const [download] = received(emulator, {
			path: `/v1/accountant/feeds/export/${String(item.FeedItemID)}`,
		});
		expect(download.headers.contextpartyid).toBe(String(item.PartyID));
		expect(downloaded[0].binary?.data).toMatchObject({
			fileName: expect.stringMatching(/\.xml$/),
			mimeType: 'application/xml',
		});
		expect(downloaded[0].json.SHA256).toMatch(/^[0-9a-f]{64}$/);

		await runBillit(emulator, {
			resource: 'accountantFeed',
			operation: 'confirmItem',
			feedName: 'export',
			feedItemId: String(item.FeedItemID),
			remoteServerName: 'sftp.accountant.test',
			remotePath: '/export/INV-1.xml',
		});
		const [confirm] = received(emulator, { method: 'POST', path: '/confirm' });
		expect(confirm.json).toEqual({
			RemoteServerName: 'sftp.accountant.test',
			RemotePath: '/export/INV-1.xml',
		});

		const { output: deleted } = await runBillit(emulator, {
			resource: 'accountantFeed',
			operation: 'deleteFeed',
			feedName: 'export',
		});
		expect(deleted[0].json).toEqual({ Name: 'export', deleted: true });
	});

	it('refuses a second listing within a minute before asking Billit', async () => {
		await runBillit(emulator, {
			resource: 'accountantFeed',
			operation: 'createFeed',
			feedName: 'export',
		});
		const { output } = await runBillit(
			emulator,
			{ resource: 'accountantFeed', operation: 'getItems', feedName: 'export' },
			{ continueOnFail: true, items: [{ json: {} }, { json: {} }] },
		);
		expect(output[output.length - 1].json.error).toMatch(/one listing a minute/);
		expect(received(emulator, { method: 'GET', path: '/v1/accountant/feeds/export' })).toHaveLength(
			1,
		);
	});

	it('fails an item whose content does not match its SHA-256 and goes on with the next', async () => {
		const items = await feedWithItem();
		const item = items[0].json;
		const download = {
			resource: 'accountantFeed',
			operation: 'downloadItem',
			feedName: 'export',
			itemPartyId: String(item.PartyID),
			binaryPropertyName: 'data',
			options: {},
		};
		let downloads = 0;
		const { output } = await runBillit(emulator, { ...download, feedItemId: String(item.FeedItemID) }, {
			continueOnFail: true,
			items: [{ json: {} }, { json: {} }],
			alterResponse: (request, response) => {
				if (!request.url.includes('/v1/accountant/feeds/export/')) return;
				downloads += 1;
				if (downloads !== 1) return;
				// Corrupt the first download in transit: one byte of the content changes.
				const answer = JSON.parse(String(response.body)) as { FileContent: string };
				const bytes = Buffer.from(answer.FileContent, 'base64');
				bytes[0] ^= 0xff;
				response.body = JSON.stringify({ ...answer, FileContent: bytes.toString('base64') });
			},
		});
		expect(output[0].json.error).toMatch(
			new RegExp(`Feed item ${String(item.FeedItemID)} .* does not match its SHA-256`),
		);
		expect(output[0].pairedItem).toEqual({ item: 0 });
		expect(output[1].binary?.data).toBeDefined();
	});
});

describe('Bank Transaction', () => {
	it('imports a CODA file from binary, imports JSON transactions and lists them', async () => {
		const coda = multiStatementFile();
		const { output } = await runBillit(
			emulator,
			{ resource: 'bankTransaction', operation: 'importCoda', binaryPropertyName: 'data' },
			{ items: [binaryItem(Buffer.from(coda, 'latin1'), 'statement.cod', { mimeType: 'text/plain' })] },
		);
		expect(output[0].json).toMatchObject({ FileName: 'statement.cod', CreationDate: '2026-11-01', Statements: 2 });
		const [post] = received(emulator, { method: 'POST', path: '/importFile' });
		// The File model itself, no wrapper.
		expect(Object.keys(post.json as object).sort()).toEqual(['FileContent', 'FileName', 'MimeType']);
		expect((post.json as { FileName: string }).FileName).toBe('statement.cod');

		const { output: imported } = await runBillit(emulator, {
			resource: 'bankTransaction',
			operation: 'importTransactions',
			transactionsJson: JSON.stringify([
				{ TotalAmount: 12.5, ValueDate: '2026-11-02', Description: 'Refund', Currency: null },
			]),
		});
		expect(imported[0].json).toMatchObject({ sent: 1, Imported: 1 });
		expect(received(emulator, { method: 'POST', path: '/commands/import' })[0].json).toEqual([
			{ TotalAmount: 12.5, ValueDate: '2026-11-02', Description: 'Refund' },
		]);

		const { output: listed } = await runBillit(emulator, {
			resource: 'bankTransaction',
			operation: 'getMany',
			returnAll: true,
		});
		expect(listed.length).toBeGreaterThan(1);
	});

	it('refuses a file that is not CODA before sending it', async () => {
		await expect(
			runBillit(
				emulator,
				{ resource: 'bankTransaction', operation: 'importCoda', binaryPropertyName: 'data' },
				{ items: [binaryItem('hello', 'x.cod', { mimeType: 'text/plain' })] },
			),
		).rejects.toThrow(/"x.cod" is not a CODA bank statement/);
		expect(received(emulator, { path: '/importFile' })).toHaveLength(0);
	});
});

describe('Report', () => {
	it('lists reports and downloads one as CSV binary', async () => {
		emulator.admin.seed({ partyId: COMPANY, invoices: 2 });
		const { output: reports } = await runBillit(emulator, {
			resource: 'report',
			operation: 'getMany',
		});
		const sales = jsonOf(reports).find((report) => report.ReportName !== 'Purchase journal')!;
		const { output } = await runBillit(emulator, {
			resource: 'report',
			operation: 'get',
			reportId: String(sales.ReportID),
			binaryPropertyName: 'data',
		});
		const binary = output[0].binary!.data;
		expect(binary).toMatchObject({
			mimeType: 'text/csv',
			fileName: expect.stringMatching(/\.csv$/),
		});
		expect(Buffer.from(binary.data, 'base64').toString()).toMatch(/^OrderNumber;OrderDate/);
	});
});

describe('Webhook', () => {
	it('creates, lists, refreshes the secret and deletes', async () => {
		const { output } = await runBillit(emulator, {
			resource: 'webhook',
			operation: 'create',
			entityType: 'Order',
			entityUpdateType: 'I',
			webhookUrl: 'http://127.0.0.1:9/hook',
		});
		const webhookId = output[0].json.WebhookID as number;
		expect(output[0].json.Secret).toBeTruthy();
		expect(received(emulator, { method: 'POST', path: '/v1/webhooks' })[0].json).toEqual({
			EntityType: 'Order',
			EntityUpdateType: 'I',
			WebhookURL: 'http://127.0.0.1:9/hook',
		});
		const { output: listed } = await runBillit(emulator, {
			resource: 'webhook',
			operation: 'list',
		});
		expect(jsonOf(listed).map((hook) => hook.WebhookID)).toEqual([webhookId]);
		const { output: refreshed } = await runBillit(emulator, {
			resource: 'webhook',
			operation: 'refreshSecret',
			webhookId: String(webhookId),
		});
		expect(refreshed[0].json.Secret).toBeTruthy();
		expect(refreshed[0].json.Secret).not.toBe(output[0].json.Secret);
		const { output: deleted } = await runBillit(emulator, {
			resource: 'webhook',
			operation: 'delete',
			webhookId: String(webhookId),
		});
		expect(deleted[0].json).toEqual({ WebhookID: webhookId, deleted: true });
	});
});
