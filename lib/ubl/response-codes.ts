import type { DecodedCode } from './model';

/** Invoice Response (IMR) status codes, UNCL4343 subset used by Peppol. */
export const INVOICE_RESPONSE_CODES: Record<string, string> = {
	AB: 'Message acknowledgement: the invoice was received',
	IP: 'In process: the invoice is being processed',
	UQ: 'Under query: the buyer needs more information before deciding',
	CA: 'Conditionally accepted: accepted under the stated conditions',
	RE: 'Rejected: the invoice will not be processed',
	AP: 'Accepted: the invoice is approved for payment',
	PD: 'Fully paid',
};

/** Message Level Response codes: the transport-level outcome of a received message. */
export const MESSAGE_LEVEL_RESPONSE_CODES: Record<string, string> = {
	AB: 'Message acknowledgement: the message was received',
	AP: 'Accepted: the message passed validation',
	RE: 'Rejected: the message failed validation',
};

/** MLR line response codes (UNCL4343 subset): how serious one reported issue is. */
export const MESSAGE_LEVEL_LINE_CODES: Record<string, string> = {
	RE: 'Rejected',
	AP: 'Accepted',
	AB: 'Acknowledged',
};

/** MLR status reasons of a reported issue. */
export const MESSAGE_LEVEL_ISSUE_CODES: Record<string, string> = {
	BV: 'Business rule violation, fatal',
	BW: 'Business rule violation, warning',
	SV: 'Syntax violation',
};

/** IMR clarification reasons (OPStatusReason). */
export const STATUS_REASON_CODES: Record<string, string> = {
	NON: 'No issue',
	REF: 'References incorrect',
	LEG: 'Legal information incorrect',
	REC: 'Receiver unknown',
	QUA: 'Item quality insufficient',
	DEL: 'Delivery issues',
	PRI: 'Prices incorrect',
	QTY: 'Quantity incorrect',
	ITM: 'Items incorrect',
	PAY: 'Payment information incorrect',
	UNR: 'Not recognized',
	FIN: 'Finance incorrect',
	PPD: 'Partially paid',
	OTH: 'Other',
};

/** IMR requested actions (OPStatusAction). */
export const STATUS_ACTION_CODES: Record<string, string> = {
	NOA: 'No action required',
	PIN: 'Provide information',
	NIN: 'Issue new invoice',
	CNF: 'Credit fully',
	CNP: 'Credit partially',
	CNA: 'Credit the amount',
	OTH: 'Other',
};

export function decodeCode(code: string, table: Record<string, string>, listId?: string): DecodedCode {
	const meaning = Object.hasOwn(table, code) ? table[code] : undefined;
	const decoded: DecodedCode = { code };
	if (meaning !== undefined) decoded.meaning = meaning;
	if (listId !== undefined) decoded.listId = listId;
	return decoded;
}

/** IMR status codes carry their list in `listID`: actions and reasons use different code lists. */
export function decodeInvoiceStatusReason(code: string, listId: string | undefined): DecodedCode {
	const table = listId === 'OPStatusAction' ? STATUS_ACTION_CODES : STATUS_REASON_CODES;
	return decodeCode(code, table, listId);
}

export function decodeMessageIssue(code: string, listId: string | undefined): DecodedCode {
	return decodeCode(code, MESSAGE_LEVEL_ISSUE_CODES, listId);
}
