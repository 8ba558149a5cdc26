import type { RuleId } from '../catalog';
import type { RuleContext } from '../context';
import { chargeIndicator, child, children, first, hasText, select, textOf, vatCategoryCode } from '../document';
import { doubleOf } from '../decimal';
import type { UblElement } from '../types';

/** EN16931 core rules BR-01 to BR-67 that apply to UBL invoices and credit notes. */
export function coreRules(context: RuleContext): void {
	headerRules(context);
	partyRules(context);
	lineRules(context);
	allowanceChargeRules(context);
	totalsRules(context);
	paymentRules(context);
	referenceRules(context);
}

function requireText(context: RuleContext, rule: RuleId, at: UblElement, path: string): void {
	if (!hasText(first(at, path))) context.report(rule, at, path);
}

function requirePresent(context: RuleContext, rule: RuleId, at: UblElement, path: string): void {
	if (!first(at, path)) context.report(rule, at, path);
}

function headerRules(context: RuleContext): void {
	const { root, isCreditNote, lines } = context.doc;
	requireText(context, 'BR-01', root, 'cbc:CustomizationID');
	requireText(context, 'BR-02', root, 'cbc:ID');
	requireText(context, 'BR-03', root, 'cbc:IssueDate');
	requireText(context, 'BR-04', root, isCreditNote ? 'cbc:CreditNoteTypeCode' : 'cbc:InvoiceTypeCode');
	requireText(context, 'BR-05', root, 'cbc:DocumentCurrencyCode');
	if (lines.length === 0) context.report('BR-16', root, isCreditNote ? 'cac:CreditNoteLine' : 'cac:InvoiceLine');

	const period = child(root, 'cac:InvoicePeriod');
	if (period) checkPeriodOrder(context, 'BR-29', period);
}

function checkPeriodOrder(context: RuleContext, rule: 'BR-29' | 'BR-30', period: UblElement): void {
	const start = textOf(child(period, 'cbc:StartDate'));
	const end = textOf(child(period, 'cbc:EndDate'));
	if (start !== '' && end !== '' && end < start) context.report(rule, child(period, 'cbc:EndDate')!);
}

function partyRules(context: RuleContext): void {
	const { root, supplier, customer, taxRepresentative } = context.doc;
	requireText(context, 'BR-06', root, 'cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName');
	requireText(context, 'BR-07', root, 'cac:AccountingCustomerParty/cac:Party/cac:PartyLegalEntity/cbc:RegistrationName');
	requirePresent(context, 'BR-08', root, 'cac:AccountingSupplierParty/cac:Party/cac:PostalAddress');
	requirePresent(context, 'BR-10', root, 'cac:AccountingCustomerParty/cac:Party/cac:PostalAddress');
	for (const address of children(supplier, 'cac:PostalAddress')) {
		requireText(context, 'BR-09', address, 'cac:Country/cbc:IdentificationCode');
	}
	for (const address of children(customer, 'cac:PostalAddress')) {
		requireText(context, 'BR-11', address, 'cac:Country/cbc:IdentificationCode');
	}
	const supplierEndpoint = child(supplier, 'cbc:EndpointID');
	if (supplierEndpoint && supplierEndpoint.attributes.schemeID === undefined) context.report('BR-62', supplierEndpoint);
	const customerEndpoint = child(customer, 'cbc:EndpointID');
	if (customerEndpoint && customerEndpoint.attributes.schemeID === undefined) context.report('BR-63', customerEndpoint);

	const payee = child(root, 'cac:PayeeParty');
	if (payee) checkPayee(context, payee, supplier);

	if (taxRepresentative) {
		requireText(context, 'BR-18', taxRepresentative, 'cac:PartyName/cbc:Name');
		requirePresent(context, 'BR-19', taxRepresentative, 'cac:PostalAddress');
		const hasVatId = children(taxRepresentative, 'cac:PartyTaxScheme').some(
			(scheme) => vatCategoryCode(scheme) !== undefined && child(scheme, 'cbc:CompanyID') !== undefined,
		);
		if (!hasVatId) context.report('BR-56', taxRepresentative, 'cac:PartyTaxScheme/cbc:CompanyID');
		for (const address of children(taxRepresentative, 'cac:PostalAddress')) {
			requireText(context, 'BR-20', address, 'cac:Country/cbc:IdentificationCode');
		}
	}

	for (const address of select(root, 'cac:Delivery/cac:DeliveryLocation/cac:Address')) {
		requirePresent(context, 'BR-57', address, 'cac:Country/cbc:IdentificationCode');
	}
}

