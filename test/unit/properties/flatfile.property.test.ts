import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import type { Order } from '../../../lib/billit/types';
import { type ColumnSpec } from '../../../lib/flatfile/columns';
import { parseCsv, writeCsv } from '../../../lib/flatfile/csv';
import { readCsvRemittance } from '../../../lib/flatfile/csv-remittance';
import { buildEdifactInterchange, readEdifactInterchange } from '../../../lib/flatfile/edifact/envelope';
import { invoiceToInvoic } from '../../../lib/flatfile/edifact/invoic';
import { decodeText } from '../../../lib/flatfile/encoding';
import { FlatFileError } from '../../../lib/flatfile/errors';
import { rowsToFixedWidth, type FixedColumnSpec } from '../../../lib/flatfile/fixed-width';
import { formatDecimal, parseDecimal } from '../../../lib/flatfile/formats';
import { readRemittanceInterchange } from '../../../lib/flatfile/inbound';
import { csvToRecords } from '../../../lib/flatfile/tabular';
import { buildX12Interchange, readX12Interchange } from '../../../lib/flatfile/x12/envelope';
import { invoiceTo810 } from '../../../lib/flatfile/x12/invoice-810';
import { fixedWidthToRecords, read810, readInvoic } from '../../support/flatfile/readers';
import { sample } from '../../support/flatfile/fixtures';
import { cents, hostileText, invoice, mutated, notAnAmount, printableText } from './flatfile-generators';
import { expectLinearTime } from './linear-time';
import { assertProperty } from './settings';

const DATE = new Date('2026-01-15T09:30:00Z');
const X12_820 = sample('820-multi-invoice.x12');
const REMADV = sample('remadv-multi-invoice.edi');
const FORMULA_START = /^[=+\-@\t\r]/;

/** Runs `run`; any exception other than a FlatFileError fails the property. */
function flatFileErrorOrValue<T>(run: () => T): T | FlatFileError {
	try {
		return run();
	} catch (error) {
		if (error instanceof FlatFileError) return error;
		throw error;
	}
}

function x12(orders: Order[]): string {
	return buildX12Interchange({ sender: { id: 'SELLER' }, receiver: { id: 'BUYER' }, controlNumber: 7, date: DATE }, orders.map(invoiceTo810));
}

function edifact(orders: Order[]): string {
	return buildEdifactInterchange({ sender: 'SELLER', receiver: 'BUYER', interchangeReference: '7', date: DATE }, orders.map(invoiceToInvoic));
}

function expectSameInvoice(read: ReturnType<typeof read810>, order: Order): void {
	expect(read.OrderNumber).toBe(order.OrderNumber);
	expect(read.OrderDate).toBe(order.OrderDate);
	expect(read.ExpiryDate).toBe(order.ExpiryDate);
	expect(read.Reference).toBe(order.Reference);
	expect(read.Customer.Name).toBe(order.Customer?.Name);
	expect(read.TotalIncl).toBe(order.TotalIncl);
	expect(read.TotalVAT).toBe(order.TotalVAT);
	expect(read.OrderLines.map((line) => [line.Quantity, line.UnitPriceExcl, line.Description, line.VATPercentage, line.TotalVAT])).toEqual(
		order.OrderLines!.map((line) => [line.Quantity, line.UnitPriceExcl, line.Description, line.VATPercentage, line.TotalVAT]),
	);
}

/** A remittance with n payments of 1.00 whose BPR total adds up. */
function x12Remittance(n: number): string {
	const rmr = Array.from({ length: n }, (_, index) => `RMR*IV*INV${index}**1.00~`).join('\n');
	return X12_820.replace(/BPR\*C\*1815\.00/, `BPR*C*${n}.00`).replace(/RMR[\s\S]*?(?=SE\*)/, `${rmr}\n`).replace(/SE\*12\*/, `SE*${n + 8}*`);
}

/** A REMADV with n documents whose numbers need release characters. */
function edifactRemittance(n: number): string {
	const docs = Array.from({ length: n }, (_, index) => `DOC+380+A?+B?:C?'${index}'\nMOA+12:1.00'`).join('\n');
	return REMADV.replace(/DOC[\s\S]*?(?=UNS)/, `${docs}\n`).replace(/UNS\+S'\nMOA\+12:1815\.00'/, `UNS+S'\nMOA+12:${n}.00'`).replace(/UNT\+17\+1/, `UNT+${2 * n + 10}+1`);
}

