import type { Order, OrderLine, Party as BillitParty } from '../billit/types';
import {
	isValidStructuredCommunication,
	normaliseStructuredCommunication,
} from '../billit/structured-communication';
import { toModelAddress, toModelParty } from './billit-party';
import { applyUblCustomFields } from './billit-custom-fields';
import { unitCodeFor } from './billit-units';
import { CATEGORY_NOT_SUBJECT, taxCategoryFor, type VatTreatmentOptions } from './billit-vat';
import {
	addDecimals,
	compareDecimals,
	decimalFromNumber,
	divideDecimals,
	isZeroDecimal,
	multiplyDecimals,
	negateDecimal,
	roundDecimal as round,
	subtractDecimals,
	trimDecimal,
} from './decimal';
import { UblBuildError } from './errors';
import { monetaryTotals, TAX_CURRENCY, type TaxCurrencyOptions, vatBreakdown, vatTotalInEur } from './billit-totals';
import type {
	AdditionalDocument,
	AllowanceCharge,
	Address,
	CommercialDocument,
	CommercialDocumentKind,
	Decimal,
	Delivery,
	DocumentLine,
	Party,
	PaymentMeans,
	TaxCategory,
	TaxSubtotal,
} from './model';
import { PEPPOL_BILLING_CUSTOMIZATION_ID, PEPPOL_BILLING_PROFILE_ID } from './namespaces';

export interface FromBillitOptions extends VatTreatmentOptions, TaxCurrencyOptions {
	/** A PDF rendering to embed (BT-125); else the order's `OrderPDF` when it carries content. */
	pdf?: { content: Buffer | string; filename?: string };
	/** Payment terms (BT-20); without them and without a due date, `DEFAULT_PAYMENT_TERMS`. */
	paymentTerms?: string;
}

/**
 * Written when an invoice has neither a due date nor payment terms and something is left to pay:
 * the 2025.5 rules (BR-CO-25) want one of them.
 */
export const DEFAULT_PAYMENT_TERMS = 'Payable on receipt of this invoice';

const TYPE_CODES: Record<CommercialDocumentKind, string> = { Invoice: '380', CreditNote: '381' };
const PAYMENT_MEANS_CREDIT_TRANSFER = '30';
const PAYMENT_MEANS_NOT_DEFINED = '1';
const DISCOUNT_REASON_CODE = '95';
const UNIT_PRICE_DECIMALS = 6;

function kindOf(order: Order): CommercialDocumentKind {
	if (order.OrderType === 'Invoice' || order.OrderType === 'CreditNote') return order.OrderType;
	throw new UblBuildError(`A Billit ${order.OrderType ?? 'order without OrderType'} cannot become a UBL invoice or credit note`);
}

function dateOf(value: string | undefined): string | undefined {
	return value ? value.slice(0, 10) : undefined;
}

/** Sales: the company sells to the customer. Purchases: the supplier sells to the company. */
function tradingParties(order: Order, company: BillitParty): { seller: BillitParty; buyer: BillitParty } {
	const isPurchase = order.OrderDirection === 'Cost';
	const counterParty = isPurchase ? (order.Supplier ?? order.CounterParty) : (order.Customer ?? order.CounterParty);
	if (!counterParty) {
		throw new UblBuildError(`Order ${order.OrderNumber ?? ''} has no ${isPurchase ? 'Supplier' : 'Customer'}`);
	}
	return isPurchase ? { seller: counterParty, buyer: company } : { seller: company, buyer: counterParty };
}

interface BuiltLine {
	line: DocumentLine;
	/** The category for the VAT breakdown, with its exemption reason (lines carry none: UBL-CR rules). */
	subtotalCategory: TaxCategory;
}

interface DocumentDiscount {
	allowance: AllowanceCharge;
	subtotalCategory: TaxCategory;
}

/** The unit price without VAT, with at most six decimals and trailing zeros dropped. */
function netUnitPrice(line: OrderLine, percent: string): Decimal {
	if (typeof line.UnitPriceExcl === 'number') {
		return trimDecimal(round(decimalFromNumber(line.UnitPriceExcl), UNIT_PRICE_DECIMALS), 2);
	}
	if (typeof line.UnitPriceIncl === 'number') {
		const factor = addDecimals('1', divideDecimals(percent, '100', 6));
		return trimDecimal(divideDecimals(decimalFromNumber(line.UnitPriceIncl), factor, UNIT_PRICE_DECIMALS), 2);
	}
	throw new UblBuildError('An order line has neither UnitPriceExcl nor UnitPriceIncl');
}

