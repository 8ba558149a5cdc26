import type { RuleContext } from '../context';
import { child, children, first, hasText, select, textOf } from '../document';
import { compare, decimalOf, divide, doubleOf, equal, type Exact, isZero, minus, ONE, percentOf, plus, round2, sum, times, within, ZERO } from '../decimal';
import type { RuleRelease } from '../releases';
import type { UblElement } from '../types';

const SPECIFICATION_ID = 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0';
// Unanchored with wildcard dots, as the official XPath matches() has it.
const PROFILE_PATTERN = /urn:fdc:peppol.eu:2017:poacc:billing:([0-9]{2}):1.0/;
// From release 2026.5 the profile is one of these identifiers, compared whole.
const PROFILES_2026: Readonly<Record<string, string>> = {
	'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0': '01',
	'urn:peppol:france:billing:regulated': '01',
	'urn:peppol:france:billing:non-regulated': '01',
	'urn:peppol:bis:billing_with_response': '02',
};
const DIRECT_DEBIT_CODES = new Set(['49', '59']);

/** Peppol BIS Billing 3.0 rules PEPPOL-EN16931-R001 to R121. */
export function peppolRules(context: RuleContext): void {
	documentRules(context);
	partyRules(context);
	allowanceChargeRules(context);
	taxTotalRules(context);
	lineRules(context);
	emptyElements(context);
	formatRules(context);
}

/** The business process number (BIS profile), or undefined when the profile ID is malformed. */
export function profileNumber(root: UblElement, release: RuleRelease): string | undefined {
	const profile = textOf(child(root, 'cbc:ProfileID'));
	if (release !== '2025.5') return PROFILES_2026[profile];
	return PROFILE_PATTERN.test(profile) ? profile.split(':')[6] : undefined;
}

function countryOf(party: UblElement | undefined): string {
	return textOf(first(party, 'cac:PostalAddress/cac:Country/cbc:IdentificationCode')).toUpperCase();
}

function documentRules(context: RuleContext): void {
	const { root, supplier, customer } = context.doc;
	if (!child(root, 'cbc:ProfileID')) context.report('PEPPOL-EN16931-R001', root, 'cbc:ProfileID');
	if (profileNumber(root, context.release) === undefined) context.report('PEPPOL-EN16931-R007', child(root, 'cbc:ProfileID') ?? root);

	const notes = children(root, 'cbc:Note');
	const bothGerman = countryOf(supplier) === 'DE' && countryOf(customer) === 'DE';
	if (notes.length > 1 && !bothGerman) context.report('PEPPOL-EN16931-R002', notes[1]);

	if (!child(root, 'cbc:BuyerReference') && !first(root, 'cac:OrderReference/cbc:ID')) {
		context.report('PEPPOL-EN16931-R003', root, 'cbc:BuyerReference');
	}
	const customization = child(root, 'cbc:CustomizationID');
	const customizationText = textOf(customization);
	// Release 2026.5 also refuses '::' in the identifier.
	const malformed = context.release !== '2025.5' && customizationText.includes('::');
	if (!customizationText.startsWith(SPECIFICATION_ID) || malformed) context.report('PEPPOL-EN16931-R004', customization ?? root);

	const taxCurrency = child(root, 'cbc:TaxCurrencyCode');
	if (taxCurrency && textOf(taxCurrency) === context.doc.documentCurrency) context.report('PEPPOL-EN16931-R005', taxCurrency);

	const projects = children(root, 'cac:AdditionalDocumentReference').filter(
		(reference) => textOf(child(reference, 'cbc:DocumentTypeCode')) === '50',
	);
	// The official rule is bound to credit notes only (an invoice has cac:ProjectReference).
	if (context.doc.isCreditNote && projects.length > 1) context.report('PEPPOL-EN16931-R080', projects[1]);

	for (const means of children(root, 'cac:PaymentMeans')) {
		const code = textOf(child(means, 'cbc:PaymentMeansCode'));
		if (DIRECT_DEBIT_CODES.has(code) && !first(means, 'cac:PaymentMandate/cbc:ID')) {
			context.report('PEPPOL-EN16931-R061', means, 'cac:PaymentMandate/cbc:ID');
		}
	}
}

function partyRules(context: RuleContext): void {
	const { customer, supplier } = context.doc;
	if (customer && !child(customer, 'cbc:EndpointID')) context.report('PEPPOL-EN16931-R010', customer, 'cbc:EndpointID');
	if (supplier && !child(supplier, 'cbc:EndpointID')) context.report('PEPPOL-EN16931-R020', supplier, 'cbc:EndpointID');
}

