import type { CommercialDocument } from './model';

type Setter = (document: CommercialDocument, value: string) => void;

const DATE_WITH_OPTIONAL_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

/** The `YYYY-MM-DD` of a real calendar date (a time after it is dropped); undefined otherwise. */
export function ublDate(value: string): string | undefined {
	const match = DATE_WITH_OPTIONAL_TIME.exec(value);
	if (!match) return undefined;
	const [year, month, day] = match.slice(1, 4).map(Number);
	const date = new Date(Date.UTC(year, month - 1, day));
	const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
	return real ? value.slice(0, 10) : undefined;
}

/** Fields that UBL types as a date: written only when the value is a valid date. */
const DATE_PATHS = new Set(['TaxPointDate', 'InvoicePeriod.StartDate', 'InvoicePeriod.EndDate']);

/**
 * Billit `CustomFields` keyed by a UBL path add Peppol fields its JSON lacks. Paths are written
 * from the root (`Invoice.` or `CreditNote.`, both accepted for either kind).
 */
const SETTERS: Record<string, Setter> = {
	'OrderReference.ID': (d, v) => (d.orderReference = { ...d.orderReference, id: v }),
	'OrderReference.SalesOrderID': (d, v) => (d.orderReference = { ...d.orderReference, salesOrderId: v }),
	BuyerReference: (d, v) => (d.buyerReference = v),
	AccountingCost: (d, v) => (d.accountingCost = v),
	Note: (d, v) => (d.notes = [...(d.notes ?? []), v]),
	TaxPointDate: (d, v) => (d.taxPointDate = v),
	'InvoicePeriod.StartDate': (d, v) => (d.period = { ...d.period, startDate: v }),
	'InvoicePeriod.EndDate': (d, v) => (d.period = { ...d.period, endDate: v }),
	'ContractDocumentReference.ID': (d, v) => (d.contractReference = v),
	'ProjectReference.ID': (d, v) => (d.projectReference = v),
	'DespatchDocumentReference.ID': (d, v) => (d.despatchReference = v),
	'ReceiptDocumentReference.ID': (d, v) => (d.receiptReference = v),
	'OriginatorDocumentReference.ID': (d, v) => (d.originatorReference = v),
	'PaymentTerms.Note': (d, v) => (d.paymentTerms = v),
};

const ROOT_PREFIX = /^(?:Invoice|CreditNote)\./;

function ublPathOf(key: string): string | undefined {
	return ROOT_PREFIX.test(key) ? key.replace(ROOT_PREFIX, '') : undefined;
}

function textValue(value: unknown): string | undefined {
	if (typeof value === 'string') return value.trim() || undefined;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return undefined;
}

/** The value to write for a supported path, or undefined when it cannot be written there. */
function valueFor(path: string, raw: unknown): string | undefined {
	const value = textValue(raw);
	if (value === undefined || !DATE_PATHS.has(path)) return value;
	return ublDate(value);
}

/** Applies the supported UBL-path custom fields to the document. */
export function applyUblCustomFields(document: CommercialDocument, customFields: Record<string, unknown> = {}): void {
	for (const [key, raw] of Object.entries(customFields)) {
		const path = ublPathOf(key);
		if (!path || !Object.hasOwn(SETTERS, path)) continue;
		const value = valueFor(path, raw);
		if (value !== undefined) SETTERS[path](document, value);
	}
}
