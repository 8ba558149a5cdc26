import { createHash } from 'node:crypto';

import type { RemittancePayment } from './payment';

export function fileHash(bytes: Uint8Array): string {
	return createHash('sha256').update(bytes).digest('hex');
}

/** What tells one remittance payment from another; the payer's name may be corrected in a resent file. */
export type PaymentIdentity = Pick<RemittancePayment, 'invoiceNumber' | 'amount' | 'currency' | 'date' | 'payerReference'>;

/**
 * The idempotency key of each payment of a file, in file order (letters and digits, as Billit asks). A key comes from the payment itself
 * (invoice number, amount, currency, date, payer reference) and its occurrence among identical
 * payments of the file, not from the file's bytes: when a file is corrected and sent again (an
 * unknown invoice number fixed), its unchanged payments keep their keys and are not posted twice.
 */
export function paymentIdempotencyKeys(payments: PaymentIdentity[]): string[] {
	const occurrences = new Map<string, number>();
	return payments.map((payment) => {
		const identity = JSON.stringify([payment.invoiceNumber, payment.amount, payment.currency, payment.date, payment.payerReference ?? '']);
		const occurrence = occurrences.get(identity) ?? 0;
		occurrences.set(identity, occurrence + 1);
		const digest = createHash('sha256').update(`${identity}#${occurrence}`).digest('hex');
		return `remittance${digest.slice(0, 32)}`;
	});
}
