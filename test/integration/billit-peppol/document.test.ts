import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import type { Emulator } from '../../../emulator';
import { belgianCompanyNumber } from '../../../emulator/seed';
import { buildUbl } from '../../../lib/ubl/build';
import type { ApplicationResponseDocument } from '../../../lib/ubl/model';
import { parseUbl } from '../../../lib/ubl/parse';
import { binaryItem } from '../../support/fake-n8n/execute';
import { COMPANY, fixture, received, resetEmulator, runPeppol, startBillitEmulator } from './harness';

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

const PEPPOL_CUSTOMER = belgianCompanyNumber(4370001);

/** A sales invoice in Billit's JSON shape, as the Billit node outputs it. */
const billitInvoice = {
	OrderID: 4242,
	OrderType: 'Invoice',
	OrderDirection: 'Income',
	OrderNumber: '2026/0007',
	OrderDate: '2026-03-02',
	ExpiryDate: '2026-04-01',
	Currency: 'EUR',
	Reference: 'PO-77',
	Customer: {
		Name: 'Peppol Customer NV',
		VATNumber: `BE${PEPPOL_CUSTOMER}`,
		Street: 'Nieuwstraat',
		StreetNumber: '1',
		Zipcode: '1000',
		City: 'Brussel',
		CountryCode: 'BE',
	},
	OrderLines: [
		{ Quantity: 2, UnitPriceExcl: 95, VATPercentage: 21, Description: 'Consultancy', Unit: 'HUR' },
		{ Quantity: 1, UnitPriceExcl: 30, VATPercentage: 6, Description: 'Handbook' },
	],
};

function ublItem(xml: Buffer | string): INodeExecutionData {
	return binaryItem(xml, 'invoice.xml', { mimeType: 'application/xml' });
}

function xmlOf(item: INodeExecutionData, field = 'data'): Buffer {
	return Buffer.from(item.binary![field].data, 'base64');
}

async function document(operation: string, parameters: IDataObject, items: INodeExecutionData[], continueOnFail = false) {
	const { output } = await runPeppol(
		emulator,
		{ resource: 'document', operation, ublInput: 'binary', binaryPropertyName: 'data', ...parameters },
		{ items, continueOnFail },
	);
	return output;
}

/** The fixture with its payable amount changed, which breaks the totals calculation rule. */
/** Amount due but neither due date nor payment terms: BR-CO-25 in release 2025.5, gone in 2026.5. */
function withoutPaymentTerms(): Buffer {
	const text = fixture('base-example.xml').toString('utf8');
	const changed = text.replace(/<cbc:DueDate>[^<]+<\/cbc:DueDate>/, '').replace(/<cac:PaymentTerms>[\s\S]*?<\/cac:PaymentTerms>/, '');
	expect(changed).not.toBe(text);
	return Buffer.from(changed);
}

function withWrongPayableAmount(): Buffer {
	const text = fixture('base-example.xml').toString('utf8');
	const changed = text.replace(/(<cbc:PayableAmount currencyID="EUR">)[^<]+/, '$11.00');
	expect(changed).not.toBe(text);
	return Buffer.from(changed);
}

