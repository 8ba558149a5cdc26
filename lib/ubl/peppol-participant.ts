/**
 * Peppol participant identifiers as users type them (Belgian VAT or company number, GLN, other EU
 * VAT numbers, explicit `scheme:id`) turned into the identifiers to look up, and a plain verdict on
 * what a registered participant can receive.
 */
import {
	SCHEME_BELGIAN_COMPANY_NUMBER,
	SCHEME_GLN,
	normaliseVatNumber,
	parsePeppolIdentifier,
	vatEndpoint,
} from './peppol-identifiers';
import { isValidBelgianEnterpriseNumber, isValidGln } from './validate/rules/identifiers';

export type ParticipantInputKind = 'belgianCompany' | 'gln' | 'vat' | 'explicit';

export interface ParticipantQuery {
	kind: ParticipantInputKind;
	/** Identifiers to look up, in order of preference, as `scheme:id`. */
	candidates: string[];
}

const SCHEME_BELGIAN_VAT = '9925';

function belgianQuery(companyNumber: string, original: string): ParticipantQuery {
	if (!isValidBelgianEnterpriseNumber(companyNumber)) {
		throw new Error(`"${original}" is not a valid Belgian company number (its check digits do not match)`);
	}
	return {
		kind: 'belgianCompany',
		candidates: [
			`${SCHEME_BELGIAN_COMPANY_NUMBER}:${companyNumber}`,
			`${SCHEME_BELGIAN_VAT}:BE${companyNumber}`,
		],
	};
}

/**
 * What to look up for one typed identifier. A Belgian company is checked under both its company
 * number (0208) and its VAT number (9925), because either may be the one registered.
 */
export function participantQuery(input: string): ParticipantQuery {
	const text = input.trim();
	if (text === '') throw new Error('A participant identifier is required');
	const explicit = parsePeppolIdentifier(text);
	if (explicit) {
		const id = explicit.id.replace(/\s/g, '');
		if (explicit.schemeId === SCHEME_BELGIAN_COMPANY_NUMBER || explicit.schemeId === SCHEME_BELGIAN_VAT) {
			const digits = /^(?:BE)?([01]\d{9})$/i.exec(id.replace(/[.-]/g, ''))?.[1];
			if (digits) return belgianQuery(digits, text);
		}
		return { kind: 'explicit', candidates: [`${explicit.schemeId}:${id}`] };
	}
	const compact = normaliseVatNumber(text);
	const belgian = /^(?:BE)?([01]?\d{9})$/.exec(compact)?.[1];
	if (belgian) return belgianQuery(belgian.padStart(10, '0'), text);
	if (/^\d{13}$/.test(compact)) {
		if (!isValidGln(compact)) throw new Error(`"${text}" is not a valid GLN (its check digit does not match)`);
		return { kind: 'gln', candidates: [`${SCHEME_GLN}:${compact}`] };
	}
	const vat = vatEndpoint(compact);
	if (vat) return { kind: 'vat', candidates: [`${vat.schemeId}:${vat.id}`] };
	throw new Error(
		`"${text}" is not a Belgian VAT or company number, a GLN, an EU VAT number with a Peppol scheme, or a scheme:id such as 0208:0123456749`,
	);
}

export interface ReceivingVerdict {
	canReceiveInvoices: boolean;
	canReceiveCreditNotes: boolean;
	verdict: string;
}

const BIS_BILLING_3 = 'urn:fdc:peppol.eu:2017:poacc:billing:3.0';

/** Billit's model names document types by literal (ParticipantInformationResponse.DocumentTypes). */
const MODEL_LITERALS = { Invoice: 'BISv3Invoice', CreditNote: 'BISv3CreditNote' } as const;

/** Takes the model's literal and the full Peppol document type identifier alike. */
function supports(documentTypes: string[], rootElement: 'Invoice' | 'CreditNote'): boolean {
	const root = `::${rootElement}##`;
	return documentTypes.some(
		(type) => type === MODEL_LITERALS[rootElement] || (type.includes(root) && type.includes(BIS_BILLING_3)),
	);
}

/** Whether a participant takes Peppol BIS Billing 3.0 invoices and credit notes, in words. */
export function receivingVerdict(registered: boolean, documentTypes: string[]): ReceivingVerdict {
	const canReceiveInvoices = registered && supports(documentTypes, 'Invoice');
	const canReceiveCreditNotes = registered && supports(documentTypes, 'CreditNote');
	let verdict: string;
	if (!registered) verdict = 'Not registered on Peppol: cannot receive invoices or credit notes';
	else if (canReceiveInvoices && canReceiveCreditNotes) verdict = 'Can receive invoices and credit notes';
	else if (canReceiveInvoices) verdict = 'Can receive invoices, not credit notes';
	else if (canReceiveCreditNotes) verdict = 'Can receive credit notes, not invoices';
	else verdict = 'Registered on Peppol, but not for BIS Billing 3.0 invoices or credit notes';
	return { canReceiveInvoices, canReceiveCreditNotes, verdict };
}
