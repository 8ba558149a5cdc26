import type { RuleId } from '../catalog';
import type { CodeLists } from '../code-lists';
import type { RuleContext } from '../context';
import { chargeIndicator, child, children, first, normalizeSpace, textOf } from '../document';
import type { UblElement } from '../types';
import { profileNumber } from './peppol';

const AMOUNT_KEYS = new Set(
	[
		'Amount', 'BaseAmount', 'PriceAmount', 'TaxAmount', 'TaxableAmount', 'LineExtensionAmount', 'TaxExclusiveAmount',
		'TaxInclusiveAmount', 'AllowanceTotalAmount', 'ChargeTotalAmount', 'PrepaidAmount', 'PayableRoundingAmount', 'PayableAmount',
	].map((local) => `cbc:${local}`),
);
const QUANTITY_KEYS = new Set(['cbc:InvoicedQuantity', 'cbc:CreditedQuantity', 'cbc:BaseQuantity']);

/** Exemption reason code → the VAT category Peppol requires with it (PEPPOL-EN16931-P0104 to P0111). */
const EXEMPTION_CATEGORIES: ReadonlyArray<readonly [code: string, category: string, rule: RuleId]> = [
	['VATEX-EU-G', 'G', 'PEPPOL-EN16931-P0104'],
	['VATEX-EU-O', 'O', 'PEPPOL-EN16931-P0105'],
	['VATEX-EU-IC', 'K', 'PEPPOL-EN16931-P0106'],
	['VATEX-EU-AE', 'AE', 'PEPPOL-EN16931-P0107'],
	['VATEX-EU-D', 'E', 'PEPPOL-EN16931-P0108'],
	['VATEX-EU-F', 'E', 'PEPPOL-EN16931-P0109'],
	['VATEX-EU-I', 'E', 'PEPPOL-EN16931-P0110'],
	['VATEX-EU-J', 'E', 'PEPPOL-EN16931-P0111'],
];

const text = (element: UblElement): string => textOf(element);
const attribute = (name: string) => (element: UblElement) => normalizeSpace(element.attributes[name] ?? '');
const withAttribute = (name: string, elements: readonly UblElement[]) => elements.filter((element) => element.attributes[name] !== undefined);
/** `parent/child` pairs: the children with that key of every element with the parent key. */
const under = (context: RuleContext, parent: string, key: string) => context.doc.descendants(parent).flatMap((element) => children(element, key));