/** BR-17: a payee other than the seller needs its own name (compared as XPath sequences are). */
function checkPayee(context: RuleContext, payee: UblElement, supplier: UblElement | undefined): void {
	const payeeNames = select(payee, 'cac:PartyName/cbc:Name').map(textOf);
	const supplierNames = new Set(select(supplier, 'cac:PartyName/cbc:Name').map(textOf));
	const payeeIds = select(payee, 'cac:PartyIdentification/cbc:ID').map(textOf);
	const supplierIds = new Set(select(supplier, 'cac:PartyIdentification/cbc:ID').map(textOf));
	const named = payeeNames.length > 0;
	const sameName = payeeNames.some((name) => supplierNames.has(name));
	const sameId = payeeIds.some((id) => supplierIds.has(id));
	if (!named || sameName || sameId) context.report('BR-17', payee, 'cac:PartyName/cbc:Name');
}

function lineRules(context: RuleContext): void {
	const quantityKey = context.doc.isCreditNote ? 'cbc:CreditedQuantity' : 'cbc:InvoicedQuantity';
	for (const line of context.doc.lines) {
		requireText(context, 'BR-21', line, 'cbc:ID');
		const quantity = child(line, quantityKey);
		if (!quantity) context.report('BR-22', line, quantityKey);
		const hasUnit = ['cbc:InvoicedQuantity', 'cbc:CreditedQuantity'].some((key) => children(line, key).some((entry) => entry.attributes.unitCode !== undefined));
		if (!hasUnit) context.report('BR-23', quantity ?? line, quantity ? undefined : quantityKey);
		requirePresent(context, 'BR-24', line, 'cbc:LineExtensionAmount');
		requireText(context, 'BR-25', line, 'cac:Item/cbc:Name');
		const price = first(line, 'cac:Price/cbc:PriceAmount');
		if (!price) context.report('BR-26', line, 'cac:Price/cbc:PriceAmount');
		// The official BR-27 compares an absent price with zero, which is false: it fails with BR-26.
		if (!((doubleOf(price) ?? Number.NaN) >= 0)) context.report('BR-27', price ?? line, price ? undefined : 'cac:Price/cbc:PriceAmount');
		const gross = first(line, 'cac:Price/cac:AllowanceCharge/cbc:BaseAmount');
		if (gross && !((doubleOf(gross) ?? Number.NaN) >= 0)) context.report('BR-28', gross);
		const period = child(line, 'cac:InvoicePeriod');
		if (period) checkPeriodOrder(context, 'BR-30', period);

		for (const entry of children(line, 'cac:AllowanceCharge')) {
			const isCharge = chargeIndicator(entry);
			if (isCharge === undefined) continue;
			requirePresent(context, isCharge ? 'BR-43' : 'BR-41', entry, 'cbc:Amount');
			if (!hasReason(entry)) context.report(isCharge ? 'BR-44' : 'BR-42', entry, 'cbc:AllowanceChargeReason');
		}
		for (const property of select(line, 'cac:Item/cac:AdditionalItemProperty')) {
			if (!child(property, 'cbc:Name') || !child(property, 'cbc:Value')) context.report('BR-54', property);
		}
		for (const id of select(line, 'cac:Item/cac:StandardItemIdentification/cbc:ID')) {
			if (id.attributes.schemeID === undefined) context.report('BR-64', id);
		}
		for (const code of select(line, 'cac:Item/cac:CommodityClassification/cbc:ItemClassificationCode')) {
			if (code.attributes.listID === undefined) context.report('BR-65', code);
		}
	}
}

export function hasReason(allowanceCharge: UblElement): boolean {
	return (
		child(allowanceCharge, 'cbc:AllowanceChargeReason') !== undefined ||
		child(allowanceCharge, 'cbc:AllowanceChargeReasonCode') !== undefined
	);
}