describe('CSV: properties', () => {
	const delimiter = fc.constantFrom(',', ';', '\t', '|', '::');

	it('round-trips any cells with formulas left raw: write, then read, gives the same cells', () => {
		const row = fc.array(hostileText, { minLength: 2, maxLength: 5 });
		assertProperty(
			fc.property(fc.array(row, { maxLength: 6 }), delimiter, (rows, sep) => {
				const text = writeCsv(rows, { delimiter: sep, neutraliseFormulas: false });
				expect(parseCsv(text, { delimiter: sep }).map((record) => record.fields)).toEqual(rows);
			}),
			300,
		);
	});

	it('neutralises formulas by default: no cell read back starts as a formula, plain numbers stay', () => {
		assertProperty(
			fc.property(fc.array(fc.array(hostileText, { minLength: 2, maxLength: 4 }), { maxLength: 6 }), delimiter, (rows, sep) => {
				const cells = parseCsv(writeCsv(rows, { delimiter: sep }), { delimiter: sep }).flatMap((record) => record.fields);
				for (const cell of cells) {
					if (FORMULA_START.test(cell)) expect(cell, cell).toMatch(/^[+-]?\d+(?:[.,]\d+)?$/);
				}
			}),
			300,
		);
		expect(writeCsv([['=1+2', '-12.50', '@SUM(A1)', '\tx']], { delimiter: ',' })).toBe(`'=1+2,-12.50,'@SUM(A1),'\tx\r\n`);
	});

	it('reads any text with its own error or records, and refuses an empty or quoting delimiter before reading', () => {
		assertProperty(
			fc.property(hostileText, delimiter, fc.constantFrom('', '"', '\n', 'a\r'), (text, sep, bad) => {
				flatFileErrorOrValue(() => parseCsv(text, { delimiter: sep }));
				expect(() => parseCsv(text, { delimiter: bad })).toThrow(FlatFileError);
			}),
			300,
		);
	});

	it('refuses an empty or numeric decimal separator before reading, even an empty file', () => {
		assertProperty(
			fc.property(fc.constantFrom('', '1', '-', ' ', ',,'), fc.constantFrom('', 'amount\r\n1234\r\n'), (separator, text) => {
				const columns: ColumnSpec[] = [{ header: 'amount', path: 'amount', format: 'decimal', decimalSeparator: separator }];
				expect(() => csvToRecords(text, { delimiter: ';', includeHeader: true, columns })).toThrow(/decimal separator/);
			}),
			10,
		);
	});

	it('round-trips amounts in any separator and refuses what is not a finite decimal, naming the column', () => {
		const separator = fc.constantFrom('.', ',');
		assertProperty(
			fc.property(cents, separator, (amount, decimalSeparator) => {
				expect(parseDecimal(formatDecimal(amount, { decimals: 2, decimalSeparator }), { decimals: 2, decimalSeparator })).toBe(amount);
			}),
			300,
		);
		const columns: ColumnSpec[] = [
			{ header: 'invoice', path: 'invoiceNumber', format: 'text' },
			{ header: 'amount', path: 'amount', format: 'decimal' },
			{ header: 'date', path: 'date', format: 'date' },
		];
		assertProperty(
			fc.property(notAnAmount.filter((text) => text !== ''), (amount) => {
				const text = `invoice;amount;date\r\nINV-1;${amount};2026-01-15\r\n`;
				expect(() => readCsvRemittance(text, { delimiter: ';', includeHeader: true, columns }, 'EUR')).toThrow(/Column "amount"/);
			}),
			100,
		);
		for (const bad of [Number.NaN, Infinity, 1e21, '1e400']) expect(() => formatDecimal(bad)).toThrow(FlatFileError);
	});

	it('regression (seed 20261205): a cell ending in part of a two-character delimiter is quoted', () => {
		const rows = [[':', 'T/"yT:B'], ['a:', ':b']];
		expect(parseCsv(writeCsv(rows, { delimiter: '::' }), { delimiter: '::' }).map((record) => record.fields)).toEqual(rows);
	});

	it('reads CSV in time linear in its size', { timeout: 60_000 }, () => {
		expectLinearTime((n) => '"a ""quoted"" cell",b;c,"line\nbreak"\r\n'.repeat(n), (text) => parseCsv(text, { delimiter: ',' }), 2_000);
	});

	it('refuses a partner file above the size limit before decoding it', () => {
		expect(() => decodeText(Buffer.alloc(1025), 'utf-8', 1024)).toThrow(/above the limit of 1024 bytes/);
	});
});

describe('Fixed width: properties', () => {
	const columns: FixedColumnSpec[] = [
		{ header: 'A', path: 'a', format: 'text', start: 1, length: 6 },
		{ header: 'B', path: 'b', format: 'text', start: 8, length: 5, align: 'right', padding: '.' },
		{ header: 'C', path: 'c', format: 'text', start: 13, length: 4 },
	];
	const fitting = (length: number) => printableText.filter((text) => text === text.trim() && text !== '' && !text.startsWith('.') && Array.from(text).length <= length);

	it('keeps every column in place for any Unicode it accepts, and reads the same values back', () => {
		assertProperty(
			fc.property(fc.array(fc.record({ a: fitting(6), b: fitting(5), c: fitting(4) }), { minLength: 1, maxLength: 5 }), (rows) => {
				const text = rowsToFixedWidth(rows, { columns });
				for (const [index, line] of text.split('\r\n').slice(0, -1).entries()) {
					const characters = Array.from(line);
					expect(characters).toHaveLength(16);
					expect(characters.slice(0, 6).join('').trimEnd()).toBe(rows[index].a);
					expect(characters[6]).toBe(' ');
					expect(characters.slice(7, 12).join('').replace(/^\.+/, '')).toBe(rows[index].b);
				}
				expect(fixedWidthToRecords(text, { columns }).map((record) => record.values)).toEqual(rows);
			}),
			300,
		);
	});

	it('refuses a value holding a line break or other control character instead of shifting the record', () => {
		assertProperty(
			fc.property(fc.constantFrom('\r', '\n', '\u2028', '\u0085', '\u0000', '\u202e', '\t'), fc.nat({ max: 3 }), (control, at) => {
				const value = 'ab'.slice(0, at) + control + 'ab'.slice(at);
				expect(() => rowsToFixedWidth([{ a: value, b: 'x', c: 'y' }], { columns })).toThrow(/control character/);
			}),
			30,
		);
	});

	it('reads any text with its own error or records, in linear time', { timeout: 60_000 }, () => {
		assertProperty(fc.property(hostileText, (text) => void flatFileErrorOrValue(() => fixedWidthToRecords(text, { columns }))), 300);
		expectLinearTime((n) => 'abcdef .....x1234\r\n'.repeat(n), (text) => fixedWidthToRecords(text, { columns }), 2_000);
	});
});

