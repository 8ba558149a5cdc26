import { describe, expect, it } from 'vitest';
import {
	exportMarkerFor,
	isExported,
	markerPatch,
} from '../../../nodes/Billit/descriptions/exportMarker';
import {
	decodeFileContent,
	mimeTypeFor,
	safeFileName,
	sha256Hex,
} from '../../../nodes/shared/billit/helpers/binary';
import { compact } from '../../../nodes/shared/compact';
import { findUblFile, orderFiles } from '../../../nodes/Billit/helpers/orderFiles';
import {
	dateOnly,
	dateTime,
	parseId,
	parseIdList,
	parseJsonParameter,
} from '../../../nodes/shared/billit/helpers/parse';
import { simplifyOrder, splitOrderLines } from '../../../nodes/Billit/helpers/simplify';
import { fakeExecute } from '../../support/fake-n8n/execute';

describe('compact', () => {
	it('drops null, undefined and empty strings deeply and keeps false and 0', () => {
		expect(
			compact({
				a: null,
				b: undefined,
				c: '',
				d: false,
				e: 0,
				f: { g: null, h: 'x' },
				i: [null, { j: '', k: 1 }],
			}),
		).toEqual({ d: false, e: 0, f: { h: 'x' }, i: [{ k: 1 }] });
	});
});

describe('parse helpers', () => {
	it('reads id lists and names the bad entries', () => {
		expect(parseIdList('1, 2;3 4', 'Invoice IDs')).toEqual([1, 2, 3, 4]);
		expect(parseIdList([5, '6'], 'Invoice IDs')).toEqual([5, 6]);
		expect(() => parseIdList('1, x, -2', 'Invoice IDs')).toThrow(
			'Invoice IDs must be positive whole numbers; got "x, -2"',
		);
		expect(() => parseIdList('', 'Invoice IDs')).toThrow(/at least one/);
		expect(() => parseId('12a', 'Party ID')).toThrow(/Party ID must be a positive whole number/);
	});

	it('parses JSON text with a message naming the field, and passes values through', () => {
		expect(parseJsonParameter('[1]', 'Lines (JSON)')).toEqual([1]);
		expect(parseJsonParameter([2], 'Lines (JSON)')).toEqual([2]);
		expect(() => parseJsonParameter('[1', 'Lines (JSON)')).toThrow(
			/^Lines \(JSON\) is not valid JSON: /,
		);
	});

	it('turns date-times into Billit dates', () => {
		expect(dateOnly('2026-03-04T10:00:00', 'Date')).toBe('2026-03-04');
		expect(dateOnly('', 'Date')).toBeUndefined();
		expect(() => dateOnly('soon', 'Date')).toThrow(/Date is not a date/);
		// Billit's DateTime fields (PaidDate) get date and time.
		expect(dateTime('2026-03-04T10:15:00', 'Paid Date')).toBe('2026-03-04T10:15:00');
		expect(dateTime('2026-03-04T10:15', 'Paid Date')).toBe('2026-03-04T10:15:00');
		expect(dateTime('2026-03-04', 'Paid Date')).toBe('2026-03-04T00:00:00');
		expect(dateTime('', 'Paid Date')).toBeUndefined();
	});
});

describe('order output', () => {
	const order = {
		OrderID: 7,
		OrderNumber: 'INV-7',
		TotalIncl: 121,
		CounterParty: { DisplayName: 'Acme', VATNumber: 'BE0999999922', PartyID: 3 },
		OrderLines: [
			{ Description: 'A', Quantity: 1, UnitPriceExcl: 100, VATPercentage: 21 },
			{ Description: 'B', Quantity: 2, UnitPriceExcl: 5, VATPercentage: 6 },
		],
	};

	it('simplifies with the counterparty flattened', () => {
		expect(simplifyOrder(order)).toEqual({
			OrderID: 7,
			OrderNumber: 'INV-7',
			TotalIncl: 121,
			CounterPartyName: 'Acme',
			CounterPartyVATNumber: 'BE0999999922',
			CounterPartyID: 3,
		});
	});

	it('splits lines with the header on every row', () => {
		const rows = splitOrderLines(order);
		expect(rows).toHaveLength(2);
		expect(rows[1]).toMatchObject({
			OrderNumber: 'INV-7',
			CounterPartyName: 'Acme',
			LineNumber: 2,
			LineDescription: 'B',
			LineQuantity: 2,
		});
	});
});