function allowanceChargeRules(context: RuleContext): void {
	const { doc } = context;
	const entries = [...doc.allowanceCharges, ...doc.lines.flatMap((line) => children(line, 'cac:AllowanceCharge'))];
	for (const entry of entries) {
		const percent = child(entry, 'cbc:MultiplierFactorNumeric');
		const base = child(entry, 'cbc:BaseAmount');
		if (percent && !base) context.report('PEPPOL-EN16931-R041', entry, 'cbc:BaseAmount');
		if (base && !percent) context.report('PEPPOL-EN16931-R042', entry, 'cbc:MultiplierFactorNumeric');
		if (percent && base) {
			const baseAmount = decimalOf(base);
			const factor = decimalOf(percent);
			const amount = child(entry, 'cbc:Amount') ? decimalOf(child(entry, 'cbc:Amount')) : ZERO;
			const expected = baseAmount && factor ? percentOf(times(baseAmount, factor)) : undefined;
			if (!amount || !expected || !within(amount, expected, SLACK)) {
				context.report('PEPPOL-EN16931-R040', child(entry, 'cbc:Amount') ?? entry);
			}
		}
		const indicator = textOf(child(entry, 'cbc:ChargeIndicator'));
		if (indicator !== 'true' && indicator !== 'false') {
			context.report('PEPPOL-EN16931-R043', child(entry, 'cbc:ChargeIndicator') ?? entry);
		}
	}
	for (const line of doc.lines) {
		for (const price of children(line, 'cac:Price')) {
			for (const entry of children(price, 'cac:AllowanceCharge')) {
				if (textOf(child(entry, 'cbc:ChargeIndicator')) !== 'false') {
					context.report('PEPPOL-EN16931-R044', child(entry, 'cbc:ChargeIndicator') ?? entry);
				}
				const gross = child(entry, 'cbc:BaseAmount');
				if (!gross) continue;
				const grossAmount = decimalOf(gross);
				const discount = decimalOf(child(entry, 'cbc:Amount'));
				const expected = grossAmount && discount ? minus(grossAmount, discount) : undefined;
				if (!equal(decimalOf(child(price, 'cbc:PriceAmount')), expected)) {
					context.report('PEPPOL-EN16931-R046', child(price, 'cbc:PriceAmount') ?? price);
				}
			}
		}
	}
}

/** The official u:slack() allowance of R040 and R120. */
const SLACK: Exact = { units: 2n, scale: 2 };

function taxTotalRules(context: RuleContext): void {
	const { root, taxTotals, taxCurrency, documentCurrency } = context.doc;
	const withSubtotals = taxTotals.filter((total) => child(total, 'cac:TaxSubtotal'));
	const withoutSubtotals = taxTotals.filter((total) => !child(total, 'cac:TaxSubtotal'));
	if (withSubtotals.length !== 1) context.report('PEPPOL-EN16931-R053', withSubtotals[1] ?? root, withSubtotals[1] ? undefined : 'cac:TaxTotal');
	if (withoutSubtotals.length !== (taxCurrency !== '' ? 1 : 0)) {
		context.report('PEPPOL-EN16931-R054', withoutSubtotals[0] ?? root, withoutSubtotals[0] ? undefined : 'cac:TaxTotal');
	}
	if (taxCurrency === '') return;
	const amounts = select(root, 'cac:TaxTotal/cbc:TaxAmount');
	const signs = (currency: string): number[] =>
		amounts.filter((amount) => amount.attributes.currencyID === currency).map((amount) => doubleOf(amount) ?? 0);
	const accounting = signs(taxCurrency);
	const document = signs(documentCurrency);
	// XPath general comparisons are existential: with no amount in one of the currencies the rule fails.
	const bothNonPositive = accounting.some((value) => value <= 0) && document.some((value) => value <= 0);
	const bothNonNegative = accounting.some((value) => value >= 0) && document.some((value) => value >= 0);
	if (!bothNonPositive && !bothNonNegative) context.report('PEPPOL-EN16931-R055', root, 'cac:TaxTotal/cbc:TaxAmount');
}

function lineRules(context: RuleContext): void {
	const { root, isCreditNote, lines } = context.doc;
	const periodStart = textOf(first(root, 'cac:InvoicePeriod/cbc:StartDate'));
	const periodEnd = textOf(first(root, 'cac:InvoicePeriod/cbc:EndDate'));
	const quantityKey = isCreditNote ? 'cbc:CreditedQuantity' : 'cbc:InvoicedQuantity';
	for (const line of lines) {
		const references = children(line, 'cac:DocumentReference');
		if (references.length > 1) context.report('PEPPOL-EN16931-R100', references[1]);
		if (references.length > 0 && !references.some((reference) => textOf(child(reference, 'cbc:DocumentTypeCode')) === '130')) {
			context.report('PEPPOL-EN16931-R101', references[0]);
		}
		const lineStart = first(line, 'cac:InvoicePeriod/cbc:StartDate');
		if (lineStart && periodStart !== '' && textOf(lineStart) < periodStart) context.report('PEPPOL-EN16931-R110', lineStart);
		const lineEnd = first(line, 'cac:InvoicePeriod/cbc:EndDate');
		if (lineEnd && periodEnd !== '' && textOf(lineEnd) > periodEnd) context.report('PEPPOL-EN16931-R111', lineEnd);

		const baseQuantityElement = first(line, 'cac:Price/cbc:BaseQuantity');
		const baseQuantity = decimalOf(baseQuantityElement);
		if (baseQuantityElement && !(baseQuantity && compare(baseQuantity, ZERO) > 0)) {
			context.report('PEPPOL-EN16931-R121', baseQuantityElement);
		}
		if (!lineAmountMatches(line, quantityKey)) {
			context.report('PEPPOL-EN16931-R120', child(line, 'cbc:LineExtensionAmount') ?? line);
		}
	}
}

