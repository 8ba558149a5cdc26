import { lineLocation } from './errors';
import type { RemittancePayment } from './payment';
import { assertFilled, assertMapped, decimalValue } from './required-fields';
import { csvToRecords, type CsvLayout } from './tabular';

const REQUIRED = ['invoiceNumber', 'amount', 'date'] as const;

/**
 * Payments from a remittance CSV. The layout's column paths name payment fields (`invoiceNumber`,
 * `amount`, `date`, `currency`, `payerReference`, `payerName`); invoice number, amount and date
 * are required on every row.
 */
export function readCsvRemittance(text: string, layout: CsvLayout, defaultCurrency: string): Array<Omit<RemittancePayment, 'index'>> {
	assertMapped(layout, REQUIRED);
	return csvToRecords(text, layout).map(({ line, values }) => {
		assertFilled(values, REQUIRED, line);
		return {
			invoiceNumber: String(values.invoiceNumber),
			amount: decimalValue(values, 'amount', line),
			currency: values.currency === undefined ? defaultCurrency : String(values.currency),
			date: String(values.date),
			...(values.payerReference === undefined ? {} : { payerReference: String(values.payerReference) }),
			...(values.payerName === undefined ? {} : { payerName: String(values.payerName) }),
			source: lineLocation(line),
		};
	});
}
