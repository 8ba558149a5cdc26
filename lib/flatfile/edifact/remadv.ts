import { FlatFileError, segmentLocation } from '../errors';
import { roundAmount } from '../formats';
import type { RemittancePayment } from '../payment';
import { amount, compactDate, reference, required, value, type Segment } from '../segments';

const AMOUNT_REMITTED = '12';

function headerDate(body: Segment[], header: Segment): string {
	const dates = body.filter((segment) => segment.tag === 'DTM');
	// Value date (209) is when the money moves; the message date (137) is the fallback.
	const chosen = dates.find((segment) => value(segment, 1, 1) === '209') ?? dates.find((segment) => value(segment, 1, 1) === '137');
	if (!chosen) throw new FlatFileError('The REMADV has no DTM 209 or 137 date', reference(header));
	return compactDate(chosen, 1, `DTM ${value(chosen, 1, 1)} date`, 2);
}

/**
 * Payments of one REMADV D.96A message: one per DOC group with its MOA 12 (amount remitted). The
 * payer reference is BGM's document number, the payer NAD+PR, the currency CUX. When the summary
 * carries MOA 12 it must equal the sum of the documents.
 */
export function readRemadv(body: Segment[], header: Segment, defaultCurrency: string): Omit<RemittancePayment, 'index'>[] {
	const bgm = body.find((segment) => segment.tag === 'BGM');
	const payer = body.find((segment) => segment.tag === 'NAD' && value(segment, 1) === 'PR');
	const cux = body.find((segment) => segment.tag === 'CUX');
	const date = headerDate(body, header);
	const currency = cux ? required(cux, 1, 'CUX currency', 2) : defaultCurrency;
	const payments: Omit<RemittancePayment, 'index'>[] = [];
	let document: Segment | undefined;
	let summary = false;
	let summaryTotal: { value: number; segment: Segment } | undefined;
	const closeDocument = () => {
		if (document) throw new FlatFileError(`Document ${value(document, 2)} has no MOA 12 amount remitted`, reference(document));
	};
	for (const segment of body) {
		if (segment.tag === 'DOC') {
			closeDocument();
			document = segment;
		} else if (segment.tag === 'UNS') {
			closeDocument();
			summary = true;
		} else if (segment.tag === 'MOA' && value(segment, 1, 1) === AMOUNT_REMITTED) {
			const remitted = amount(segment, 1, 'MOA 12 amount remitted', 2);
			if (summary) {
				summaryTotal = { value: remitted, segment };
			} else if (document) {
				payments.push({
					invoiceNumber: required(document, 2, 'DOC document number'),
					amount: remitted,
					currency,
					date,
					...(bgm && value(bgm, 2) ? { payerReference: value(bgm, 2) } : {}),
					...(payer && value(payer, 4) ? { payerName: value(payer, 4) } : {}),
					source: segmentLocation(document.position, document.tag),
				});
				document = undefined;
			}
		}
	}
	closeDocument();
	const sum = roundAmount(payments.reduce((total, payment) => total + payment.amount, 0));
	if (summaryTotal && roundAmount(summaryTotal.value) !== sum) {
		throw new FlatFileError(
			`The total amount remitted ${summaryTotal.value} differs from the sum of the documents ${sum}`,
			reference(summaryTotal.segment, 1),
		);
	}
	return payments;
}