/** R120: net amount = quantity x (net price / base quantity) + line charges - line allowances, within 0.02. */
function lineAmountMatches(line: UblElement, quantityKey: string): boolean {
	// `if (x) then xs:decimal(x) else default`: a default only when absent, an unreadable value fails.
	const present = (element: UblElement | undefined, otherwise: Exact): Exact | undefined => (element ? decimalOf(element) : otherwise);
	const lineAmount = present(child(line, 'cbc:LineExtensionAmount'), ZERO);
	const quantity = present(child(line, quantityKey), ONE);
	const price = present(first(line, 'cac:Price/cbc:PriceAmount'), ZERO);
	const baseElement = first(line, 'cac:Price/cbc:BaseQuantity');
	const statedBase = decimalOf(baseElement);
	const baseQuantity = baseElement ? (statedBase && !isZero(statedBase) ? statedBase : statedBase && ONE) : ONE;
	if (!lineAmount || !quantity || !price || !baseQuantity) return false;
	const net = times(quantity, divide(price, baseQuantity));
	const entries = children(line, 'cac:AllowanceCharge');
	if (entries.length === 0) return within(lineAmount, net, SLACK);
	const total = (isCharge: boolean): Exact =>
		round2(sum(entries.filter((entry) => textOf(child(entry, 'cbc:ChargeIndicator')) === String(isCharge)).map((entry) => decimalOf(child(entry, 'cbc:Amount')))));
	return within(lineAmount, minus(plus(net, total(true)), total(false)), SLACK);
}

/** R008: no element may be empty (no child elements and only whitespace). */
function emptyElements(context: RuleContext): void {
	for (const element of context.doc.elements) {
		if (element.children.length === 0 && !hasText(element)) context.report('PEPPOL-EN16931-R008', element);
	}
}

const DATE_KEYS = ['cbc:IssueDate', 'cbc:DueDate', 'cbc:TaxPointDate', 'cbc:StartDate', 'cbc:EndDate', 'cbc:ActualDeliveryDate'];
const R051_AMOUNT_KEYS = [
	'cbc:Amount', 'cbc:BaseAmount', 'cbc:PriceAmount', 'cbc:TaxableAmount', 'cbc:LineExtensionAmount', 'cbc:TaxExclusiveAmount',
	'cbc:TaxInclusiveAmount', 'cbc:AllowanceTotalAmount', 'cbc:ChargeTotalAmount', 'cbc:PrepaidAmount', 'cbc:PayableRoundingAmount', 'cbc:PayableAmount',
];

/** xs:date without time zone, exactly ten characters: YYYY-MM-DD naming a real day. */
export function isCalendarDate(value: string): boolean {
	const match = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/.exec(value);
	if (!match) return false;
	const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
	if (month < 1 || month > 12 || day < 1) return false;
	const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
	const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
	return day <= days;
}

/** PEPPOL-EN16931-F001 (dates), R051 (amounts in the document currency), R130 (price base quantity unit). */
function formatRules(context: RuleContext): void {
	const { doc } = context;
	for (const key of DATE_KEYS) for (const date of doc.descendants(key)) if (!isCalendarDate(date.text)) context.report('PEPPOL-EN16931-F001', date);

	// Compared with the raw currency code text, as the official test does; BT-111 (a tax total without subtotals) is exempt.
	const currency = child(doc.root, 'cbc:DocumentCurrencyCode')?.text;
	const amounts = [
		...R051_AMOUNT_KEYS.flatMap((key) => doc.descendants(key)),
		...doc.taxTotals.filter((total) => child(total, 'cac:TaxSubtotal')).flatMap((total) => children(total, 'cbc:TaxAmount')),
		...doc.taxSubtotals.flatMap((subtotal) => children(subtotal, 'cbc:TaxAmount')),
	];
	for (const amount of amounts) if (currency === undefined || amount.attributes.currencyID !== currency) context.report('PEPPOL-EN16931-R051', amount);

	const quantityKey = doc.isCreditNote ? 'cbc:CreditedQuantity' : 'cbc:InvoicedQuantity';
	for (const line of doc.lines) {
		const quantities = children(line, quantityKey);
		const hasQuantity = child(line, 'cbc:InvoicedQuantity') !== undefined || child(line, 'cbc:CreditedQuantity') !== undefined;
		for (const base of select(line, 'cac:Price/cbc:BaseQuantity')) {
			const unit = base.attributes.unitCode;
			if (unit === undefined || !hasQuantity) continue;
			if (!quantities.some((quantity) => quantity.attributes.unitCode === unit)) context.report('PEPPOL-EN16931-R130', base);
		}
	}
}
