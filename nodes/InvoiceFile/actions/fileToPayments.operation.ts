import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { readCsvRemittance } from '../../../lib/flatfile/csv-remittance';
import { fileHash, paymentIdempotencyKeys } from '../../../lib/flatfile/idempotency';
import { readRemittanceInterchange } from '../../../lib/flatfile/inbound';
import { postPaymentOnce, type Payment } from '../helpers/postPayment';
import type { CsvLayout } from '../../../lib/flatfile/tabular';
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

const show = { operation: ['fileToPayments'] };
const csv = { ...show, sourceFormat: ['csv'] };

export const description: INodeProperties[] = [
	{ ...binaryPropertyProperty, displayOptions: { show } },
	{
		displayName: 'File Format',
		name: 'sourceFormat',
		type: 'options',
		options: [
			{ name: 'CSV', value: 'csv' },
			{ name: 'X12 820 or EDIFACT REMADV (Detected)', value: 'edi' },
		],
		default: 'edi',
		displayOptions: { show },
	},
	columnsProperty(csv, 'invoiceNumber, amount, date, currency, payerReference, payerName'),
	delimiterProperty(csv),
	headerRowProperty(csv),
	{ ...encodingProperty, displayOptions: { show } },
	{ ...maxFileSizeProperty, displayOptions: { show } },
	{ displayName: 'Default Currency', name: 'defaultCurrency', type: 'string', default: 'EUR', displayOptions: { show } },
	{
		displayName: 'Add Payments in Billit',
		name: 'addToBillit',
		type: 'boolean',
		default: false,
		description: 'Whether to find each invoice by its number and add the payment there. Each payment is posted with a stable idempotency key made from its invoice number, amount, currency, date and payer reference; Billit answers a key it has seen with "already exists", so a file processed twice, or corrected and sent again, adds each payment once (output "posted": false for those already there). Amounts must be positive: zero and negative amounts are refused. A file with a payment that could not be added fails as a whole, after the others were added.',
		displayOptions: { show },
	},
];

function readPayments(text: string, layout: CsvLayout | undefined, currency: string): Payment[] {
	return layout ? readCsvRemittance(text, layout, currency) : readRemittanceInterchange(text, currency);
}

/**
 * One item per payment. With "Add Payments in Billit" every payment of the file is attempted; when
 * some fail (unknown invoice), the file fails after the others were added, naming each failure, so
 * with "continue on fail" it reaches the error output whole, as files do that cannot be read.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const layout = this.getNodeParameter('sourceFormat', itemIndex) === 'edi' ? undefined : readCsvLayout.call(this, itemIndex);
	const currency = this.getNodeParameter('defaultCurrency', itemIndex) as string;
	const { bytes, text } = await readPartnerFile.call(this, itemIndex);
	const hash = fileHash(bytes);
	const payments = readPayments(text, layout, currency);
	const keys = paymentIdempotencyKeys(payments);
	const post = this.getNodeParameter('addToBillit', itemIndex) as boolean;
	const output: INodeExecutionData[] = [];
	const failures: string[] = [];
	for (const [index, payment] of payments.entries()) {
		const idempotencyKey = keys[index];
		const json: IDataObject = { ...payment, index, fileHash: hash, idempotencyKey };
		if (post) {
			try {
				Object.assign(json, await postPaymentOnce.call(this, itemIndex, payment, idempotencyKey));
			} catch (error) {
				failures.push((error as Error).message);
				continue;
			}
		}
		output.push({ json });
	}
	if (failures.length > 0) {
		throw new Error(`${failures.length} of ${payments.length} payments were not added, ${output.length} added: ${failures.join('; ')}`);
	}
	return output;
}
