/**
 * Readers of what lib/flatfile writes (EDIFACT INVOIC, X12 810, fixed-width rows): the tests' way to
 * check a written file by reading it back. The product only writes these formats, so the readers
 * are not shipped.
 */
import { readCell, writeFieldPath } from '../../../lib/flatfile/columns';
import { FlatFileError, lineLocation, relocated } from '../../../lib/flatfile/errors';
import { lineWidth, validateFixedLayout, type FixedColumnSpec, type FixedWidthLayout } from '../../../lib/flatfile/fixed-width';
import type { EdiInvoice } from '../../../lib/flatfile/invoice-model';
import { amount, compactDate, reference, required, value, x12Amount, type Segment } from '../../../lib/flatfile/segments';
import type { ParsedRecord } from '../../../lib/flatfile/tabular';

type Section = 'header' | 'lines' | 'summary';

function readMoa(invoice: EdiInvoice, segment: Segment, section: Section) {
	const qualifier = value(segment, 1, 1);
	const sum = amount(segment, 1, `MOA ${qualifier} amount`, 2);
	const line = invoice.OrderLines[invoice.OrderLines.length - 1];
	if (section === 'lines' && line) {
		if (qualifier === '203') line.TotalExcl = sum;
		if (qualifier === '124') line.TotalVAT = sum;
	} else if (section === 'summary') {
		if (qualifier === '77') invoice.TotalIncl = sum;
		if (qualifier === '125') invoice.TotalExcl = sum;
		if (qualifier === '176') invoice.TotalVAT = sum;
	}
}

/** Reads an INVOIC message back into Billit's invoice shape. */
export function readInvoic(body: Segment[], header: Segment): EdiInvoice {
	const bgm = body.find((segment) => segment.tag === 'BGM');
	if (!bgm) throw new FlatFileError('The INVOIC has no BGM segment', reference(header));
	const invoice: EdiInvoice = {
		OrderNumber: required(bgm, 2, 'BGM document number'),
		OrderType: value(bgm, 1) === '381' ? 'CreditNote' : 'Invoice', // 381: credit note (UNCL1001)
		Customer: {},
		OrderLines: [],
	};
	let section: Section = 'header';
	let party = '';
	for (const segment of body) {
		const line = invoice.OrderLines[invoice.OrderLines.length - 1];
		const qualifier = value(segment, 1, 1);
		switch (segment.tag) {
			case 'DTM':
				if (qualifier === '137') invoice.OrderDate = compactDate(segment, 1, 'DTM 137 invoice date', 2);
				if (qualifier === '13') invoice.ExpiryDate = compactDate(segment, 1, 'DTM 13 due date', 2);
				break;
			case 'RFF':
				if (qualifier === 'ON') invoice.Reference = value(segment, 1, 2);
				if (qualifier === 'VA' && party === 'BY') invoice.Customer.VATNumber = value(segment, 1, 2);
				break;
			case 'NAD':
				party = qualifier;
				if (party === 'BY') invoice.Customer.Name = value(segment, 4) || undefined;
				break;
			case 'CUX':
				invoice.Currency = value(segment, 1, 2);
				break;
			case 'LIN':
				section = 'lines';
				invoice.OrderLines.push(value(segment, 3) ? { Reference: value(segment, 3) } : {});
				break;
			case 'IMD':
				if (line) line.Description = value(segment, 3, 4);
				break;
			case 'QTY':
				if (line) {
					line.Quantity = amount(segment, 1, 'QTY quantity', 2);
					if (value(segment, 1, 3)) line.Unit = value(segment, 1, 3);
				}
				break;
			case 'PRI':
				if (line) line.UnitPriceExcl = amount(segment, 1, 'PRI price', 2);
				break;
			case 'TAX':
				if (line && value(segment, 5, 4)) line.VATPercentage = amount(segment, 5, 'TAX rate', 4);
				break;
			case 'MOA':
				readMoa(invoice, segment, section);
				break;
			case 'UNS':
				section = 'summary';
				break;
			case 'CNT':
				if (qualifier === '2' && amount(segment, 1, 'CNT line count', 2) !== invoice.OrderLines.length) {
					throw new FlatFileError(`CNT says ${value(segment, 1, 2)} lines, the invoice has ${invoice.OrderLines.length}`, reference(segment, 1));
				}
				break;
		}
	}
	if (!invoice.OrderDate) throw new FlatFileError('The INVOIC has no DTM 137 invoice date', reference(bgm));
	if (invoice.TotalIncl === undefined) throw new FlatFileError('The INVOIC has no MOA 77 total', reference(header));
	return invoice;
}

