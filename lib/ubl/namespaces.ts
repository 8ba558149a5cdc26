export const CAC = 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2';
export const CBC = 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2';

export const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

export const ROOT_NAMESPACES = {
	Invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
	CreditNote: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
	ApplicationResponse: 'urn:oasis:names:specification:ubl:schema:xsd:ApplicationResponse-2',
} as const;

export type UblRootName = keyof typeof ROOT_NAMESPACES;

export const PEPPOL_BILLING_CUSTOMIZATION_ID =
	'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0';
export const PEPPOL_BILLING_PROFILE_ID = 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0';

export const INVOICE_RESPONSE_CUSTOMIZATION_ID = 'urn:fdc:peppol.eu:poacc:trns:invoice_response:3';
export const MESSAGE_LEVEL_RESPONSE_CUSTOMIZATION_ID = 'urn:fdc:peppol.eu:poacc:trns:mlr:3';