describe('Document: Build UBL', () => {
	it('builds a BIS 3.0 invoice from Billit JSON with the company as seller, validated', async () => {
		const [item] = await document('build', { order: JSON.stringify(billitInvoice) }, [{ json: billitInvoice }]);
		expect(item.json).toMatchObject({
			ublSource: 'built',
			OrderID: 4242,
			OrderNumber: '2026/0007',
			documentType: 'Invoice',
			documentId: '2026/0007',
			fileName: '2026_0007.xml',
			validation: { valid: true, errors: [] },
		});
		expect(item.binary?.data).toMatchObject({ fileName: '2026_0007.xml', mimeType: 'application/xml' });
		const parsed = parseUbl(xmlOf(item));
		if (parsed.kind === 'ApplicationResponse') throw new Error('expected an invoice');
		const company = emulator.store.companies.get(COMPANY)!;
		expect(parsed.document.seller.endpoint).toEqual({ schemeId: '0208', id: company.CompanyNumber });
		expect(parsed.document.buyer.endpoint).toEqual({ schemeId: '0208', id: PEPPOL_CUSTOMER });
		expect(parsed.document.totals.payableAmount).toBe('261.70');
		expect(received(emulator).map((entry) => entry.path)).toEqual(['/v1/account/accountInformation']);
	});

	it('finds the invoice however the default {{ JSON.stringify($json) }} hands it over', async () => {
		const items = [
			{ json: { event: 'orderUpdated', orderId: 4242, invoice: billitInvoice } },
			{ json: { body: JSON.stringify(billitInvoice) } },
			{ json: { ...billitInvoice, fileExchange: { path: '/export/2026_0007.pdf' } } },
		];
		for (const item of items) {
			const [built] = await document('build', { order: JSON.stringify(item.json) }, [item]);
			expect(built.json).toMatchObject({ OrderNumber: '2026/0007', validation: { valid: true } });
		}
		const [text] = await document('build', { order: JSON.stringify(JSON.stringify(billitInvoice)) }, [{ json: {} }]);
		expect(text.json.OrderNumber).toBe('2026/0007');
	});

	it('says which keys the item has and how to point at the invoice when it holds none', async () => {
		const item = { json: { OrderID: 4242, OrderNumber: '2026/0007', files: [] } };
		const error = await document('build', { order: JSON.stringify(item.json) }, [item]).then(
			() => undefined,
			(thrown: unknown) => thrown as { message: string; description?: string },
		);
		expect(error?.message).toBe(
			'"Invoice (Billit JSON)" holds no Billit invoice (no OrderType or OrderLines); it has the keys OrderID, OrderNumber, files',
		);
		expect(error?.description).toMatch(/JSON\.stringify\(\$\('Get Invoice'\)\.item\.json\)/);
	});

	it('embeds a PDF from an input binary field', async () => {
		const pdf = Buffer.from('%PDF-1.4 test rendering');
		const input = binaryItem(pdf, 'invoice-2026-0007.pdf', { field: 'pdf', mimeType: 'application/pdf' });
		const [item] = await document(
			'build',
			{ order: billitInvoice, buildOptions: { pdfBinaryPropertyName: 'pdf' } },
			[input],
		);
		const parsed = parseUbl(xmlOf(item));
		expect(parsed.attachments.map((file) => [file.filename, file.content.toString()])).toEqual([
			['invoice-2026-0007.pdf', pdf.toString()],
		]);
	});

	it('fails a 0 % invoice without a stated reason, and builds it as exempt with one', async () => {
		const zeroRated = {
			...billitInvoice,
			OrderLines: [{ Quantity: 1, UnitPriceExcl: 100, VATPercentage: 0, Description: 'Medical care' }],
		};
		const [exempt] = await document(
			'build',
			{ order: zeroRated, buildOptions: { zeroVatTreatment: 'exempt', exemptionReason: 'Exempt under article 44' } },
			[{ json: {} }],
		);
		expect(exempt.json.validation).toMatchObject({ valid: true });
		const [failed] = await document('build', { order: zeroRated, buildOptions: { zeroVatTreatment: 'exempt' } }, [{ json: {} }], true);
		expect(String(failed.json.error)).toMatch(/reason/i);
	});

	it('writes the VAT total in EUR of a USD invoice and the payment terms asked for', async () => {
		const inDollars = { ...billitInvoice, Currency: 'USD', ExpiryDate: undefined };
		const [item] = await document(
			'build',
			{ order: inDollars, buildOptions: { eurExchangeRate: 0.5, paymentTerms: 'Net 30 days' } },
			[{ json: {} }],
		);
		expect(item.json.validation).toMatchObject({ valid: true, errors: [] });
		const parsed = parseUbl(xmlOf(item));
		if (parsed.kind === 'ApplicationResponse') throw new Error('expected an invoice');
		expect(parsed.document).toMatchObject({ currency: 'USD', taxCurrency: 'EUR', paymentTerms: 'Net 30 days' });
		expect(parsed.document.taxTotalInTaxCurrency).toBe(
			(Math.round(Number(parsed.document.taxTotal.taxAmount) * 50) / 100).toFixed(2),
		);
		const [given] = await document('build', { order: inDollars, buildOptions: { vatTotalInEur: 12.34 } }, [{ json: {} }]);
		const withTotal = parseUbl(xmlOf(given)).document;
		expect(withTotal).toMatchObject({ taxCurrency: 'EUR', taxTotalInTaxCurrency: '12.34' });
	});
});

