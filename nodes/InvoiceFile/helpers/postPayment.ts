import type { IExecuteFunctions } from 'n8n-workflow';
import { billitRequest } from '../../../lib/billit/request/request';
import type { RemittancePayment } from '../../../lib/flatfile/payment';
import { findInvoiceByNumber } from './findInvoice';

export type Payment = Omit<RemittancePayment, 'index'>;

export interface PostedPayment {
	OrderID: number;
	PaymentID?: number;
	/** False when Billit already had this payment (its key was used before), so it was not added again. */
	posted: boolean;
}

function describe(payment: Payment): string {
	return [payment.payerName, payment.payerReference].filter(Boolean).join(' ') || `Remittance ${payment.invoiceNumber}`;
}

/**
 * Adds a remittance payment to the invoice with its number, at most once: the payment's stable key
 * goes with the post, and Billit answers a key it has seen with 409 "Idempotent token already
 * exists", which means the payment is already there. An order read does not list its payments, so
 * that answer is the only record of earlier posts.
 */
export async function postPaymentOnce(
	this: IExecuteFunctions,
	itemIndex: number,
	payment: Payment,
	key: string,
): Promise<PostedPayment> {
	if (!Number.isFinite(payment.amount) || payment.amount <= 0) {
		throw new Error(
			`The payment for invoice ${payment.invoiceNumber} has amount ${payment.amount} (${payment.source}): Billit takes positive payment amounts only; record refunds and corrections in Billit itself`,
		);
	}
	const order = await findInvoiceByNumber.call(this, itemIndex, payment.invoiceNumber);
	if (!order) throw new Error(`Invoice ${payment.invoiceNumber} is not known in Billit (${payment.source})`);
	const OrderID = order.OrderID as number;
	let alreadyApplied = false;
	const answer = await billitRequest.call(this, {
		method: 'POST',
		path: `/v1/orders/${String(OrderID)}/payments`,
		body: { Amount: payment.amount, Date: payment.date, Description: describe(payment) },
		idempotencyKey: key,
		onAlreadyApplied: async () => {
			alreadyApplied = true;
			return undefined;
		},
		itemIndex,
	});
	if (alreadyApplied) return { OrderID, posted: false };
	return { OrderID, ...(typeof answer === 'number' ? { PaymentID: answer } : {}), posted: true };
}
