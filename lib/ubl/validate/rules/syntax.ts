import type { RuleId } from '../catalog';
import type { RuleContext } from '../context';
import { chargeIndicator, child, children, select } from '../document';
import type { UblElement } from '../types';
import { rawFractionDigits } from './decimals';

/** An official cardinality assertion: at most `max` elements at `path` below each context element. */
type AtMost = readonly [rule: RuleId, path: string, max?: number];

const DOCUMENT_LIMITS: readonly AtMost[] = [
	['UBL-SR-01', 'cac:ContractDocumentReference/cbc:ID'],
	['UBL-SR-02', 'cac:ReceiptDocumentReference/cbc:ID'],
	['UBL-SR-03', 'cac:DespatchDocumentReference/cbc:ID'],
	['UBL-SR-05', 'cac:PaymentTerms/cbc:Note'],
	['UBL-SR-08', 'cac:InvoicePeriod'],
	['UBL-SR-09', 'cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName'],
	['UBL-SR-10', 'cac:AccountingSupplierParty/cac:Party/cac:PartyName/cbc:Name'],
	['UBL-SR-11', 'cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyID'],
	['UBL-SR-14', 'cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyLegalForm'],
	['UBL-SR-15', 'cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName'],
	['UBL-SR-16', 'cac:AccountingCustomerParty/cac:Party/cac:PartyIdentification/cbc:ID'],
	['UBL-SR-17', 'cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyID'],
	['UBL-SR-24', 'cac:Delivery'],
	['UBL-SR-39', 'cac:ProjectReference/cbc:ID'],
	['UBL-SR-40', 'cac:AccountingCustomerParty/cac:Party/cac:PartyName/cbc:Name'],
	['UBL-SR-45', 'cac:PaymentMeans/cbc:PaymentDueDate'],
	['UBL-SR-49', 'cac:InvoicePeriod/cbc:DescriptionCode'],
	['UBL-SR-54', 'cac:PaymentMeans/cac:CardAccount'],
	['UBL-SR-55', 'cac:PaymentMeans/cac:PaymentMandate'],
	['UBL-SR-56', 'cac:OriginatorDocumentReference/cbc:ID'],
];

const LINE_LIMITS: readonly AtMost[] = [
	['UBL-SR-34', 'cbc:Note'],
	['UBL-SR-35', 'cac:OrderLineReference/cbc:LineID'],
	['UBL-SR-36', 'cac:InvoicePeriod'],
	['UBL-SR-37', 'cac:Price/cac:AllowanceCharge/cbc:Amount'],
	['UBL-SR-50', 'cac:Item/cbc:Description'],
	['UBL-SR-52', 'cac:DocumentReference'],
];

/** Context element key (`//key`) → its limits. */
const ELEMENT_LIMITS: ReadonlyArray<readonly [string, readonly AtMost[]]> = [
	['cac:AdditionalDocumentReference', [['UBL-SR-33', 'cbc:DocumentDescription']]],
	['cac:Delivery', [['UBL-SR-25', 'cac:DeliveryParty/cac:PartyName/cbc:Name']]],
	['cac:PaymentMeans', [['UBL-SR-26', 'cbc:PaymentID'], ['UBL-SR-27', 'cbc:PaymentMeansCode'], ['UBL-SR-28', 'cac:PaymentMandate/cbc:ID']]],
	['cac:BillingReference', [['UBL-SR-06', 'cac:InvoiceDocumentReference']]],
	['cac:TaxRepresentativeParty', [['UBL-SR-22', 'cac:PartyName/cbc:Name']]],
	['cac:TaxSubtotal', [['UBL-SR-32', 'cac:TaxCategory/cbc:TaxExemptionReason']]],
];

function limit(context: RuleContext, at: UblElement, [rule, path, max = 1]: AtMost): void {
	const found = select(at, path);
	if (found.length > max) context.report(rule, found[max]);
}

function isVatScheme(scheme: UblElement): boolean {
	return select(scheme, 'cac:TaxScheme/cbc:ID').some((id) => id.text.toUpperCase() === 'VAT');
}

