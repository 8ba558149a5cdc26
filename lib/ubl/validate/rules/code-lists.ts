import type { RuleId } from '../catalog';
import {
	EAS_SCHEMES,
	ICD_6523_SCHEMES,
	ISO_3166_COUNTRIES,
	ISO_4217_CURRENCIES,
	MIME_CODES,
	PEPPOL_ISO_4217_CURRENCIES,
	UNCL_1001_CREDIT_NOTE_TYPES,
	UNCL_1001_INVOICE_TYPES,
	UNCL_2005_PERIOD_CODES,
	UNCL_5189_ALLOWANCE_REASONS,
	UNCL_5305_VAT_CATEGORIES,
	UNCL_7161_CHARGE_REASONS,
	UNECE_REC20_UNITS,
} from '../code-lists';
import type { RuleContext } from '../context';
import { chargeIndicator, child, children, keyOf, textOf } from '../document';
import type { UblElement } from '../types';
import { profileNumber } from './peppol';

/** Type codes Peppol allows in the billing process (profile 01): PEPPOL-EN16931-P0100 and P0101. */
const PROFILE_01_INVOICE_TYPES = new Set(
	'71 80 82 84 102 218 219 326 331 380 382 383 384 386 388 393 395 553 575 623 780 817 870 875 876 877'.split(' '),
);
const PROFILE_01_CREDIT_NOTE_TYPES = new Set(['381', '396', '81', '83', '532']);

const AMOUNT_KEYS = new Set(
	[
		'Amount', 'BaseAmount', 'PriceAmount', 'TaxAmount', 'TaxableAmount', 'LineExtensionAmount', 'TaxExclusiveAmount',
		'TaxInclusiveAmount', 'AllowanceTotalAmount', 'ChargeTotalAmount', 'PrepaidAmount', 'PayableRoundingAmount', 'PayableAmount',
	].map((local) => `cbc:${local}`),
);
const QUANTITY_KEYS = new Set(['cbc:InvoicedQuantity', 'cbc:CreditedQuantity', 'cbc:BaseQuantity']);

/** Code list rules: EN16931 BR-CL and Peppol CL / P01xx rules. */
export function codeListRules(context: RuleContext): void {
	typeCodes(context);
	const { doc } = context;
	const check = (rule: RuleId, elements: readonly UblElement[], allowed: ReadonlySet<string>, value: (e: UblElement) => string): void => {
		for (const element of elements) if (!allowed.has(value(element))) context.report(rule, element);
	};
	const text = (element: UblElement): string => textOf(element);
	const attribute = (name: string) => (element: UblElement) => (element.attributes[name] ?? '').trim();

	check('BR-CL-04', doc.descendants('cbc:DocumentCurrencyCode'), ISO_4217_CURRENCIES, text);
	check('BR-CL-05', doc.descendants('cbc:TaxCurrencyCode'), ISO_4217_CURRENCIES, text);
	const withScheme = (elements: readonly UblElement[]) => elements.filter((element) => element.attributes.schemeID !== undefined);
	// The SEPA creditor identifier (BT-90) is a seller or payee party identifier with scheme SEPA.
	const sepaCreditorIds = new Set(sellerAndPayeeElements(context));
	const partyIds = withScheme(partyIdentifiers(context)).filter((id) => !(attribute('schemeID')(id) === 'SEPA' && sepaCreditorIds.has(id)));
	check('BR-CL-10', partyIds, ICD_6523_SCHEMES, attribute('schemeID'));
	check('BR-CL-11', withScheme(legalRegistrations(context)), ICD_6523_SCHEMES, attribute('schemeID'));
	check('BR-CL-14', countryCodes(context), ISO_3166_COUNTRIES, text);
	check('BR-CL-17', doc.descendants('cac:TaxCategory').flatMap((category) => optional(child(category, 'cbc:ID'))), UNCL_5305_VAT_CATEGORIES, text);
	check('BR-CL-18', doc.descendants('cac:ClassifiedTaxCategory').flatMap((category) => optional(child(category, 'cbc:ID'))), UNCL_5305_VAT_CATEGORIES, text);

	const amounts: UblElement[] = [];
	const quantities: UblElement[] = [];
	for (const element of doc.elements) {
		const key = keyOf(element);
		if (AMOUNT_KEYS.has(key)) amounts.push(element);
		else if (QUANTITY_KEYS.has(key) && element.attributes.unitCode !== undefined) quantities.push(element);
	}
	check('BR-CL-23', quantities, UNECE_REC20_UNITS, attribute('unitCode'));
	check('PEPPOL-EN16931-CL007', amounts, PEPPOL_ISO_4217_CURRENCIES, attribute('currencyID'));

	const binaries = doc.descendants('cbc:EmbeddedDocumentBinaryObject').filter((element) => element.attributes.mimeCode !== undefined);
	check('PEPPOL-EN16931-CL001', binaries, MIME_CODES, (element) => element.attributes.mimeCode ?? '');
	const reasonCodes = (isCharge: boolean) =>
		doc
			.descendants('cac:AllowanceCharge')
			.filter((entry) => chargeIndicator(entry) === isCharge)
			.flatMap((entry) => optional(child(entry, 'cbc:AllowanceChargeReasonCode')));
	check('PEPPOL-EN16931-CL002', reasonCodes(false), UNCL_5189_ALLOWANCE_REASONS, text);
	check('PEPPOL-EN16931-CL003', reasonCodes(true), UNCL_7161_CHARGE_REASONS, text);
	const periodCodes = doc.descendants('cac:InvoicePeriod').flatMap((period) => optional(child(period, 'cbc:DescriptionCode')));
	check('PEPPOL-EN16931-CL006', periodCodes, UNCL_2005_PERIOD_CODES, text);
	const endpoints = doc.descendants('cbc:EndpointID').filter((element) => element.attributes.schemeID !== undefined);
	check('PEPPOL-EN16931-CL008', endpoints, EAS_SCHEMES, (element) => element.attributes.schemeID ?? '');
}

