/** One payment read from a remittance file, ready for Billit's "add payment". */
export interface RemittancePayment {
	invoiceNumber: string;
	amount: number;
	currency: string;
	/** YYYY-MM-DD. */
	date: string;
	payerReference?: string;
	payerName?: string;
	/** 0-based index of the payment in its file: with the file hash, its idempotency key. */
	index: number;
	/** Where it was read ("line 3", "segment 12 (RMR)"). */
	source: string;
}