describe('Document: Parse UBL', () => {
	it('reads an invoice into JSON with embedded files as binary fields', async () => {
		const [item] = await document('parse', {}, [ublItem(fixture('Snippet-full.xml'))]);
		expect(item.json).toMatchObject({ documentType: 'Invoice', id: 'Snippet1', currency: 'EUR' });
		expect(item.json.lines).toBeInstanceOf(Array);
		// Amounts, quantities and rates come out as JSON numbers, as they always have.
		expect(item.json).toMatchObject({
			totals: { lineExtensionAmount: 4100, allowanceTotalAmount: 300, payableAmount: 4000 },
			taxTotalInTaxCurrency: 100017.5,
			lines: [expect.objectContaining({ quantity: 1, price: expect.objectContaining({ amount: expect.any(Number) }) })],
		});
		const references = item.json.additionalDocuments as IDataObject[];
		expect(references.find((entry) => entry.id === 'mr4343')).toMatchObject({
			attachment: { filename: 'milage.csv', mimeCode: 'text/csv', binaryField: 'attachment_0', size: 13 },
		});
		expect(xmlOf(item, 'attachment_0').toString()).toBe('milage report');
		expect(item.binary?.attachment_0.mimeType).toBe('text/csv');
	});

	it('outputs the values without the written form the library keeps for exact round trips', async () => {
		const spaced = fixture('base-example.xml').toString('utf8').replace('<cbc:Note>', '<cbc:Note>  ');
		expect(parseUbl(spaced).document).toHaveProperty('written');
		const [item] = await document('parse', { ublInput: 'text', xml: spaced }, [{ json: {} }]);
		expect(item.json).toMatchObject({ documentType: 'Invoice' });
		expect(item.json).not.toHaveProperty('written');
	});

	it('reads XML text and an invoice inside a Peppol envelope', async () => {
		const invoice = fixture('base-example.xml').toString('utf8').replace(/^<\?xml[^>]*>\s*/, '');
		const envelope = `<?xml version="1.0"?><StandardBusinessDocument xmlns="http://www.unece.org/cefact/namespaces/StandardBusinessDocumentHeader"><StandardBusinessDocumentHeader><HeaderVersion>1.0</HeaderVersion></StandardBusinessDocumentHeader>${invoice}</StandardBusinessDocument>`;
		const [item] = await document('parse', { ublInput: 'text', xml: envelope }, [{ json: {} }]);
		expect(item.json).toMatchObject({ documentType: 'Invoice', id: 'Snippet1' });
	});

	it('decodes an Invoice Response with its reasons and a Message Level Response with its issues', async () => {
		const party = { name: 'Test BV', endpoint: { schemeId: '0208', id: PEPPOL_CUSTOMER } };
		const base = {
			kind: 'ApplicationResponse' as const,
			profileId: 'urn:fdc:peppol.eu:poacc:bis:invoice_response:3',
			id: 'R-1',
			issueDate: '2026-03-03',
			sender: party,
			receiver: party,
			documentReference: { id: 'INV-1', typeCode: '380' },
		};
		const imr: ApplicationResponseDocument = {
			...base,
			responseType: 'InvoiceResponse',
			customizationId: 'urn:fdc:peppol.eu:poacc:trns:invoice_response:3',
			documentResponse: {
				response: { code: 'RE' },
				statuses: [{ reasonCode: { code: 'REF', listId: 'OPStatusReason' }, reason: 'Unknown order' }],
			},
		};
		const mlr: ApplicationResponseDocument = {
			...base,
			responseType: 'MessageLevelResponse',
			customizationId: 'urn:fdc:peppol.eu:poacc:trns:mlr:3',
			profileId: 'urn:fdc:peppol.eu:poacc:bis:mlr:3',
			documentResponse: { response: { code: 'RE' } },
			lineResponses: [
				{
					lineId: '/Invoice/cbc:IssueDate',
					response: { code: 'RE' },
					statuses: [{ reasonCode: { code: 'BV' }, reason: 'BR-03 violated' }],
				},
			],
		};
		const output = await document('parse', {}, [ublItem(buildUbl(imr)), ublItem(buildUbl(mlr))]);
		expect(output[0].json).toMatchObject({
			responseType: 'InvoiceResponse',
			status: 'RE',
			statusMeaning: 'Rejected: the invoice will not be processed',
			referencedDocument: 'INV-1',
			reasons: [{ code: 'REF', meaning: 'References incorrect', text: 'Unknown order' }],
		});
		expect(output[1].json).toMatchObject({
			responseType: 'MessageLevelResponse',
			status: 'RE',
			statusMeaning: 'Rejected: the message failed validation',
			reasons: [
				{ code: 'BV', meaning: 'Business rule violation, fatal', text: 'BR-03 violated', location: '/Invoice/cbc:IssueDate' },
			],
		});
	});

	it('reports malformed XML and DOCTYPEs with line and column, item by item', async () => {
		const output = await document(
			'parse',
			{},
			[
				ublItem('<?xml version="1.0"?>\n<Invoice>\n  <cbc:ID>1</cbc:Id>\n</Invoice>'),
				ublItem('<?xml version="1.0"?>\n<!DOCTYPE Invoice [<!ENTITY x "y">]>\n<Invoice/>'),
				ublItem(fixture('base-example.xml')),
			],
			true,
		);
		expect(output[0]).toMatchObject({ json: { error: expect.stringMatching(/line 3, column \d+/) }, pairedItem: { item: 0 } });
		expect(output[1]).toMatchObject({ json: { error: expect.stringMatching(/DOCTYPE.*line 2, column \d+/s) }, pairedItem: { item: 1 } });
		expect(output[2].json.documentType).toBe('Invoice');
	});

	it('throws a node error with the position when continue-on-fail is off', async () => {
		await expect(document('parse', {}, [ublItem('<Invoice><a></Invoice>')])).rejects.toThrow(/line 1, column \d+/);
	});
});

