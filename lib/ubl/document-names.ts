import type { CommercialDocumentKind } from './model';

/** Element names that differ between the Invoice and CreditNote schemas. */
export const KIND_ELEMENT_NAMES: Record<
	CommercialDocumentKind,
	{ typeCode: string; line: string; quantity: string }
> = {
	Invoice: { typeCode: 'cbc:InvoiceTypeCode', line: 'cac:InvoiceLine', quantity: 'cbc:InvoicedQuantity' },
	CreditNote: { typeCode: 'cbc:CreditNoteTypeCode', line: 'cac:CreditNoteLine', quantity: 'cbc:CreditedQuantity' },
};