function buildLine(source: OrderLine, index: number, options: VatTreatmentOptions): BuiltLine {
	const percent = source.VATPercentage ?? 0;
	const subtotalCategory = taxCategoryFor(percent, options);
	const quantity = decimalFromNumber(source.Quantity ?? 1);
	const price = netUnitPrice(source, decimalFromNumber(percent));
	const gross = round(multiplyDecimals(quantity, price));
	const reduction = decimalFromNumber(source.ReductionPercentage ?? 0);
	const discount = round(divideDecimals(multiplyDecimals(gross, reduction), '100', 2));
	const lineCategory: TaxCategory = { ...subtotalCategory };
	delete lineCategory.exemptionReason;
	delete lineCategory.exemptionReasonCode;
	const description = source.Description?.trim() || source.Reference?.trim() || `Line ${index + 1}`;
	const line: DocumentLine = {
		id: String(index + 1),
		quantity,
		unitCode: unitCodeFor(source.Unit),
		lineExtensionAmount: subtractDecimals(gross, discount),
		item: { name: description, taxCategory: lineCategory },
		price: { amount: price },
	};
	if (!isZeroDecimal(discount)) {
		line.allowanceCharges = [
			{
				chargeIndicator: false,
				reasonCode: DISCOUNT_REASON_CODE,
				reason: 'Discount',
				multiplierFactor: reduction,
				amount: discount,
				baseAmount: gross,
			},
		];
	}
	if (source.DescriptionExtended?.trim()) line.item.description = source.DescriptionExtended.trim();
	if (source.Reference?.trim()) line.item.sellersItemId = source.Reference.trim();
	return { line, subtotalCategory };
}

/**
 * A Billit discount line (negative unit price) cannot be an invoice line: Peppol forbids a negative
 * item price (BR-27). One that lowers the total becomes a document-level allowance in its VAT
 * category; one with a negative quantity too is an ordinary line with both signs turned.
 */
function separateDiscounts(built: BuiltLine[]): { lines: BuiltLine[]; discounts: DocumentDiscount[] } {
	const lines: BuiltLine[] = [];
	const discounts: DocumentDiscount[] = [];
	for (const entry of built) {
		const { line, subtotalCategory } = entry;
		if (compareDecimals(line.price.amount, '0') >= 0) lines.push(entry);
		else if (compareDecimals(line.lineExtensionAmount, '0') < 0) {
			discounts.push({
				subtotalCategory,
				allowance: {
					chargeIndicator: false,
					reasonCode: DISCOUNT_REASON_CODE,
					reason: line.item.name,
					amount: negateDecimal(line.lineExtensionAmount),
					taxCategory: line.item.taxCategory,
				},
			});
		} else {
			const turned = { ...line, quantity: negateDecimal(line.quantity), price: { amount: negateDecimal(line.price.amount) } };
			lines.push({ line: turned, subtotalCategory });
		}
	}
	if (lines.length === 0) {
		throw new UblBuildError('The order has only discount lines (negative prices): a Peppol invoice needs at least one line to discount');
	}
	lines.forEach(({ line }, index) => (line.id = String(index + 1)));
	return { lines, discounts };
}

/** Category O cannot share a document with other categories (BR-O-11 to BR-O-14). */
function refuseMixedNotSubject(subtotals: TaxSubtotal[]): void {
	const notSubject = subtotals.some((subtotal) => subtotal.category.id === CATEGORY_NOT_SUBJECT);
	if (notSubject && subtotals.some((subtotal) => subtotal.category.id !== CATEGORY_NOT_SUBJECT)) {
		throw new UblBuildError(
			'The order mixes lines not subject to VAT (0 % treated as "not subject", category O) with taxed lines: ' +
				'Peppol allows no other VAT category on an invoice with category O (BR-O-11 to BR-O-14). ' +
				'Send the not-subject lines on their own invoice, or choose another 0 % treatment (exempt, zero rated…).',
		);
	}
}

/** A credit note has no DueDate element: its due date travels in the payment means (BT-9). */
function paymentMeansOf(order: Order, seller: BillitParty, creditNoteDueDate: string | undefined): PaymentMeans[] {
	const reference = order.PaymentReference?.trim();
	const paymentId =
		reference && isValidStructuredCommunication(reference) ? normaliseStructuredCommunication(reference) : reference;
	const iban = seller.IBAN?.replace(/\s/g, '').toUpperCase();
	if (!iban && !paymentId && !creditNoteDueDate) return [];
	const means: PaymentMeans = { code: iban ? PAYMENT_MEANS_CREDIT_TRANSFER : PAYMENT_MEANS_NOT_DEFINED };
	if (paymentId) means.paymentId = paymentId;
	if (iban) means.payeeAccountId = iban;
	if (iban && seller.BIC?.trim()) means.payeeBankId = seller.BIC.replace(/\s/g, '').toUpperCase();
	if (creditNoteDueDate) means.dueDate = creditNoteDueDate;
	return [means];
}

function pdfAttachment(order: Order, options: FromBillitOptions, documentId: string): AdditionalDocument | undefined {
	const content = options.pdf?.content ?? order.OrderPDF?.FileContent;
	if (!content) return undefined;
	const base64 = typeof content === 'string' ? content.replace(/\s+/g, '') : content.toString('base64');
	const filename = options.pdf?.filename ?? order.OrderPDF?.FileName ?? `${documentId}.pdf`;
	return { id: documentId, attachment: { mimeCode: 'application/pdf', filename, base64 } };
}