describe('Document: Pre-validate UBL', () => {
	it('passes an official example and reports a broken total with its rule id and path', async () => {
		const output = await document('prevalidate', {}, [ublItem(fixture('base-example.xml')), ublItem(withWrongPayableAmount())]);
		expect(output[0].json).toMatchObject({ documentType: 'Invoice', documentId: 'Snippet1', valid: true, errors: [] });
		expect(output[1].json.valid).toBe(false);
		const errors = output[1].json.errors as IDataObject[];
		expect(errors.map((issue) => issue.rule)).toContain('BR-CO-16');
		expect(errors.find((issue) => issue.rule === 'BR-CO-16')).toMatchObject({
			severity: 'fatal',
			path: expect.stringContaining('PayableAmount'),
			message: expect.any(String),
		});
	});

	it('passes the input file on unchanged, so an upload of it can follow', async () => {
		const xml = fixture('base-example.xml');
		const [output] = await document('prevalidate', {}, [ublItem(xml)]);
		expect(output.json.valid).toBe(true);
		expect(xmlOf(output).equals(xml)).toBe(true);
	});

	it('fails the item when asked, naming the first rule ids', async () => {
		const output = await document(
			'prevalidate',
			{ failWhenInvalid: true },
			[ublItem(withWrongPayableAmount()), ublItem(fixture('base-example.xml'))],
			true,
		);
		expect(output[0]).toMatchObject({
			json: { error: expect.stringMatching(/^UBL document Snippet1 fails pre-validation: .*BR-CO-16/) },
			pairedItem: { item: 0 },
		});
		expect(output[1].json.valid).toBe(true);
	});

	it('checks against the chosen rule set and names it in the result', async () => {
		const [previous] = await document('prevalidate', { ruleRelease: '2025.5' }, [ublItem(withoutPaymentTerms())]);
		expect(previous.json).toMatchObject({ valid: false, release: '2025.5' });
		expect((previous.json.errors as IDataObject[]).map((issue) => issue.rule)).toEqual(['BR-CO-25']);
		const [current] = await document('prevalidate', { ruleRelease: '2026.5' }, [ublItem(withoutPaymentTerms())]);
		expect(current.json).toMatchObject({ valid: true, release: '2026.5', ruleSet: expect.stringContaining('EN16931 1.3.16') });
	});

	it("keeps a failure with many violations short enough for n8n's toast, every rule in the item and the description", async () => {
		const bare = Buffer.from(
			'<Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"><cbc:ID>BARE-1</cbc:ID></Invoice>',
		);
		const [failed] = await document('prevalidate', { failWhenInvalid: true }, [ublItem(bare)], true);
		const [report] = await document('prevalidate', {}, [ublItem(bare)]);
		const rules = (report.json.errors as Array<{ rule: string }>).map((issue) => issue.rule);
		expect(rules.length).toBeGreaterThan(5);
		const message = String(failed.json.error);
		expect(message).toMatch(new RegExp(`^UBL document BARE-1 fails pre-validation: ${rules.slice(0, 5).join(', ')} and ${rules.length - 5} more`));
		expect(message.length).toBeLessThanOrEqual(300);
		expect(Object.keys(failed.json).sort()).toEqual(['details', 'error']);
		const { violations } = failed.json.details as { violations: string[] };
		expect(violations.map((line) => line.split(' ')[0])).toEqual(rules);

		const thrown = await document('prevalidate', { failWhenInvalid: true }, [ublItem(bare)]).then(
			() => undefined,
			(error: unknown) => error as { message: string; description?: string },
		);
		expect(thrown?.message).toBe(message);
		for (const rule of rules) expect(thrown?.description).toContain(rule);
	});
});