function hasVatCategory(allowanceCharge: UblElement): boolean {
	return children(allowanceCharge, 'cac:TaxCategory').some((category) => {
		const code = vatCategoryCode(category);
		return code !== undefined && child(category, 'cbc:ID') !== undefined;
	});
}

function allowanceChargeRules(context: RuleContext): void {
	for (const entry of context.doc.allowanceCharges) {
		const isCharge = chargeIndicator(entry);
		if (isCharge === undefined) continue;
		requirePresent(context, isCharge ? 'BR-36' : 'BR-31', entry, 'cbc:Amount');
		if (!hasVatCategory(entry)) context.report(isCharge ? 'BR-37' : 'BR-32', entry, 'cac:TaxCategory/cbc:ID');
		if (!hasReason(entry)) context.report(isCharge ? 'BR-38' : 'BR-33', entry, 'cbc:AllowanceChargeReason');
	}
}

function totalsRules(context: RuleContext): void {
	const { root, monetaryTotal, taxCurrency, taxSubtotals } = context.doc;
	if (monetaryTotal) {
		requirePresent(context, 'BR-12', monetaryTotal, 'cbc:LineExtensionAmount');
		requirePresent(context, 'BR-13', monetaryTotal, 'cbc:TaxExclusiveAmount');
		requirePresent(context, 'BR-14', monetaryTotal, 'cbc:TaxInclusiveAmount');
		requirePresent(context, 'BR-15', monetaryTotal, 'cbc:PayableAmount');
	}
	for (const subtotal of taxSubtotals) {
		requirePresent(context, 'BR-45', subtotal, 'cbc:TaxableAmount');
		requirePresent(context, 'BR-46', subtotal, 'cbc:TaxAmount');
		const category = children(subtotal, 'cac:TaxCategory').find((entry) => vatCategoryCode(entry) !== undefined);
		if (!category || !child(category, 'cbc:ID')) context.report('BR-47', subtotal, 'cac:TaxCategory/cbc:ID');
		if (!category || (!child(category, 'cbc:Percent') && vatCategoryCode(category) !== 'O')) {
			context.report('BR-48', category ?? subtotal, 'cbc:Percent');
		}
	}
	if (taxCurrency !== '') {
		const amounts = select(root, 'cac:TaxTotal/cbc:TaxAmount');
		if (!amounts.some((amount) => amount.attributes.currencyID === taxCurrency)) {
			context.report('BR-53', child(root, 'cbc:TaxCurrencyCode')!);
		}
	}
}

const CREDIT_TRANSFER_CODES = new Set(['30', '58']);

function paymentRules(context: RuleContext): void {
	const { root } = context.doc;
	const means = children(root, 'cac:PaymentMeans');
	for (const entry of means) {
		requirePresent(context, 'BR-49', entry, 'cbc:PaymentMeansCode');
		if (!CREDIT_TRANSFER_CODES.has(textOf(child(entry, 'cbc:PaymentMeansCode')))) continue;
		if (!first(entry, 'cac:PayeeFinancialAccount/cbc:ID')) {
			context.report('BR-61', entry, 'cac:PayeeFinancialAccount/cbc:ID');
		}
		for (const account of children(entry, 'cac:PayeeFinancialAccount')) {
			requireText(context, 'BR-50', account, 'cbc:ID');
		}
	}
	for (const pan of select(root, 'cac:PaymentMeans/cac:CardAccount/cbc:PrimaryAccountNumberID')) {
		if (textOf(pan).length > 10) context.report('BR-51', pan);
	}
	if (select(root, 'cac:PaymentMeans/cac:CardAccount').length > 1) context.report('BR-66', root, 'cac:PaymentMeans/cac:CardAccount');
	if (select(root, 'cac:PaymentMeans/cac:PaymentMandate').length > 1) {
		context.report('BR-67', root, 'cac:PaymentMeans/cac:PaymentMandate');
	}
}

function referenceRules(context: RuleContext): void {
	const { root } = context.doc;
	for (const reference of children(root, 'cac:AdditionalDocumentReference')) {
		requireText(context, 'BR-52', reference, 'cbc:ID');
	}
	for (const reference of children(root, 'cac:BillingReference')) {
		requirePresent(context, 'BR-55', reference, 'cac:InvoiceDocumentReference/cbc:ID');
	}
}