/** Code list rules: EN16931 BR-CL, Peppol CL and the Peppol type and category code rules. */
export function codeListRules(context: RuleContext): void {
	const { doc, lists } = context;
	const check = (rule: RuleId, elements: readonly UblElement[], list: keyof CodeLists, value: (e: UblElement) => string): void => {
		const allowed = lists[list];
		for (const element of elements) if (!allowed.has(value(element))) context.report(rule, element);
	};
	typeCodes(context);

	const amounts: UblElement[] = [];
	const quantities: UblElement[] = [];
	for (const element of doc.elements) {
		const key = doc.keyOf(element);
		if (AMOUNT_KEYS.has(key)) amounts.push(element);
		else if (QUANTITY_KEYS.has(key) && element.attributes.unitCode !== undefined) quantities.push(element);
	}
	check('BR-CL-03', amounts, 'ISO4217', attribute('currencyID'));
	check('BR-CL-04', doc.descendants('cbc:DocumentCurrencyCode'), 'ISO4217', text);
	check('BR-CL-05', doc.descendants('cbc:TaxCurrencyCode'), 'ISO4217', text);
	const periodCodes = under(context, 'cac:InvoicePeriod', 'cbc:DescriptionCode');
	check('BR-CL-06', periodCodes, 'UNTDID2005', text);
	const objectIds = ['cac:AdditionalDocumentReference', 'cac:DocumentReference'].flatMap((key) =>
		doc.descendants(key).filter((reference) => children(reference, 'cbc:DocumentTypeCode').some((code) => code.text === '130')).flatMap((reference) => children(reference, 'cbc:ID')),
	);
	check('BR-CL-07', withAttribute('schemeID', objectIds), 'UNTDID1153', attribute('schemeID'));
	noteSubjects(context);
	// The SEPA creditor identifier (BT-90) is a seller or payee party identifier with scheme SEPA.
	const sepaCreditorIds = new Set(sellerAndPayeeElements(context));
	const partyIds = withAttribute('schemeID', under(context, 'cac:PartyIdentification', 'cbc:ID')).filter(
		(id) => !(lists.ICD_SEPA.has(attribute('schemeID')(id)) && sepaCreditorIds.has(id)),
	);
	check('BR-CL-10', partyIds, 'ICD', attribute('schemeID'));
	check('BR-CL-11', withAttribute('schemeID', under(context, 'cac:PartyLegalEntity', 'cbc:CompanyID')), 'ICD', attribute('schemeID'));
	check('BR-CL-13', withAttribute('listID', under(context, 'cac:CommodityClassification', 'cbc:ItemClassificationCode')), 'UNTDID7143', attribute('listID'));
	check('BR-CL-14', under(context, 'cac:Country', 'cbc:IdentificationCode'), 'ISO3166', text);
	check('BR-CL-15', under(context, 'cac:OriginCountry', 'cbc:IdentificationCode'), 'ISO3166', text);
	check('BR-CL-16', under(context, 'cac:PaymentMeans', 'cbc:PaymentMeansCode'), 'UNTDID4461', text);
	check('BR-CL-17', under(context, 'cac:TaxCategory', 'cbc:ID'), 'UNTDID5305', text);
	check('BR-CL-18', under(context, 'cac:ClassifiedTaxCategory', 'cbc:ID'), 'UNTDID5305', text);
	const reasonCodes = (isCharge: boolean) =>
		doc.descendants('cac:AllowanceCharge').filter((entry) => chargeIndicator(entry) === isCharge).flatMap((entry) => children(entry, 'cbc:AllowanceChargeReasonCode'));
	check('BR-CL-19', reasonCodes(false), 'UNTDID5189', text);
	check('BR-CL-20', reasonCodes(true), 'UNTDID7161', text);
	check('BR-CL-21', withAttribute('schemeID', under(context, 'cac:StandardItemIdentification', 'cbc:ID')), 'ICD', attribute('schemeID'));
	check('BR-CL-22', doc.descendants('cbc:TaxExemptionReasonCode'), 'VATEX', (element) => text(element).toUpperCase());
	check('BR-CL-23', quantities, 'REC20', attribute('unitCode'));
	const binaries = withAttribute('mimeCode', doc.descendants('cbc:EmbeddedDocumentBinaryObject'));
	check('BR-CL-24', binaries, 'MIME', (element) => element.attributes.mimeCode ?? '');
	const endpoints = withAttribute('schemeID', doc.descendants('cbc:EndpointID'));
	check('BR-CL-25', endpoints, 'EAS', attribute('schemeID'));
	check('BR-CL-26', withAttribute('schemeID', under(context, 'cac:DeliveryLocation', 'cbc:ID')), 'ICD', attribute('schemeID'));

	check('PEPPOL-EN16931-CL001', binaries, 'PEPPOL_MIME', (element) => element.attributes.mimeCode ?? '');
	check('PEPPOL-EN16931-CL002', reasonCodes(false), 'PEPPOL_UNCL5189', text);
	check('PEPPOL-EN16931-CL003', reasonCodes(true), 'PEPPOL_UNCL7161', text);
	check('PEPPOL-EN16931-CL006', periodCodes, 'PEPPOL_UNCL2005', text);
	check('PEPPOL-EN16931-CL007', amounts, 'PEPPOL_ISO4217', (element) => element.attributes.currencyID ?? '');
	check('PEPPOL-EN16931-CL008', endpoints, 'PEPPOL_EAS', (element) => element.attributes.schemeID ?? '');

	for (const category of doc.descendants('cac:TaxCategory')) {
		const codes = children(category, 'cbc:TaxExemptionReasonCode').map((code) => code.text.toUpperCase());
		const match = EXEMPTION_CATEGORIES.find(([code]) => codes.includes(code));
		if (match && textOf(child(category, 'cbc:ID')) !== match[1]) context.report(match[2], category);
	}
}

/** BR-CL-08: a note that starts a subject code between '#' marks uses a UNTDID 4451 code. */
function noteSubjects(context: RuleContext): void {
	for (const note of children(context.doc.root, 'cbc:Note')) {
		const value = note.text;
		const start = value.indexOf('#');
		if (start < 0) continue;
		const end = value.indexOf('#', start + 1);
		const code = end < 0 ? '' : value.slice(start + 1, end);
		if (code.length === 3 && !context.lists.UNTDID4451.has(code)) context.report('BR-CL-08', note);
	}
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

function countryIsGerman(party: UblElement | undefined): boolean {
	return textOf(first(party, 'cac:PostalAddress/cac:Country/cbc:IdentificationCode')).toUpperCase() === 'DE';
}

function typeCodes(context: RuleContext): void {
	const { root, supplier, customer } = context.doc;
	const { lists, release } = context;
	const profile = profileNumber(root, release);
	const profileChecked = release === '2025.5' ? profile === '01' : profile === '01' || profile === '02';
	const bothGerman = countryIsGerman(supplier) && countryIsGerman(customer);
	for (const invoiceType of children(root, 'cbc:InvoiceTypeCode')) {
		const code = textOf(invoiceType);
		if (!lists.UNTDID1001_INVOICE.has(code)) context.report('BR-CL-01', invoiceType);
		if (profileChecked && !lists.PEPPOL_P0100.has(code)) context.report('PEPPOL-EN16931-P0100', invoiceType);
		if ((code === '326' || code === '384') && !bothGerman) context.report('PEPPOL-EN16931-P0112', invoiceType);
	}
	for (const creditNoteType of children(root, 'cbc:CreditNoteTypeCode')) {
		const code = textOf(creditNoteType);
		if (!lists.UNTDID1001_CREDIT_NOTE.has(code)) context.report('BR-CL-01', creditNoteType);
		if (profileChecked && !lists.PEPPOL_P0101.has(code)) context.report('PEPPOL-EN16931-P0101', creditNoteType);
	}
}