function optional(element: UblElement | undefined): UblElement[] {
	return element ? [element] : [];
}

function partyIdentifiers(context: RuleContext): UblElement[] {
	return context.doc.descendants('cac:PartyIdentification').flatMap((identification) => optional(child(identification, 'cbc:ID')));
}

/** Every element inside the seller (AccountingSupplierParty) and the payee (PayeeParty). */
function sellerAndPayeeElements(context: RuleContext): UblElement[] {
	const { root } = context.doc;
	const found: UblElement[] = [];
	const collect = (element: UblElement): void => {
		found.push(element);
		for (const node of element.children) collect(node);
	};
	for (const party of [...children(root, 'cac:AccountingSupplierParty'), ...children(root, 'cac:PayeeParty')]) collect(party);
	return found;
}

function legalRegistrations(context: RuleContext): UblElement[] {
	return context.doc.descendants('cac:PartyLegalEntity').flatMap((entity) => optional(child(entity, 'cbc:CompanyID')));
}

function countryCodes(context: RuleContext): UblElement[] {
	return context.doc.descendants('cac:Country').flatMap((country) => optional(child(country, 'cbc:IdentificationCode')));
}

function typeCodes(context: RuleContext): void {
	const { root } = context.doc;
	const isProfile01 = profileNumber(root) === '01';
	const invoiceType = child(root, 'cbc:InvoiceTypeCode');
	if (invoiceType) {
		if (!UNCL_1001_INVOICE_TYPES.has(textOf(invoiceType))) context.report('BR-CL-01', invoiceType);
		if (isProfile01 && !PROFILE_01_INVOICE_TYPES.has(textOf(invoiceType))) context.report('PEPPOL-EN16931-P0100', invoiceType);
	}
	const creditNoteType = child(root, 'cbc:CreditNoteTypeCode');
	if (creditNoteType) {
		if (!UNCL_1001_CREDIT_NOTE_TYPES.has(textOf(creditNoteType))) context.report('BR-CL-01', creditNoteType);
		if (isProfile01 && !PROFILE_01_CREDIT_NOTE_TYPES.has(textOf(creditNoteType))) {
			context.report('PEPPOL-EN16931-P0101', creditNoteType);
		}
	}
}
