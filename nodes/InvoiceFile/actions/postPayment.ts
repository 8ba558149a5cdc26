import { NodeApiError, type IDataObject, type IExecuteFunctions, type JsonObject } from 'n8n-workflow';
import { billitRequest } from '../../../lib/billit/request';
import type { UnknownOutcomeDecision } from '../../../lib/billit/request-core';
import type { RemittancePayment } from '../../../lib/flatfile/payment';
import { companyOf, findInvoiceByNumber } from './findInvoice';

export type Payment = Omit<RemittancePayment, 'index'>;

export interface PostedPayment {
	OrderID: number;
	PaymentID?: number;
	/** False when the payment was already in Billit from an earlier run of the same file. */
	posted: boolean;
}

/** The payment's description ends with its Idempotent-Key, so an earlier post can be recognised. */
function describe(payment: Payment, key: string): string {
	const text = [payment.payerName, payment.payerReference].filter(Boolean).join(' ') || `Remittance ${payment.invoiceNumber}`;
	return `${text} [${key}]`;
}

function paymentCarrying(order: IDataObject, key: string): IDataObject | undefined {
	const payments = Array.isArray(order.Payments) ? (order.Payments as IDataObject[]) : [];
	return payments.find((entry) => typeof entry.Description === 'string' && entry.Description.includes(`[${key}]`));
}

function isKeyAlreadyUsed(error: unknown): boolean {
	return error instanceof NodeApiError && error.httpCode === '409';
}

/**
 * Adds a remittance payment to the invoice with its number. Billit's answer to a reused
 * Idempotent-Key is undocumented (replay, 409 or nothing), so the invoice's payments are read
 * first and a payment carrying the key is not posted again; a 409 on the key means the same.
 */
export async function postPaymentOnce(
	this: IExecuteFunctions,
	itemIndex: number,
	payment: Payment,
	key: string,
): Promise<PostedPayment> {
	const partyId = companyOf.call(this, itemIndex);
	const readOrder = async () => await findInvoiceByNumber.call(this, itemIndex, payment.invoiceNumber);
	const order = await readOrder();
	if (!order) throw new Error(`Invoice ${payment.invoiceNumber} is not known in Billit (${payment.source})`);
	const OrderID = order.OrderID as number;
	const earlier = paymentCarrying(order, key);
	if (earlier) return { OrderID, PaymentID: earlier.PaymentID as number, posted: false };
	const onUnknownOutcome = async (): Promise<UnknownOutcomeDecision> => {
		const again = await readOrder();
		const existing = again && paymentCarrying(again, key);
		return existing ? { exists: true, result: existing.PaymentID } : { exists: false };
	};
	try {
		const PaymentID = await billitRequest.call(this, {
			method: 'POST',
			path: `/v1/orders/${String(OrderID)}/payments`,
			body: { Amount: payment.amount, Date: payment.date, Description: describe(payment, key) },
			idempotencyKey: key,
			onUnknownOutcome,
			partyId,
			itemIndex,
		});
		return { OrderID, PaymentID: PaymentID as number, posted: true };
	} catch (error) {
		if (isKeyAlreadyUsed(error)) return { OrderID, posted: false };
		throw error instanceof NodeApiError ? error : new NodeApiError(this.getNode(), error as JsonObject);
	}
}
