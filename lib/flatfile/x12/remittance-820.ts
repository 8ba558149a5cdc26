import { FlatFileError, segmentLocation } from '../errors';
import { roundAmount } from '../formats';
import type { RemittancePayment } from '../payment';
import { x12Amount, compactDate, reference, required, value, type Segment } from '../segments';

/** RMR01 qualifiers that name a document Billit knows by its number. */
const DOCUMENT_QUALIFIERS = new Set(['IV', 'OI', 'CR']);

/**
 * Payments of one 820 transaction set: one per RMR naming an invoice. The payment date is BPR16,
 * the payer reference TRN02, the payer N1*PR. The RMR amounts plus ADX adjustments must add up to
 * BPR02, so a damaged file is not posted in part.
 */
export function read820(body: Segment[], header: Segment, defaultCurrency: string): Omit<RemittancePayment, 'index'>[] {
	const bpr = body.find((segment) => segment.tag === 'BPR');
	if (!bpr) throw new FlatFileError('The 820 has no BPR segment', { position: header.position, tag: header.tag });
	const total = x12Amount(bpr, 2, 'BPR02 payment amount');
	const date = compactDate(bpr, 16, 'BPR16 payment date');
	const trn = body.find((segment) => segment.tag === 'TRN');
	const cur = body.find((segment) => segment.tag === 'CUR');
	const payer = body.find((segment) => segment.tag === 'N1' && value(segment, 1) === 'PR');
	const currency = cur ? required(cur, 2, 'CUR02 currency') : defaultCurrency;
	const payments: Omit<RemittancePayment, 'index'>[] = [];
	let sum = 0;
	for (const segment of body) {
		if (segment.tag === 'ADX') sum += x12Amount(segment, 1, 'ADX01 adjustment amount');
		if (segment.tag !== 'RMR') continue;
		const paid = x12Amount(segment, 4, 'RMR04 amount paid');
		sum += paid;
		if (!DOCUMENT_QUALIFIERS.has(value(segment, 1))) continue;
		payments.push({
			invoiceNumber: required(segment, 2, 'RMR02 invoice number'),
			amount: paid,
			currency,
			date,
			...(trn && value(trn, 2) ? { payerReference: value(trn, 2) } : {}),
			...(payer && value(payer, 2) ? { payerName: value(payer, 2) } : {}),
			source: segmentLocation(segment.position, segment.tag),
		});
	}
	if (roundAmount(sum) !== roundAmount(total)) {
		throw new FlatFileError(
			`BPR02 total ${total} differs from the sum of the RMR amounts and adjustments ${roundAmount(sum)}`,
			reference(bpr, 2),
		);
	}
	return payments;
}
