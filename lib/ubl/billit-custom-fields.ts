import type { CommercialDocument } from './model';

type Setter = (document: CommercialDocument, value: string) => void;

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

/** Applies the supported UBL-path custom fields to the document. */
export function applyUblCustomFields(document: CommercialDocument, customFields: Record<string, unknown> = {}): void {
	for (const [key, raw] of Object.entries(customFields)) {
		const path = ublPathOf(key);
		const value = textValue(raw);
		if (path && value !== undefined && Object.hasOwn(SETTERS, path)) SETTERS[path](document, value);
	}
}

/** Custom fields that look like UBL paths but are not supported, so a caller can warn about them. */
export function unsupportedUblCustomFields(customFields: Record<string, unknown> = {}): string[] {
	return Object.keys(customFields).filter((key) => {
		const path = ublPathOf(key);
		return path !== undefined && !Object.hasOwn(SETTERS, path);
	});
}
