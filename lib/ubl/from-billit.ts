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
	roundDecimal as round,
	subtractDecimals,
	trimDecimal,
} from './decimal';
import { UblBuildError } from './errors';
import type {
	AdditionalDocument,
	Address,
	CommercialDocument,
	CommercialDocumentKind,
	Decimal,
	Delivery,
	DocumentLine,
	MonetaryTotals,
	Party,
	PaymentMeans,
	TaxCategory,
	TaxSubtotal,
} from './model';
import { PEPPOL_BILLING_CUSTOMIZATION_ID, PEPPOL_BILLING_PROFILE_ID } from './namespaces';

export interface FromBillitOptions extends VatTreatmentOptions {
	/** A PDF rendering to embed (BT-125); else the order's `OrderPDF` when it carries content. */
	pdf?: { content: Buffer | string; filename?: string };
}

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

/** One VAT breakdown entry per category, rate and exemption reason. */
function vatBreakdown(lines: BuiltLine[]): TaxSubtotal[] {
	const groups = new Map<string, TaxSubtotal>();
	for (const { line, subtotalCategory } of lines) {
		const category = subtotalCategory;
		const key = [category.id, category.percent, category.exemptionReasonCode, category.exemptionReason].join('|');
		const subtotal = groups.get(key) ?? { taxableAmount: '0.00', taxAmount: '0.00', category };
		subtotal.taxableAmount = addDecimals(subtotal.taxableAmount, line.lineExtensionAmount);
		groups.set(key, subtotal);
	}
	return [...groups.values()].map((subtotal) => ({
		...subtotal,
		taxAmount: round(divideDecimals(multiplyDecimals(subtotal.taxableAmount, subtotal.category.percent ?? '0'), '100', 4)),
	}));
}

/** A credit note has no DueDate element: its due date travels in the payment means (BT-9). */
function paymentMeansOf(order: Order, seller: BillitParty, creditNoteDueDate: string | undefined): PaymentMeans[] {
	const reference = order.PaymentReference?.trim();
	const paymentId =
		reference && isValidStructuredCommunication(reference) ? normaliseStructuredCommunication(reference) : reference;
	const iban = seller.IBAN?.replace(/\s/g, '').toUpperCase();
	if (!iban && !paymentId) return [];
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

/** Totals without document-level allowances or charges (Billit has none); what is left to pay is `ToPay`. */
function monetaryTotals(lines: BuiltLine[], taxAmount: Decimal, toPay: number | undefined): MonetaryTotals {
	const lineTotal = round(addDecimals('0', ...lines.map(({ line }) => line.lineExtensionAmount)));
	const taxInclusive = addDecimals(lineTotal, taxAmount);
	const left = typeof toPay === 'number' ? round(decimalFromNumber(toPay)) : undefined;
	const prepaid =
		left !== undefined && compareDecimals(left, '0') >= 0 && compareDecimals(left, taxInclusive) < 0
			? subtractDecimals(taxInclusive, left)
			: undefined;
	return {
		lineExtensionAmount: lineTotal,
		taxExclusiveAmount: lineTotal,
		taxInclusiveAmount: taxInclusive,
		...(prepaid ? { prepaidAmount: prepaid } : {}),
		payableAmount: prepaid ? subtractDecimals(taxInclusive, prepaid) : taxInclusive,
	};
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
	const subtotals = vatBreakdown(built);
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
		totals: monetaryTotals(built, taxAmount, order.ToPay),
		lines: built.map(({ line }) => line),
	};
	const dueDate = dateOf(order.ExpiryDate);
	if (dueDate) document.dueDate = dueDate;
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
