import type { Order } from '../billit/types';
import { buildEdifactInterchange } from './edifact/envelope';
import { invoiceToInvoic } from './edifact/invoic';
import { encodeText, type TextEncodingName } from './encoding';
import { rowsToFixedWidth, validateFixedLayout, type FixedColumnSpec } from './fixed-width';
import { invoiceRows, type RowMode } from './invoice-rows';
import { rowsToCsv, validateCsvLayout } from './tabular';
import type { ColumnSpec } from './columns';
import { buildX12Interchange } from './x12/envelope';
import { invoiceTo810 } from './x12/invoice-810';

export type InvoiceFileFormat = 'csv' | 'fixedWidth' | 'x12' | 'edifact';

export interface InvoiceFileSettings {
	format: InvoiceFileFormat;
	rowMode: RowMode;
	columns: ColumnSpec[] | FixedColumnSpec[];
	delimiter: string;
	includeHeader: boolean;
	/** CSV: cells that would run as spreadsheet formulas are written as text (on by default). */
	neutraliseFormulas?: boolean;
	lineEnding: '\n' | '\r\n';
	encoding: TextEncodingName;
	sender: string;
	receiver: string;
	controlNumber: number;
	date: Date;
	test: boolean;
}

export const FORMAT_FILES: Record<InvoiceFileFormat, { extension: string; mimeType: string }> = {
	csv: { extension: 'csv', mimeType: 'text/csv' },
	fixedWidth: { extension: 'txt', mimeType: 'text/plain' },
	x12: { extension: 'x12', mimeType: 'application/edi-x12' },
	edifact: { extension: 'edi', mimeType: 'application/edifact' },
};

/** Checks the format-dependent settings (delimiter, columns, layout) before any invoice is read. */
export function validateFileSettings(settings: InvoiceFileSettings): void {
	if (settings.format === 'csv') validateCsvLayout(settings);
	if (settings.format === 'fixedWidth') validateFixedLayout({ columns: settings.columns as FixedColumnSpec[] });
}

function renderText(orders: Order[], settings: InvoiceFileSettings): string {
	switch (settings.format) {
		case 'csv':
			return rowsToCsv(invoiceRows(orders, settings.rowMode), settings);
		case 'fixedWidth':
			return rowsToFixedWidth(invoiceRows(orders, settings.rowMode), {
				columns: settings.columns as FixedColumnSpec[],
				lineEnding: settings.lineEnding,
			});
		case 'x12':
			return buildX12Interchange(
				{
					sender: { id: settings.sender },
					receiver: { id: settings.receiver },
					controlNumber: settings.controlNumber,
					date: settings.date,
					usage: settings.test ? 'T' : 'P',
				},
				orders.map(invoiceTo810),
			);
		case 'edifact':
			return buildEdifactInterchange(
				{
					sender: settings.sender,
					receiver: settings.receiver,
					interchangeReference: String(settings.controlNumber),
					date: settings.date,
					test: settings.test,
				},
				orders.map(invoiceToInvoic),
			);
	}
}

/** One partner file for the given invoices, as bytes in the chosen encoding. */
export function invoicesToFile(orders: Order[], settings: InvoiceFileSettings): Buffer {
	return encodeText(renderText(orders, settings), settings.encoding);
}
