import { FlatFileError, lineLocation } from './errors';
import type { RemittancePayment } from './payment';
import { csvToRecords, type CsvLayout } from './tabular';

/**
 * Payments from a remittance CSV. The layout's column paths name payment fields (`invoiceNumber`,
 * `amount`, `date`, `currency`, `payerReference`, `payerName`); invoice number, amount and date
 * are required on every row.
 */
export function readCsvRemittance(text: string, layout: CsvLayout, defaultCurrency: string): Array<Omit<RemittancePayment, 'index'>> {
	for (const field of ['invoiceNumber', 'amount', 'date']) {
		if (!layout.columns.some((column) => column.path === field)) {
			throw new FlatFileError(`The column mapping has no column for "${field}"`);
		}
	}
	return csvToRecords(text, layout).map(({ line, values }) => {
		for (const field of ['invoiceNumber', 'amount', 'date']) {
			if (values[field] === undefined) throw new FlatFileError(`The ${field} is empty`, lineLocation(line));
		}
		if (typeof values.amount !== 'number') {
			throw new FlatFileError('The amount column must have the decimal format', lineLocation(line));
		}
		return {
			invoiceNumber: String(values.invoiceNumber),
			amount: values.amount,
			currency: values.currency === undefined ? defaultCurrency : String(values.currency),
			date: String(values.date),
			...(values.payerReference === undefined ? {} : { payerReference: String(values.payerReference) }),
			...(values.payerName === undefined ? {} : { payerName: String(values.payerName) }),
			source: lineLocation(line),
		};
	});
}