describe('order files', () => {
	const order = {
		OrderPDF: { FileID: 'p', FileName: 'INV-1.pdf', MimeType: 'application/pdf' },
		Attachments: [
			{ FileID: 'u', FileName: 'INV-1.xml', MimeType: 'application/xml' },
			{ FileID: 'a', FileName: 'terms.pdf' },
		],
	};

	it('picks the PDF, the UBL among attachments, the other attachments, or all', () => {
		expect(orderFiles(order, 'pdf').map((file) => file.FileID)).toEqual(['p']);
		expect(orderFiles(order, 'ubl').map((file) => file.FileID)).toEqual(['u']);
		expect(orderFiles(order, 'attachments').map((file) => file.FileID)).toEqual(['a']);
		expect(orderFiles(order, 'all').map((file) => file.kind)).toEqual(['pdf', 'ubl', 'attachment']);
		expect(findUblFile({ Attachments: [{ FileID: 'a', FileName: 'terms.pdf' }] })).toBeUndefined();
	});

	it("takes a sent invoice's UBL from its last successful outgoing Peppol message first", () => {
		const sent = {
			...order,
			Messages: [
				{ TransportType: 'SMTP', FileID: 'p', Success: true },
				{ TransportType: 'Peppol', FileID: 'old', Success: false },
				{ TransportType: 'Peppol', FileID: 'm', Success: true, MessageDirection: 'Outgoing' },
				{ TransportType: 'Peppol', FileID: 'in', MessageDirection: 'Incoming' },
			],
		};
		expect(findUblFile(sent)).toMatchObject({ FileID: 'm', kind: 'ubl', MimeType: 'application/xml' });
		expect(orderFiles(sent, 'attachments').map((file) => file.FileID)).toEqual(['u', 'a']);
		expect(findUblFile({ Messages: [{ TransportType: 'SMTP', FileID: 'p' }] })).toBeUndefined();
	});
});

describe('binary helpers', () => {
	it('guesses MIME types from names when Billit gives none', () => {
		expect(mimeTypeFor('a.PDF')).toBe('application/pdf');
		expect(mimeTypeFor('statement.cod')).toBe('text/plain');
		expect(mimeTypeFor('x.bin')).toBe('application/octet-stream');
		expect(mimeTypeFor('x.xml', 'text/xml')).toBe('text/xml');
	});

	it('keeps an invoice number with a slash in one file name', () => {
		expect(safeFileName('2026/0001.pdf')).toBe('2026_0001.pdf');
		expect(safeFileName('a\\b.xml')).toBe('a_b.xml');
	});

	it('refuses an oversized base64 file before decoding it', () => {
		const content = Buffer.alloc(2048, 1);
		expect(decodeFileContent(content.toString('base64'), 'a.pdf', 4096)).toEqual(content);
		expect(() => decodeFileContent(content.toString('base64'), 'a.pdf', 1024)).toThrow(
			/"a.pdf" is 2\.0 KB, above the maximum of 1\.0 KB/,
		);
		expect(() => decodeFileContent(undefined, 'a.pdf', 1024)).toThrow(/no content for "a.pdf"/);
		expect(sha256Hex(Buffer.from('abc'))).toBe(
			'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
		);
	});
});

describe('export marker', () => {
	const marker = (parameters: Record<string, unknown>) =>
		exportMarkerFor.call(fakeExecute({ parameters }).context, 0);

	it('reads the marker and checks and sets it without losing other tags or fields', () => {
		const tag = marker({ exportMarker: 'tag', exportMarkerTag: 'done' });
		expect(isExported({ Tags: ['x'] }, tag)).toBe(false);
		expect(markerPatch({ Tags: ['x'] }, tag)).toEqual({ Tags: ['x', 'done'] });
		const field = marker({
			exportMarker: 'customField',
			exportMarkerField: 'Exported',
			exportMarkerValue: 'yes',
		});
		expect(isExported({ CustomFields: { Exported: '' } }, field)).toBe(false);
		expect(markerPatch({ CustomFields: { Other: 1 } }, field)).toEqual({
			CustomFields: { Other: 1, Exported: 'yes' },
		});
		const flag = marker({});
		expect(isExported({ ExportedToConnector: true }, flag)).toBe(true);
		expect(markerPatch({}, flag)).toEqual({ ExportedToConnector: true });
		expect(() => marker({ exportMarker: 'tag', exportMarkerTag: ' ' })).toThrow(/tag is empty/);
	});
});
