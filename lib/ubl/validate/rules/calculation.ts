import type { RuleContext } from '../context';
import { child, children, first, select, textOf, vatCategoryCode } from '../document';
import { abs, decimalOf, doubleOf, equal, type Exact, isZero, minus, percentOf, plus, round, round2, sum, times, withinOne } from '../decimal';
import type { UblElement } from '../types';
import { hasReason } from './core';

/** EN16931 calculation and conditional rules BR-CO-03 to BR-CO-26. */
export function calculationRules(context: RuleContext): void {
	headerConditions(context);
	lineConditions(context);
	allowanceChargeReasons(context);
	monetaryTotals(context);
	vatTotals(context);
	vatIdentifierPrefixes(context);
}

function headerConditions(context: RuleContext): void {
	const { root, supplier, isCreditNote, monetaryTotal } = context.doc;
	const taxPointDate = child(root, 'cbc:TaxPointDate');
	if (taxPointDate && first(root, 'cac:InvoicePeriod/cbc:DescriptionCode')) context.report('BR-CO-03', taxPointDate);

	for (const period of children(root, 'cac:InvoicePeriod')) {
		if (!child(period, 'cbc:StartDate') && !child(period, 'cbc:EndDate') && !child(period, 'cbc:DescriptionCode')) {
			context.report('BR-CO-19', period, 'cbc:StartDate');
		}
	}

	const supplierParty = child(root, 'cac:AccountingSupplierParty');
	const identified =
		children(supplier, 'cac:PartyTaxScheme').some(
			(scheme) => vatCategoryCode(scheme) !== undefined && child(scheme, 'cbc:CompanyID') !== undefined,
		) ||
		// From release 2026.5 a SEPA creditor identifier does not identify the seller.
		select(supplier, 'cac:PartyIdentification/cbc:ID').some((id) => context.release === '2025.5' || id.attributes.schemeID !== 'SEPA') ||
		first(supplier, 'cac:PartyLegalEntity/cbc:CompanyID') !== undefined;
	if (supplierParty && !identified) context.report('BR-CO-26', supplierParty, 'cac:Party/cac:PartyLegalEntity/cbc:CompanyID');

	// The official rule is bound to /ubl:Invoice only; a credit note's positive amount is money owed back.
	const payable = child(monetaryTotal, 'cbc:PayableAmount');
	if (!isCreditNote && payable && (doubleOf(payable) ?? 0) > 0) {
		const hasDueDate = context.doc.descendants('cbc:DueDate').length > 0;
		const hasTerms = first(root, 'cac:PaymentTerms/cbc:Note') !== undefined;
		if (!hasDueDate && !hasTerms) context.report('BR-CO-25', payable);
	}
}

function lineConditions(context: RuleContext): void {
	for (const line of context.doc.lines) {
		const categories = children(child(line, 'cac:Item'), 'cac:ClassifiedTaxCategory');
		if (!categories.some((category) => vatCategoryCode(category) !== undefined && child(category, 'cbc:ID'))) {
			context.report('BR-CO-04', line, 'cac:Item/cac:ClassifiedTaxCategory/cbc:ID');
		}
		const period = child(line, 'cac:InvoicePeriod');
		if (period && !child(period, 'cbc:StartDate') && !child(period, 'cbc:EndDate')) {
			context.report('BR-CO-20', period, 'cbc:StartDate');
		}
	}
}

function allowanceChargeReasons(context: RuleContext): void {
	for (const entry of context.doc.documentAllowanceCharges(false)) {
		if (!hasReason(entry)) context.report('BR-CO-21', entry, 'cbc:AllowanceChargeReason');
	}
	for (const entry of context.doc.documentAllowanceCharges(true)) {
		if (!hasReason(entry)) context.report('BR-CO-22', entry, 'cbc:AllowanceChargeReason');
	}
	for (const line of context.doc.lines) {
		for (const entry of children(line, 'cac:AllowanceCharge')) {
			const indicator = textOf(child(entry, 'cbc:ChargeIndicator'));
			if (hasReason(entry)) continue;
			if (indicator === 'false') context.report('BR-CO-23', entry, 'cbc:AllowanceChargeReason');
			if (indicator === 'true') context.report('BR-CO-24', entry, 'cbc:AllowanceChargeReason');
		}
	}
}

function amountsOf(entries: UblElement[], key: string): Exact {
	return round2(sum(entries.map((entry) => decimalOf(child(entry, key)))));
}