/** EN16931 UBL syntax rules (UBL-SR, UBL-DT, the fatal UBL-CR) bound to the UBL structure. */
export function syntaxRules(context: RuleContext): void {
	const { doc } = context;
	const { root } = doc;
	for (const entry of DOCUMENT_LIMITS) limit(context, root, entry);
	for (const line of doc.lines) for (const entry of LINE_LIMITS) limit(context, line, entry);
	for (const [key, limits] of ELEMENT_LIMITS) for (const element of doc.descendants(key)) for (const entry of limits) limit(context, element, entry);

	const invoiceObjects = children(root, 'cac:AdditionalDocumentReference').filter((reference) => select(reference, 'cbc:DocumentTypeCode').some((code) => code.text === '130'));
	const objectIds = invoiceObjects.flatMap((reference) => children(reference, 'cbc:ID'));
	if (objectIds.length > 1) context.report('UBL-SR-04', objectIds[1]);
	const anyInvoiceObjects = doc.descendants('cac:AdditionalDocumentReference').filter((reference) => select(reference, 'cbc:DocumentTypeCode').some((code) => code.text === '130'));
	const withAttachment = anyInvoiceObjects.find((reference) => child(reference, 'cac:Attachment'));
	if (withAttachment) context.report('UBL-CR-666', withAttachment);
	const withDescription = anyInvoiceObjects.find((reference) => child(reference, 'cbc:DocumentDescription'));
	if (withDescription) context.report('UBL-CR-673', withDescription);

	sellerTaxSchemes(context);
	const buyerVat = select(root, 'cac:AccountingCustomerParty/cac:Party/cac:PartyTaxScheme').filter(isVatScheme).flatMap((scheme) => children(scheme, 'cbc:CompanyID'));
	if (buyerVat.length > 1) context.report('UBL-SR-18', buyerVat[1]);

	const sepa = doc.descendants('cac:PartyIdentification').flatMap((identification) => children(identification, 'cbc:ID')).filter((id) => (id.attributes.schemeID ?? '').toUpperCase() === 'SEPA');
	if (sepa.length > 1) context.report('UBL-SR-29', sepa[1]);
	distinctValues(context, doc.descendants('cbc:PaymentID'), 'UBL-SR-44');
	distinctValues(context, doc.descendants('cbc:PaymentMeansCode'), 'UBL-SR-47');
	const meansNames = children(root, 'cac:PaymentMeans').flatMap((means) => children(means, 'cbc:PaymentMeansCode')).filter((code) => code.attributes.name !== undefined);
	if (meansNames.length > 1) context.report('UBL-SR-46', meansNames[1]);

	for (const line of doc.lines) {
		if (select(line, 'cac:Item/cac:ClassifiedTaxCategory').length !== 1) context.report('UBL-SR-48', line, 'cac:Item/cac:ClassifiedTaxCategory');
	}
	for (const reference of doc.descendants('cac:AdditionalDocumentReference')) {
		const type = select(reference, 'cbc:DocumentTypeCode');
		const ok =
			type.some((code) => code.text === '130') ||
			(doc.isCreditNote && type.some((code) => code.text === '50')) ||
			(!children(reference, 'cbc:ID').some((id) => id.attributes.schemeID !== undefined) && type.length === 0);
		if (!ok) context.report('UBL-SR-43', reference);
	}
	for (const reference of doc.descendants('cac:BillingReference')) {
		if (select(reference, 'cac:InvoiceDocumentReference/cbc:ID').length === 0) context.report('UBL-SR-07', reference, 'cac:InvoiceDocumentReference/cbc:ID');
	}
	for (const key of ['cac:PostalAddress', 'cac:Address']) {
		for (const address of doc.descendants(key)) {
			const lines = children(address, 'cac:AddressLine');
			if (lines.length > 1) context.report('UBL-SR-51', lines[1]);
		}
	}
	for (const isCharge of [false, true]) {
		for (const entry of doc.descendants('cac:AllowanceCharge').filter((element) => chargeIndicator(element) === isCharge)) {
			const reasons = children(entry, 'cbc:AllowanceChargeReason');
			if (reasons.length > 1) context.report(isCharge ? 'UBL-SR-31' : 'UBL-SR-30', reasons[1]);
		}
	}
	for (const scheme of doc.descendants('cac:PartyTaxScheme')) {
		if (select(scheme, 'cac:TaxScheme/cbc:ID').length === 0 || !child(scheme, 'cbc:CompanyID')) context.report('UBL-SR-53', scheme);
	}
	representative(context);
	payee(context);
	dataTypes(context);
}