/** Reads an 810 body back into Billit's invoice shape. */
export function read810(body: Segment[], header: Segment): EdiInvoice {
	const big = body.find((segment) => segment.tag === 'BIG');
	if (!big) throw new FlatFileError('The 810 has no BIG segment', reference(header));
	const invoice: EdiInvoice = {
		OrderNumber: required(big, 2, 'BIG02 invoice number'),
		OrderDate: compactDate(big, 1, 'BIG01 invoice date'),
		OrderType: value(big, 7) === 'CR' ? 'CreditNote' : 'Invoice',
		Customer: {},
		OrderLines: [],
	};
	if (value(big, 4)) invoice.Reference = value(big, 4);
	let inSummary = false;
	for (const segment of body) {
		const line = invoice.OrderLines[invoice.OrderLines.length - 1];
		switch (segment.tag) {
			case 'CUR':
				invoice.Currency = required(segment, 2, 'CUR02 currency');
				break;
			case 'DTM':
				if (value(segment, 1) === '814') invoice.ExpiryDate = compactDate(segment, 2, 'DTM02 due date');
				break;
			case 'N1':
				if (value(segment, 1) === 'BY') {
					invoice.Customer.Name = value(segment, 2) || undefined;
					if (value(segment, 3) === '92') invoice.Customer.VATNumber = value(segment, 4);
				}
				break;
			case 'IT1':
				invoice.OrderLines.push({
					Quantity: x12Amount(segment, 2, 'IT102 quantity'),
					Unit: value(segment, 3) || undefined,
					UnitPriceExcl: x12Amount(segment, 4, 'IT104 unit price'),
					...(value(segment, 7) ? { Reference: value(segment, 7) } : {}),
				});
				break;
			case 'PID':
				if (line) line.Description = value(segment, 5);
				break;
			case 'TXI':
				if (inSummary) {
					invoice.TotalVAT = x12Amount(segment, 2, 'TXI02 tax amount');
				} else if (line) {
					if (value(segment, 2)) line.TotalVAT = x12Amount(segment, 2, 'TXI02 tax amount');
					line.VATPercentage = x12Amount(segment, 3, 'TXI03 tax percent');
				}
				break;
			case 'TDS':
				inSummary = true;
				invoice.TotalIncl = x12Amount(segment, 1, 'TDS01 total') / 100;
				break;
			case 'CTT': {
				const declared = x12Amount(segment, 1, 'CTT01 line count');
				if (declared !== invoice.OrderLines.length) {
					throw new FlatFileError(
						`CTT01 says ${declared} lines, the invoice has ${invoice.OrderLines.length}`,
						reference(segment, 1),
					);
				}
				break;
			}
		}
	}
	if (invoice.TotalIncl === undefined) throw new FlatFileError('The 810 has no TDS total', reference(header));
	return invoice;
}

function unpad(text: string, column: FixedColumnSpec): string {
	const padding = column.padding ?? ' ';
	let value = text;
	if ((column.align ?? 'left') === 'right') {
		while (value.startsWith(padding) && value.length > 1) value = value.slice(1);
	} else {
		while (value.endsWith(padding)) value = value.slice(0, -1);
	}
	return value === padding && padding !== '0' ? '' : value.trim();
}

/** Reads fixed-width text by the layout; a short line is an error naming the line. */
export function fixedWidthToRecords(text: string, layout: FixedWidthLayout): ParsedRecord[] {
	validateFixedLayout(layout);
	const width = lineWidth(layout);
	const records: ParsedRecord[] = [];
	text.split(/\r?\n/).forEach((text, index) => {
		if (text.trim() === '') return;
		const lineNumber = index + 1;
		const line = Array.from(text);
		if (line.length < width) {
			throw new FlatFileError(
				`The line is ${line.length} characters long; the layout needs ${width}`,
				lineLocation(lineNumber),
			);
		}
		const values: Record<string, unknown> = {};
		for (const column of layout.columns) {
			const cell = unpad(line.slice(column.start - 1, column.start - 1 + column.length).join(''), column);
			try {
				const value = readCell(cell, column);
				if (value !== undefined) writeFieldPath(values, column.path, value);
			} catch (error) {
				throw relocated(error, { location: lineLocation(lineNumber) });
			}
		}
		records.push({ line: lineNumber, values });
	});
	return records;
}
