import { describe, expect, it } from 'vitest';
import type { IDataObject } from 'n8n-workflow';
import { InvoiceFile } from '../../../nodes/InvoiceFile/InvoiceFile.node';
import { decodeText } from '../../../lib/flatfile/encoding';
import { csvToRecords } from '../../../lib/flatfile/tabular';
import { fixedWidthToRecords } from '../../support/flatfile/readers';
import { binaryItem, runNode } from '../../support/fake-n8n/execute';
import { ORDERS, sample } from '../../support/flatfile/fixtures';

const columns = [
	{ header: 'Invoice', path: 'OrderNumber', format: 'text', start: 1, length: 10 },
	{ header: 'Date', path: 'OrderDate', format: 'date', datePattern: 'DD/MM/YYYY', start: 11, length: 10 },
	{ header: 'Customer', path: 'Customer.Name', format: 'text', start: 21, length: 20 },
	{ header: 'Line', path: 'LineNumber', format: 'integer', start: 41, length: 3, align: 'right', padding: '0' },
	{ header: 'Description', path: 'Line.Description', format: 'text', start: 44, length: 24 },
	{ header: 'Quantity', path: 'Line.Quantity', format: 'decimal', decimals: 3, decimalSeparator: ',', start: 68, length: 9, align: 'right' },
	{ header: 'Total', path: 'TotalIncl', format: 'decimal', impliedDecimals: true, start: 77, length: 10, align: 'right', padding: '0' },
];

async function convert(fileFormat: string) {
	const { output } = await runNode(new InvoiceFile(), {
		parameters: { operation: 'invoicesToFile', fileFormat, rowMode: 'line', columns: { column: columns }, delimiter: ';', includeHeader: true, grouping: 'batch', fileName: 'out', encoding: 'utf-8', binaryPropertyName: 'data' },
		items: ORDERS.map((order) => ({ json: { ...order } as IDataObject })),
	});
	expect(output).toHaveLength(1);
	expect(output[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }]);
	return Buffer.from(output[0].binary!.data.data, 'base64').toString('utf8');
}

function expectRows(records: Array<{ values: Record<string, unknown> }>) {
	expect(records.map(({ values }) => [values.OrderNumber, values.OrderDate, (values.Customer as { Name: string }).Name, values.LineNumber, (values.Line as { Description: string }).Description, (values.Line as { Quantity: number }).Quantity, values.TotalIncl])).toEqual([
		['2026/0001', '2026-01-02', 'Acme Buyer NV', 1, 'Consulting day', 2, 1210],
		['2026/0001', '2026-01-02', 'Acme Buyer NV', 2, 'Licence; "pro" edition', 1.5, 1210],
		['2026/0002', '2026-01-05', 'Zoë & Søn BV', 1, 'Refund', 1, 605],
	]);
}

describe('Invoices to File (node) round trips', () => {
	it('CSV, one row per line, quoted where needed', async () => {
		const text = await convert('csv');
		expect(text.split('\r\n')[0]).toBe('Invoice;Date;Customer;Line;Description;Quantity;Total');
		expect(text).toContain('"Licence; ""pro"" edition"');
		expectRows(csvToRecords(text, { delimiter: ';', includeHeader: true, columns: columns as never }));
	});

	it('fixed width with padding, alignment and implied decimals', async () => {
		const text = await convert('fixedWidth');
		expect(text.split('\r\n')[0]).toBe('2026/0001 02/01/2026Acme Buyer NV       001Consulting day              2,0000000121000');
		expectRows(fixedWidthToRecords(text, { columns: columns as never }));
	});
});

describe('File to Payments (node)', () => {
	it('one item per payment with a stable idempotency key, without posting', async () => {
		const { output } = await runNode(new InvoiceFile(), {
			parameters: { operation: 'fileToPayments', binaryPropertyName: 'data', sourceFormat: 'edi', encoding: 'utf-8', defaultCurrency: 'EUR', addToBillit: false },
			items: [binaryItem(sample('820-multi-invoice.x12'), 'in.x12', { mimeType: 'text/plain' })],
		});
		expect(output.map((item) => [item.json.invoiceNumber, item.json.amount, item.json.index])).toEqual([['2026/0001', 1210, 0], ['2026/0002', 605, 1]]);
		expect(output[0].json.idempotencyKey).toMatch(/^remittance[0-9a-f]{32}$/);
	});

	it('a Latin-1 file read as UTF-8 fails naming the line', () => {
		const bytes = Buffer.from(sample('remittance-quoted.csv').replace('Acme Buyer, NV"\nNOT', 'Acmé Buyer, NV"\nNOT'), 'latin1');
		expect(() => decodeText(bytes)).toThrow(/not valid UTF-8: byte 0xe9.*\(line 2\)/);
	});
});
