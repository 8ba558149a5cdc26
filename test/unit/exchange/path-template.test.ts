import { describe, expect, it } from 'vitest';

import {
	CaseCollisionDetector,
	brusselsYearMonth,
	isInsideFolder,
	resolvePathTemplate,
	sanitiseValue,
} from '../../../lib/exchange/paths/path-template';

const base = { baseFolder: '/export' };
const invoice = {
	uen_number: '0123456789',
	vat_number: 'BE0123456789',
	invoice_type: 'sales',
	document_type: 'invoice',
	order_number: '2026/0001',
	order_id: 4711,
	external_id: 'ext-9',
	file_type: 'ubl',
	file_ext: 'xml',
	documentDate: '2026-03-31',
};

describe('resolvePathTemplate', () => {
	it('fills every variable and replaces the slash of an invoice number', () => {
		const resolved = resolvePathTemplate(
			'/export/[uen_number]/[vat_number]/[invoice_type]/[document_type]/[year]/[month]/[order_number]-[order_id]-[external_id]-[file_type].[file_ext]',
			invoice,
			base,
		);
		expect(resolved.path).toBe('/export/0123456789/BE0123456789/sales/invoice/2026/03/2026-0001-4711-ext-9-ubl.xml');
		expect(resolved.folder).toBe('/export/0123456789/BE0123456789/sales/invoice/2026/03');
		expect(resolved.fileName).toBe('2026-0001-4711-ext-9-ubl.xml');
	});

	it('places a relative template under the base folder', () => {
		expect(resolvePathTemplate('[year]/[order_number].pdf', invoice, base).path).toBe('/export/2026/2026-0001.pdf');
	});

	it('uses the configured replacement character', () => {
		const { path } = resolvePathTemplate('[order_number].xml', invoice, { ...base, slashReplacement: '_' });
		expect(path).toBe('/export/2026_0001.xml');
	});

	it('takes year and month from the document date in Europe/Brussels, not UTC', () => {
		const { path } = resolvePathTemplate('[year]/[month]/x.xml', { documentDate: '2026-12-31T23:30:00Z' }, base);
		expect(path).toBe('/export/2027/01/x.xml');
	});

	it('strips a leading dot from file_ext', () => {
		expect(resolvePathTemplate('a.[file_ext]', { file_ext: '.pdf' }, base).path).toBe('/export/a.pdf');
	});

	it('NFC-normalises values so composed and decomposed names are the same file', () => {
		const decomposed = 'Cafe\u0301';
		const { fileName } = resolvePathTemplate('[external_id].txt', { external_id: decomposed }, base);
		expect(fileName).toBe('Caf\u00e9.txt');
	});

	it('fills [file_name] with the file name as given, sanitised like every other value', () => {
		expect(resolvePathTemplate('/export/[file_name]', { file_name: 'INV 2026-01.pdf' }, base).path).toBe(
			'/export/INV 2026-01.pdf',
		);
		expect(resolvePathTemplate('[year]/[file_name]', { file_name: 'a/b\\c.xml', year: 2026 }, base).path).toBe(
			'/export/2026/a-b-c.xml',
		);
		expect(resolvePathTemplate('[file_name]', { file_name: 'Cafe\u0301.txt' }, base).fileName).toBe('Caf\u00e9.txt');
	});

	it.each([
		['".."', '../passwd', /\[file_name\] contains "\.\."/],
		['a control character', 'a\rb.pdf', /\[file_name\] contains a control character/],
		['"." alone', '.', /\[file_name\] is "\."/],
		['no name at all', undefined, /\[file_name\] has no value/],
	])('refuses a [file_name] with %s', (_label, fileName, message) => {
		expect(() => resolvePathTemplate('/export/[file_name]', { file_name: fileName }, base)).toThrow(message);
	});

	it('says where a missing variable gets its value: [year] from the document date', () => {
		expect(() => resolvePathTemplate('[year]/[order_number].xml', { order_number: '7' }, base)).toThrow(
			'path variable [year] has no value: set Template Values → Document Date, for example to {{ $json.OrderDate }}; it gives [year] and [month]',
		);
		expect(() => resolvePathTemplate('[order_number].xml', {}, base)).toThrow(
			'path variable [order_number] has no value: set Template Values → Order Number, for example to {{ $json.OrderNumber }}',
		);
	});

	it.each([
		['an empty value', { order_number: '  ' }, /\[order_number\] is empty/],
		['a missing value', {}, /\[order_number\] has no value/],
		['a control character', { order_number: 'a\u0000b' }, /control character/],
		['a newline', { order_number: 'a\nb' }, /control character/],
		['".."', { order_number: '..' }, /contains "\.\."/],
		['".." hidden by a slash', { order_number: '../../etc' }, /contains "\.\."/],
	])('refuses %s', (_label, values, message) => {
		expect(() => resolvePathTemplate('[order_number].xml', values, base)).toThrow(message);
	});

	it('refuses an unknown variable and names the known ones', () => {
		expect(() => resolvePathTemplate('[customer]/a.xml', invoice, base)).toThrow(
			/unknown path variable \[customer\].*\[uen_number\]/,
		);
	});

	it('refuses a ".." segment written in the template', () => {
		expect(() => resolvePathTemplate('/export/../etc/passwd', invoice, base)).toThrow(/"\." or "\.\." segment/);
	});

	it('refuses an absolute template outside the base folder', () => {
		expect(() => resolvePathTemplate('/exports-other/a.xml', invoice, base)).toThrow(/outside the base folder/);
	});

	it('refuses a path without a file name', () => {
		expect(() => resolvePathTemplate('/export/[year]/', invoice, base)).toThrow(/no file name/);
	});

	it('refuses an invalid document date and a relative base folder', () => {
		expect(() => resolvePathTemplate('[year].xml', { documentDate: 'soon' }, base)).toThrow(/not a valid date/);
		expect(() => resolvePathTemplate('a.xml', {}, { baseFolder: 'export' })).toThrow(/must be absolute/);
	});

	it('refuses a replacement character that would itself build a path', () => {
		expect(() => resolvePathTemplate('[order_number].xml', invoice, { ...base, slashReplacement: '/' })).toThrow(
			/slash replacement/,
		);
		expect(() => sanitiseValue('x', 'a/b', '.')).toThrow(/slash replacement/);
	});
});

describe('brusselsYearMonth', () => {
	it('keeps a date-only value as written', () => {
		expect(brusselsYearMonth('2026-01-01')).toEqual({ year: '2026', month: '01' });
	});

	it('reads a Date in Brussels summer time', () => {
		expect(brusselsYearMonth(new Date('2026-06-30T22:30:00Z'))).toEqual({ year: '2026', month: '07' });
	});
});

describe('isInsideFolder', () => {
	it('accepts the folder and its children only', () => {
		expect(isInsideFolder('/export', '/export')).toBe(true);
		expect(isInsideFolder('/export/', '/export/a/b')).toBe(true);
		expect(isInsideFolder('/export', '/exporter/a')).toBe(false);
		expect(isInsideFolder('/', '/anything')).toBe(true);
	});
});

describe('CaseCollisionDetector', () => {
	it('flags two paths that differ only in letter case, not the same path twice', () => {
		const detector = new CaseCollisionDetector();
		detector.check('/export/INV-1.xml');
		expect(() => detector.check('/export/INV-1.xml')).not.toThrow();
		expect(() => detector.check('/export/inv-1.xml')).toThrow(/only in letter case/);
	});
});