function sellerTaxSchemes(context: RuleContext): void {
	const schemes = children(context.doc.supplier, 'cac:PartyTaxScheme');
	if (schemes.length > 2) context.report('UBL-SR-42', schemes[2]);
	const vat = schemes.filter(isVatScheme).flatMap((scheme) => children(scheme, 'cbc:CompanyID'));
	if (vat.length > 1) context.report('UBL-SR-12', vat[1]);
	const other = schemes
		.filter((scheme) => select(scheme, 'cac:TaxScheme/cbc:ID').some((id) => id.text.toUpperCase() !== 'VAT'))
		.flatMap((scheme) => children(scheme, 'cbc:CompanyID'));
	if (other.length > 1) context.report('UBL-SR-13', other[1]);
}

/** The official test counts distinct values (`not(preceding::x = .)`), raw text compared. */
function distinctValues(context: RuleContext, elements: readonly UblElement[], rule: RuleId): void {
	const seen = new Set<string>();
	for (const element of elements) {
		seen.add(element.text);
		if (seen.size > 1) {
			context.report(rule, element);
			return;
		}
	}
}

function representative(context: RuleContext): void {
	const party = context.doc.taxRepresentative;
	if (!party) return;
	// Release 2025.5 looks one level too deep (cac:Party/cac:PartyTaxScheme); 2026.5 corrected the path.
	const path = context.release === '2025.5' ? 'cac:Party/cac:PartyTaxScheme/cbc:CompanyID' : 'cac:PartyTaxScheme/cbc:CompanyID';
	const ids = select(party, path);
	if (ids.length > 1) context.report('UBL-SR-23', ids[1]);
}

/**
 * UBL-SR-19 to -21 each also require the payee name to differ from the seller's registration name, compared as
 * XPath sequences: a missing payee name or seller registration name fails the comparison, so all three fire.
 */
function payee(context: RuleContext): void {
	const { root } = context.doc;
	for (const party of children(root, 'cac:PayeeParty')) {
		const names = select(party, 'cac:PartyName/cbc:Name').map((name) => name.text);
		const sellerNames = select(root, 'cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName').map((name) => name.text);
		const differs = names.some((name) => sellerNames.some((seller) => seller !== name));
		const nonSepaIds = select(party, 'cac:PartyIdentification/cbc:ID').filter((id) => (id.attributes.schemeID ?? '').toUpperCase() !== 'SEPA');
		if (!(names.length <= 1 && differs)) context.report('UBL-SR-19', party);
		if (!(nonSepaIds.length <= 1 && differs)) context.report('UBL-SR-20', party);
		if (!(select(party, 'cac:PartyLegalEntity/cbc:CompanyID').length <= 1 && differs)) context.report('UBL-SR-21', party);
	}
}

/** UBL-DT-01 (two fraction digits on amounts except prices), UBL-DT-06/-07 (binary object attributes). */
function dataTypes(context: RuleContext): void {
	const { doc } = context;
	// Amounts anywhere inside a Price that has a price discount are not checked (the official context excludes them).
	const exempt = new Set<UblElement>();
	for (const price of doc.descendants('cac:Price')) {
		if (!child(price, 'cac:AllowanceCharge')) continue;
		const stack = [...price.children];
		while (stack.length) {
			const node = stack.pop()!;
			exempt.add(node);
			stack.push(...node.children);
		}
	}
	for (const element of doc.elements) {
		const name = element.name;
		if (name.endsWith('Amount') && !name.endsWith('PriceAmount') && !exempt.has(element)) {
			if (rawFractionDigits(element) > 2) context.report('UBL-DT-01', element);
		}
		if (name.endsWith('BinaryObject')) {
			if (element.attributes.mimeCode === undefined) context.report('UBL-DT-06', element);
			if (element.attributes.filename === undefined) context.report('UBL-DT-07', element);
		}
	}
}