describe('Document: Send UBL', () => {
	it('pre-validates against the chosen rule set', async () => {
		const [refused] = await document('send', { source: 'ubl', ruleRelease: '2025.5' }, [ublItem(withoutPaymentTerms())], true);
		expect(String(refused.json.error)).toMatch(/fails pre-validation: BR-CO-25/);
		expect(sendRequests()).toHaveLength(0);
		// Past pre-validation the document goes to Billit (whose emulator refuses the unregistered receiver).
		await document('send', { source: 'ubl', ruleRelease: '2026.5' }, [ublItem(withoutPaymentTerms())], true);
		expect(sendRequests()).toHaveLength(1);
	});

	function sendRequests() {
		// A send answered 429 was not processed.
		return emulator.admin.requests({ method: 'POST', path: '/v1/peppol/sendxml' }).filter((entry) => entry.status !== 429);
	}

	it('does not send a document that fails pre-validation', async () => {
		const [item] = await document('send', { source: 'ubl' }, [ublItem(withWrongPayableAmount())], true);
		expect(String(item.json.error)).toMatch(/fails pre-validation: .*BR-CO-16/);
		expect(sendRequests()).toHaveLength(0);
	});

	it('posts the UBL as the XML field of sendxml when validation is skipped', async () => {
		const xml = withWrongPayableAmount();
		await document('send', { source: 'ubl', skipValidation: true }, [ublItem(xml)], true);
		const [request] = sendRequests();
		expect(request.headers.partyid).toBe(String(COMPANY));
		expect(request.body.startsWith(JSON.stringify({ XML: xml.toString('utf8') }).slice(0, 200))).toBe(true);
	});

	it('builds, validates and sends a Billit invoice to a registered receiver', async () => {
		const [item] = await document('send', { source: 'order', order: billitInvoice }, [{ json: {} }]);
		expect(item.json).toMatchObject({
			InboxItemID: expect.any(Number),
			ublSource: 'built',
			documentType: 'Invoice',
			documentId: '2026/0007',
			receiver: `0208:${PEPPOL_CUSTOMER}`,
			validation: { valid: true },
		});
		expect(sendRequests()).toHaveLength(1);
	});
});