function monetaryTotals(context: RuleContext): void {
	const { monetaryTotal: total, lines } = context.doc;
	if (!total) return;
	const amount = (key: string): Exact | undefined => decimalOf(child(total, key));
	const report = (rule: 'BR-CO-10' | 'BR-CO-11' | 'BR-CO-12' | 'BR-CO-13' | 'BR-CO-16', key: string): void =>
		context.report(rule, child(total, key) ?? total, child(total, key) ? undefined : key);

	const lineTotal = amount('cbc:LineExtensionAmount');
	// An absent total compares false in the official XPath (xs:decimal of an empty sequence), so it fails too.
	if (!equal(lineTotal, amountsOf(lines, 'cbc:LineExtensionAmount'))) report('BR-CO-10', 'cbc:LineExtensionAmount');

	const allowances = context.doc.documentAllowanceCharges(false);
	const charges = context.doc.documentAllowanceCharges(true);
	const allowanceTotal = amount('cbc:AllowanceTotalAmount');
	const chargeTotal = amount('cbc:ChargeTotalAmount');
	const hasAllowanceTotal = child(total, 'cbc:AllowanceTotalAmount') !== undefined;
	const hasChargeTotal = child(total, 'cbc:ChargeTotalAmount') !== undefined;
	if ((hasAllowanceTotal || allowances.length > 0) && !equal(allowanceTotal, amountsOf(allowances, 'cbc:Amount'))) {
		report('BR-CO-11', 'cbc:AllowanceTotalAmount');
	}
	if ((hasChargeTotal || charges.length > 0) && !equal(chargeTotal, amountsOf(charges, 'cbc:Amount'))) {
		report('BR-CO-12', 'cbc:ChargeTotalAmount');
	}

	// Without allowance and charge totals the official test compares with the line total itself, unrounded.
	let expectedExclusive = lineTotal;
	if (lineTotal && (hasAllowanceTotal || hasChargeTotal)) {
		const withCharges = hasChargeTotal ? (chargeTotal ? plus(lineTotal, chargeTotal) : undefined) : lineTotal;
		const net = hasAllowanceTotal ? (withCharges && allowanceTotal ? minus(withCharges, allowanceTotal) : undefined) : withCharges;
		expectedExclusive = net && round2(net);
	}
	if (!equal(amount('cbc:TaxExclusiveAmount'), expectedExclusive)) report('BR-CO-13', 'cbc:TaxExclusiveAmount');

	if (!payableMatches(total)) report('BR-CO-16', 'cbc:PayableAmount');
}

/** BR-CO-16 as the official test has it: only the sides with a prepaid or rounding amount are rounded to cents. */
function payableMatches(total: UblElement): boolean {
	const payable = decimalOf(child(total, 'cbc:PayableAmount'));
	const taxInclusive = decimalOf(child(total, 'cbc:TaxInclusiveAmount'));
	if (payable === undefined || taxInclusive === undefined) return false;
	const prepaid = decimalOf(child(total, 'cbc:PrepaidAmount'));
	const rounding = decimalOf(child(total, 'cbc:PayableRoundingAmount'));
	const hasPrepaid = child(total, 'cbc:PrepaidAmount') !== undefined;
	const hasRounding = child(total, 'cbc:PayableRoundingAmount') !== undefined;
	if ((hasPrepaid && prepaid === undefined) || (hasRounding && rounding === undefined)) return false;
	const due = prepaid ? round2(minus(taxInclusive, prepaid)) : taxInclusive;
	return equal(rounding ? round2(minus(payable, rounding)) : payable, due);
}

function vatTotals(context: RuleContext): void {
	const { root, taxTotals, taxSubtotals, documentCurrency, monetaryTotal } = context.doc;
	for (const total of taxTotals) {
		const subtotals = children(total, 'cac:TaxSubtotal');
		if (subtotals.length === 0) continue;
		if (!equal(decimalOf(child(total, 'cbc:TaxAmount')), amountsOf(subtotals, 'cbc:TaxAmount'))) {
			context.report('BR-CO-14', child(total, 'cbc:TaxAmount') ?? total);
		}
	}

	const vatInDocumentCurrency = taxTotals
		.map((total) => child(total, 'cbc:TaxAmount'))
		.filter((amount): amount is UblElement => amount?.attributes.currencyID === documentCurrency);
	const taxInclusive = decimalOf(child(monetaryTotal, 'cbc:TaxInclusiveAmount'));
	const taxExclusive = decimalOf(child(monetaryTotal, 'cbc:TaxExclusiveAmount'));
	if (documentCurrency !== '') {
		const vat = vatInDocumentCurrency.length === 1 ? decimalOf(vatInDocumentCurrency[0]) : undefined;
		const consistent = vat !== undefined && taxExclusive !== undefined && equal(taxInclusive, round2(plus(taxExclusive, vat)));
		if (!consistent) context.report('BR-CO-15', child(monetaryTotal, 'cbc:TaxInclusiveAmount') ?? root);
	}

	if (taxSubtotals.length === 0) context.report('BR-CO-18', root, 'cac:TaxTotal/cac:TaxSubtotal');

	for (const subtotal of taxSubtotals) {
		const category = children(subtotal, 'cac:TaxCategory').find((entry) => vatCategoryCode(entry) !== undefined);
		const rate = decimalOf(child(category, 'cbc:Percent'));
		const taxAmount = decimalOf(child(subtotal, 'cbc:TaxAmount'));
		const taxable = decimalOf(child(subtotal, 'cbc:TaxableAmount'));
		if (!vatAmountMatches(taxAmount, taxable, rate)) context.report('BR-CO-17', child(subtotal, 'cbc:TaxAmount') ?? subtotal);
	}
}

/** BR-CO-17 as the official test states it: zero rate means zero tax, otherwise within one unit of rate x base. */
function vatAmountMatches(taxAmount: Exact | undefined, taxable: Exact | undefined, rate: Exact | undefined): boolean {
	if (taxAmount === undefined) return false;
	if (rate === undefined || isZero(round(rate))) return isZero(round(taxAmount));
	return taxable !== undefined && withinOne(taxAmount, round2(times(abs(taxable), percentOf(rate))));
}

function vatIdentifierPrefixes(context: RuleContext): void {
	for (const scheme of context.doc.descendants('cac:PartyTaxScheme')) {
		if (vatCategoryCode(scheme) === undefined) continue;
		const companyId = child(scheme, 'cbc:CompanyID');
		if (!companyId) continue;
		if (!context.lists.VAT_PREFIXES.has(textOf(companyId).slice(0, 2))) context.report('BR-CO-09', companyId);
	}
}
