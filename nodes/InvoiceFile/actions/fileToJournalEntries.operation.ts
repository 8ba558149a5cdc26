import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { billitRequest } from '../../../lib/billit/request/request';
import { journalPerInvoice, readJournalCsv, type InvoiceJournal } from '../../../lib/flatfile/journal';
import { compact } from '../../shared/compact';
import { findInvoiceByNumber } from '../helpers/findInvoice';
import {
	binaryPropertyProperty,
	columnsProperty,
	delimiterProperty,
	encodingProperty,
	headerRowProperty,
	maxFileSizeProperty,
	readCsvLayout,
	readPartnerFile,
} from '../descriptions/layout';

const show = { operation: ['fileToJournalEntries'] };

export const description: INodeProperties[] = [
	{
		displayName:
			'Each invoice\'s lines replace its booking entries in Billit (PUT /v1/orders/{orderID}/bookingEntries), so a file processed twice books the same. Each line is sent as Billit\'s BookingEntry: AccountCode (a whole number), Amount (positive), DebetOrCredit ("Debet" or "Credit", from the sign) and VAT1-VAT3 when the columns vat1-vat3 are mapped. The description is not sent: the BookingEntry model has no field for it.',
		name: 'journalNotice',
		type: 'notice',
		default: '',
		displayOptions: { show },
	},
	{ ...binaryPropertyProperty, displayOptions: { show } },
	columnsProperty(show, 'invoiceNumber, accountCode, amount (or debit and credit), description'),
	delimiterProperty(show),
	headerRowProperty(show),
	{ ...encodingProperty, displayOptions: { show } },
	{ ...maxFileSizeProperty, displayOptions: { show } },
	{ displayName: 'Add to Billit', name: 'addToBillit', type: 'hidden', default: true, displayOptions: { show } },
];

/** The lines as Billit's BookingEntry model types them; nothing outside the model is sent. */
function bookingEntries(journal: InvoiceJournal): IDataObject[] {
	return journal.lines.map((line) => {
		const accountCode = Number(line.accountCode.trim());
		if (!/^\d+$/.test(line.accountCode.trim()) || !Number.isSafeInteger(accountCode)) {
			throw new Error(`Account code "${line.accountCode}" is not a whole number (${line.source}): Billit's booking entries take numeric account codes`);
		}
		const [VAT1, VAT2, VAT3] = line.vat ?? [];
		return compact({
			AccountCode: accountCode,
			Amount: Math.abs(line.amount),
			DebetOrCredit: line.amount < 0 ? 'Credit' : 'Debet',
			VAT1,
			VAT2,
			VAT3,
		});
	});
}

async function book(this: IExecuteFunctions, itemIndex: number, journal: InvoiceJournal, entries: IDataObject[]): Promise<IDataObject> {
	const order = await findInvoiceByNumber.call(this, itemIndex, journal.invoiceNumber);
	if (!order) throw new Error(`Invoice ${journal.invoiceNumber} is not known in Billit (${journal.lines[0].source})`);
	await billitRequest.call(this, {
		method: 'PUT',
		path: `/v1/orders/${String(order.OrderID)}/bookingEntries`,
		body: entries,
		itemIndex,
	});
	return { OrderID: order.OrderID as number, booked: true };
}

/**
 * One item per invoice of a GL journal CSV. Every invoice is attempted; unknown ones come out with
 * `error`, or fail the node after the others were booked when "continue on fail" is off.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const layout = readCsvLayout.call(this, itemIndex);
	const { text } = await readPartnerFile.call(this, itemIndex);
	const journals = journalPerInvoice(readJournalCsv(text, layout));
	const output: INodeExecutionData[] = [];
	const failures: string[] = [];
	for (const journal of journals) {
		const json: IDataObject = { invoiceNumber: journal.invoiceNumber };
		try {
			json.entries = bookingEntries(journal);
			Object.assign(json, await book.call(this, itemIndex, journal, json.entries as IDataObject[]));
		} catch (error) {
			failures.push((error as Error).message);
			Object.assign(json, { booked: false, error: (error as Error).message });
		}
		output.push({ json });
	}
	if (failures.length > 0 && !this.continueOnFail()) {
		throw new Error(`${failures.length} of ${journals.length} invoices were not booked: ${failures.join('; ')}`);
	}
	return output;
}