/** Delivery date and place when known; intra-community supplies must state both (BR-IC-11, BR-IC-12). */
function deliveryOf(
	order: Order,
	buyer: BillitParty,
	buyerAddress: Address | undefined,
	subtotals: TaxSubtotal[],
): Delivery | undefined {
	const deliveryAddress = buyer.Addresses?.find((address) => address.AddressType === 'DeliveryAddress');
	const deliveryDate = dateOf(order.DeliveryDate);
	const intraCommunity = subtotals.some((subtotal) => subtotal.category.id === 'K');
	if (!deliveryDate && !deliveryAddress && !intraCommunity) return undefined;
	const address = (deliveryAddress && toModelAddress(deliveryAddress)) ?? buyerAddress;
	const actualDeliveryDate = deliveryDate ?? (intraCommunity ? dateOf(order.OrderDate) : undefined);
	return {
		...(actualDeliveryDate ? { actualDeliveryDate } : {}),
		...(address ? { address } : {}),
	};
}

/** "Not subject to VAT" documents must not carry VAT identifiers (BR-O-02 to BR-O-04). */
function withoutVatId(party: Party): Party {
	const copy = { ...party };
	delete copy.vatId;
	return copy;
}

/**
 * Maps a Billit order (invoice or credit note, sales or purchase) to the UBL model: parties with
 * Peppol endpoints, lines, VAT breakdown per category and rate, totals, payment means with the
 * structured communication and IBAN, the credit note's invoice reference, an embedded PDF and the
 * UBL-path custom fields.
 */
export function fromBillitOrder(order: Order, company: BillitParty, options: FromBillitOptions = {}): CommercialDocument {
	const kind = kindOf(order);
	const id = order.OrderNumber?.trim();
	const issueDate = dateOf(order.OrderDate);
	if (!id || !issueDate) throw new UblBuildError('The order needs an OrderNumber and an OrderDate');
	const parties = tradingParties(order, company);
	const currency = order.Currency?.trim().toUpperCase() || 'EUR';
	const built = (order.OrderLines ?? []).map((line, index) => buildLine(line, index, options));
	if (built.length === 0) throw new UblBuildError(`Order ${id} has no lines`);
	const { lines, discounts } = separateDiscounts(built);
	const subtotals = vatBreakdown([
		...lines.map(({ line, subtotalCategory }) => ({ amount: line.lineExtensionAmount, category: subtotalCategory })),
		...discounts.map(({ allowance, subtotalCategory }) => ({
			amount: negateDecimal(allowance.amount),
			category: subtotalCategory,
		})),
	]);
	refuseMixedNotSubject(subtotals);
	const taxAmount = addDecimals('0.00', ...subtotals.map((subtotal) => subtotal.taxAmount));
	const notSubject = subtotals.every((subtotal) => subtotal.category.id === CATEGORY_NOT_SUBJECT);
	const seller = toModelParty(parties.seller);
	const buyer = toModelParty(parties.buyer);

	const document: CommercialDocument = {
		kind,
		customizationId: PEPPOL_BILLING_CUSTOMIZATION_ID,
		profileId: PEPPOL_BILLING_PROFILE_ID,
		id,
		issueDate,
		typeCode: TYPE_CODES[kind],
		currency,
		buyerReference: order.Reference?.trim() || id,
		seller: notSubject ? withoutVatId(seller) : seller,
		buyer: notSubject ? withoutVatId(buyer) : buyer,
		taxTotal: { taxAmount, subtotals },
		totals: monetaryTotals(
			lines.map(({ line }) => line.lineExtensionAmount),
			discounts.map(({ allowance }) => allowance.amount),
			taxAmount,
			order.ToPay,
		),
		lines: lines.map(({ line }) => line),
	};
	if (discounts.length > 0) document.allowanceCharges = discounts.map(({ allowance }) => allowance);
	const inEur = vatTotalInEur(currency, taxAmount, options);
	if (inEur !== undefined) {
		document.taxCurrency = TAX_CURRENCY;
		document.taxTotalInTaxCurrency = inEur;
	}
	const dueDate = dateOf(order.ExpiryDate);
	if (dueDate) document.dueDate = dueDate;
	const paymentTerms = options.paymentTerms?.trim();
	if (paymentTerms) document.paymentTerms = paymentTerms;
	else if (!dueDate && compareDecimals(document.totals.payableAmount, '0') > 0) {
		document.paymentTerms = DEFAULT_PAYMENT_TERMS;
	}
	if (order.Reference?.trim()) document.orderReference = { id: order.Reference.trim() };
	if (kind === 'CreditNote' && order.AboutInvoiceNumber?.trim()) {
		document.billingReferences = [{ id: order.AboutInvoiceNumber.trim() }];
	}
	const attachment = pdfAttachment(order, options, id);
	if (attachment) document.additionalDocuments = [attachment];
	const delivery = deliveryOf(order, parties.buyer, buyer.address, subtotals);
	if (delivery) document.delivery = delivery;
	const paymentMeans = paymentMeansOf(order, parties.seller, kind === 'CreditNote' ? dueDate : undefined);
	if (paymentMeans.length > 0) document.paymentMeans = paymentMeans;
	applyUblCustomFields(document, order.CustomFields);
	return document;
}