describe('X12 and EDIFACT: properties', () => {
	it('round-trip any invoice they accept; X12 refuses its delimiters, never corrupts', () => {
		assertProperty(
			fc.property(fc.array(invoice(printableText), { minLength: 1, maxLength: 3 }), (orders) => {
				const written = flatFileErrorOrValue(() => x12(orders));
				if (written instanceof FlatFileError) {
					expect(written.message).toMatch(/X12 delimiter/);
				} else {
					const sets = readX12Interchange(written).groups[0].transactions;
					sets.forEach((set, index) => expectSameInvoice(read810(set.body, set.header), orders[index]));
				}
				const messages = readEdifactInterchange(edifact(orders)).messages;
				messages.forEach((message, index) => expectSameInvoice(readInvoic(message.body, message.header), orders[index]));
			}),
			150,
		);
	});

	it('writers refuse control characters, non-finite or huge numbers and impossible dates', () => {
		const badOrder = fc.oneof(
			fc.tuple(fc.constantFrom('\r', '\n', '\u0000', '\u202e', '\u2028', '\u0085'), fc.constantFrom('Reference', 'OrderNumber')).map(
				([control, field]) => ({ [field]: `A${control}B` }),
			),
			fc.constantFrom(Number.NaN, Infinity, -Infinity, 1e21, 1e15, 'abc').map((amount) => ({ TotalIncl: amount })),
			fc.constantFrom(Number.NaN, Infinity, 1e300).map((quantity) => ({ OrderLines: [{ Quantity: quantity, UnitPriceExcl: 1 }] })),
			fc.constantFrom('2026-02-30', '2026-13-01', '2026-00-10', '2025-02-29').map((date) => ({ OrderDate: date })),
		);
		assertProperty(
			fc.property(invoice(fc.constant('x')), badOrder, (base, change) => {
				const order = { ...base, ...change } as Order;
				expect(() => x12([order])).toThrow(FlatFileError);
				expect(() => edifact([order])).toThrow(FlatFileError);
			}),
			100,
		);
		expect(() => buildEdifactInterchange({ sender: 'A', receiver: 'B', interchangeReference: '1', date: new Date(Number.NaN) }, [invoiceToInvoic({ ...({} as Order), OrderNumber: '1', OrderDate: '2026-01-01', TotalIncl: 1 })])).toThrow(FlatFileError);
	});

	it('refuse inbound amounts that are not finite decimals, naming the field; X12 refuses 1,000', () => {
		const x12Amount = fc.oneof(notAnAmount, fc.constantFrom('1,000', '1,000.00', '605,00'));
		assertProperty(
			fc.property(x12Amount, notAnAmount, (x12Text, edifactText) => {
				const x12File = X12_820.replace('RMR*IV*2026/0002**605.00', `RMR*IV*2026/0002**${x12Text}`);
				expect(() => readRemittanceInterchange(x12File, 'EUR')).toThrow(/RMR04/);
				const edifactFile = REMADV.replace("MOA+12:605,00'", `MOA+12:${edifactText}'`);
				expect(() => readRemittanceInterchange(edifactFile, 'EUR')).toThrow(/MOA 12/);
			}),
			150,
		);
	});

	it('read mutated interchanges with their own error, or payments that are finite amounts', () => {
		assertProperty(
			fc.property(fc.oneof(mutated(X12_820), mutated(REMADV)), (text) => {
				const read = flatFileErrorOrValue(() => readRemittanceInterchange(text, 'EUR'));
				if (read instanceof FlatFileError) return;
				for (const payment of read) {
					expect(Number.isFinite(payment.amount)).toBe(true);
					expect(Object.is(payment.amount, -0)).toBe(false);
				}
			}),
			400,
		);
	});

	it('read remittances in time linear in their size', { timeout: 60_000 }, () => {
		expectLinearTime(x12Remittance, (text) => readRemittanceInterchange(text, 'EUR'), 1_000);
		expectLinearTime(edifactRemittance, (text) => readRemittanceInterchange(text, 'EUR'), 1_000);
	});
});
