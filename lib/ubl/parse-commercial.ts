import { UblDocumentError } from './errors';
import { KIND_ELEMENT_NAMES } from './document-names';
import { XSI } from './namespaces';
import type {
	AdditionalDocument,
	AllowanceCharge,
	CommercialDocument,
	CommercialDocumentKind,
	Decimal,
	Delivery,
	DeliveryTerms,
	DocumentLine,
	Item,
	PaymentMeans,
	Period,
	Price,
	TaxCategory,
	TaxTotal,
} from './model';
import { readAddress, readParty, readRequiredParty } from './read-party';
import {
	compact,
	optionalIdentifier,
	presentText,
	optionalDecimal,
	requiredDecimal,
	requiredText,
} from './read-values';
import type { XmlElement } from './xml';
import { childOf, childrenOf, textOf } from './xml-query';


/** xsd:boolean: `true` or `1`. */
function isTrue(text: string): boolean {
	return text === 'true' || text === '1';
}

function readPeriod(element: XmlElement | undefined): Period | undefined {
	if (!element) return undefined;
	return compact({
		startDate: textOf(element, 'cbc:StartDate'),
		endDate: textOf(element, 'cbc:EndDate'),
		descriptionCode: textOf(element, 'cbc:DescriptionCode'),
	});
}

function readTaxCategory(element: XmlElement | undefined): TaxCategory | undefined {
	if (!element) return undefined;
	return compact({
		id: requiredText(element, 'cbc:ID'),
		schemeId: childOf(element, 'cbc:ID')?.attributes.schemeID,
		percent: optionalDecimal(element, 'cbc:Percent'),
		exemptionReasonCode: textOf(element, 'cbc:TaxExemptionReasonCode'),
		exemptionReason: textOf(element, 'cbc:TaxExemptionReason'),
		taxSchemeId: textOf(element, 'cac:TaxScheme/cbc:ID') ?? '',
	});
}

function readAllowanceCharge(element: XmlElement): AllowanceCharge {
	return compact({
		chargeIndicator: isTrue(requiredText(element, 'cbc:ChargeIndicator')),
		reasonCode: textOf(element, 'cbc:AllowanceChargeReasonCode'),
		reason: textOf(element, 'cbc:AllowanceChargeReason'),
		multiplierFactor: optionalDecimal(element, 'cbc:MultiplierFactorNumeric'),
		amount: requiredDecimal(element, 'cbc:Amount'),
		baseAmount: optionalDecimal(element, 'cbc:BaseAmount'),
		taxCategory: readTaxCategory(childOf(element, 'cac:TaxCategory')),
	});
}

function readAdditionalDocument(element: XmlElement): AdditionalDocument {
	const id = optionalIdentifier(element, 'cbc:ID');
	if (!id) throw new UblDocumentError(`<${element.name}> has no cbc:ID`, element);
	const binary = childOf(element, 'cac:Attachment/cbc:EmbeddedDocumentBinaryObject');
	return compact({
		id: id.id,
		schemeId: id.schemeId,
		typeCode: textOf(element, 'cbc:DocumentTypeCode'),
		description: textOf(element, 'cbc:DocumentDescription'),
		attachment: binary
			? {
					mimeCode: binary.attributes.mimeCode ?? '',
					filename: binary.attributes.filename ?? '',
					base64: binary.text.replace(/\s+/g, ''),
				}
			: undefined,
		externalUri: textOf(element, 'cac:Attachment/cac:ExternalReference/cbc:URI'),
	});
}

function readDeliveryTerms(element: XmlElement | undefined): DeliveryTerms | undefined {
	if (!element) return undefined;
	return compact({
		id: textOf(element, 'cbc:ID'),
		specialTerms: textOf(element, 'cbc:SpecialTerms'),
		lossRiskResponsibilityCode: textOf(element, 'cbc:LossRiskResponsibilityCode'),
		lossRisk: textOf(element, 'cbc:LossRisk'),
	});
}

function readDelivery(element: XmlElement | undefined): Delivery | undefined {
	if (!element) return undefined;
	const location = childOf(element, 'cac:DeliveryLocation');
	return compact({
		actualDeliveryDate: textOf(element, 'cbc:ActualDeliveryDate'),
		locationId: optionalIdentifier(location, 'cbc:ID'),
		address: readAddress(childOf(location, 'cac:Address')),
		partyName: textOf(element, 'cac:DeliveryParty/cac:PartyName/cbc:Name'),
		terms: readDeliveryTerms(childOf(element, 'cac:DeliveryTerms')),
	});
}

function readPaymentMeans(element: XmlElement): PaymentMeans {
	const card = childOf(element, 'cac:CardAccount');
	const payee = childOf(element, 'cac:PayeeFinancialAccount');
	const mandate = childOf(element, 'cac:PaymentMandate');
	return compact({
		code: requiredText(element, 'cbc:PaymentMeansCode'),
		codeName: childOf(element, 'cbc:PaymentMeansCode')?.attributes.name,
		dueDate: textOf(element, 'cbc:PaymentDueDate'),
		paymentId: textOf(element, 'cbc:PaymentID'),
		card: card
			? compact({
					primaryAccountNumber: requiredText(card, 'cbc:PrimaryAccountNumberID'),
					networkId: requiredText(card, 'cbc:NetworkID'),
					holderName: textOf(card, 'cbc:HolderName'),
				})
			: undefined,
		payeeAccountId: textOf(payee, 'cbc:ID'),
		payeeAccountName: textOf(payee, 'cbc:Name'),
		payeeBankId: textOf(payee, 'cac:FinancialInstitutionBranch/cbc:ID'),
		mandateId: textOf(mandate, 'cbc:ID'),
		payerAccountId: textOf(mandate, 'cac:PayerFinancialAccount/cbc:ID'),
	});
}

/** The first TaxTotal with subtotals is in the document currency; a bare one is in the tax currency. */
function readTaxTotals(root: XmlElement, currency: string): { taxTotal: TaxTotal; inTaxCurrency?: Decimal } {
	const totals = childrenOf(root, 'cac:TaxTotal');
	const documentTotal =
		totals.find((total) => childOf(total, 'cbc:TaxAmount')?.attributes.currencyID === currency) ?? totals[0];
	if (!documentTotal) throw new UblDocumentError(`<${root.name}> has no cac:TaxTotal`, root);
	const other = totals.find((total) => total !== documentTotal);
	return {
		taxTotal: {
			taxAmount: requiredDecimal(documentTotal, 'cbc:TaxAmount'),
			subtotals: childrenOf(documentTotal, 'cac:TaxSubtotal').map((subtotal) => ({
				taxableAmount: requiredDecimal(subtotal, 'cbc:TaxableAmount'),
				taxAmount: requiredDecimal(subtotal, 'cbc:TaxAmount'),
				category: readTaxCategory(childOf(subtotal, 'cac:TaxCategory')) ?? { id: '', taxSchemeId: '' },
			})),
		},
		inTaxCurrency: other ? optionalDecimal(other, 'cbc:TaxAmount') : undefined,
	};
}

function readItem(element: XmlElement | undefined, line: XmlElement): Item {
	if (!element) throw new UblDocumentError(`<${line.name}> has no cac:Item`, line);
	const taxCategory = readTaxCategory(childOf(element, 'cac:ClassifiedTaxCategory'));
	if (!taxCategory) throw new UblDocumentError(`<${element.name}> has no cac:ClassifiedTaxCategory`, element);
	return compact({
		description: textOf(element, 'cbc:Description'),
		name: textOf(element, 'cbc:Name') ?? '',
		buyersItemId: textOf(element, 'cac:BuyersItemIdentification/cbc:ID'),
		sellersItemId: textOf(element, 'cac:SellersItemIdentification/cbc:ID'),
		standardItemId: optionalIdentifier(element, 'cac:StandardItemIdentification/cbc:ID'),
		originCountry: textOf(element, 'cac:OriginCountry/cbc:IdentificationCode'),
		classifications: childrenOf(element, 'cac:CommodityClassification').map((classification) => {
			const code = childOf(classification, 'cbc:ItemClassificationCode');
			return compact({
				code: code?.text.trim() ?? '',
				listId: code?.attributes.listID,
				listVersionId: code?.attributes.listVersionID,
			});
		}),
		taxCategory,
		properties: childrenOf(element, 'cac:AdditionalItemProperty').map((property) => ({
			name: textOf(property, 'cbc:Name') ?? '',
			value: textOf(property, 'cbc:Value') ?? '',
		})),
	});
}

function readPrice(element: XmlElement | undefined, line: XmlElement): Price {
	if (!element) throw new UblDocumentError(`<${line.name}> has no cac:Price`, line);
	const allowance = childOf(element, 'cac:AllowanceCharge');
	return compact({
		amount: requiredDecimal(element, 'cbc:PriceAmount'),
		baseQuantity: optionalDecimal(element, 'cbc:BaseQuantity'),
		baseQuantityUnitCode: childOf(element, 'cbc:BaseQuantity')?.attributes.unitCode,
		allowance: allowance
			? compact({
					chargeIndicator: isTrue(textOf(allowance, 'cbc:ChargeIndicator') ?? '') ? (true as const) : undefined,
					amount: requiredDecimal(allowance, 'cbc:Amount'),
					baseAmount: optionalDecimal(allowance, 'cbc:BaseAmount'),
				})
			: undefined,
	});
}

function readLine(element: XmlElement, kind: CommercialDocumentKind): DocumentLine {
	const quantityName = KIND_ELEMENT_NAMES[kind].quantity;
	return compact({
		id: requiredText(element, 'cbc:ID'),
		note: textOf(element, 'cbc:Note'),
		quantity: requiredDecimal(element, quantityName),
		unitCode: childOf(element, quantityName)?.attributes.unitCode,
		lineExtensionAmount: requiredDecimal(element, 'cbc:LineExtensionAmount'),
		accountingCost: textOf(element, 'cbc:AccountingCost'),
		period: readPeriod(childOf(element, 'cac:InvoicePeriod')),
		// Kept even when empty: official examples carry an empty LineID.
		orderLineId: presentText(element, 'cac:OrderLineReference/cbc:LineID'),
		objectId: optionalIdentifier(element, 'cac:DocumentReference/cbc:ID'),
		objectTypeCode: textOf(element, 'cac:DocumentReference/cbc:DocumentTypeCode'),
		allowanceCharges: childrenOf(element, 'cac:AllowanceCharge').map(readAllowanceCharge),
		item: readItem(childOf(element, 'cac:Item'), element),
		price: readPrice(childOf(element, 'cac:Price'), element),
	});
}

function schemaLocationOf(root: XmlElement): string | undefined {
	const prefix = Object.entries(root.namespaces).find(([, uri]) => uri === XSI)?.[0];
	return prefix ? root.attributes[`${prefix}:schemaLocation`] : undefined;
}

/** Reads an Invoice or CreditNote root element into the JSON model. */
export function readCommercialDocument(root: XmlElement, kind: CommercialDocumentKind): CommercialDocument {
	const names = KIND_ELEMENT_NAMES[kind];
	const currency = requiredText(root, 'cbc:DocumentCurrencyCode');
	const totals = childOf(root, 'cac:LegalMonetaryTotal');
	if (!totals) throw new UblDocumentError(`<${root.name}> has no cac:LegalMonetaryTotal`, root);
	const { taxTotal, inTaxCurrency } = readTaxTotals(root, currency);
	const paymentMeans = childrenOf(root, 'cac:PaymentMeans').map(readPaymentMeans);
	const orderReference = childOf(root, 'cac:OrderReference');
	return compact({
		kind,
		schemaLocation: schemaLocationOf(root),
		customizationId: textOf(root, 'cbc:CustomizationID'),
		profileId: textOf(root, 'cbc:ProfileID'),
		id: requiredText(root, 'cbc:ID'),
		issueDate: requiredText(root, 'cbc:IssueDate'),
		// A credit note has no DueDate element: its due date is the payment means' one.
		dueDate:
			kind === 'CreditNote'
				? paymentMeans.find((means) => means.dueDate)?.dueDate
				: textOf(root, 'cbc:DueDate'),
		typeCode: requiredText(root, names.typeCode),
		notes: childrenOf(root, 'cbc:Note').map((note) => note.text.trim()),
		taxPointDate: textOf(root, 'cbc:TaxPointDate'),
		currency,
		taxCurrency: textOf(root, 'cbc:TaxCurrencyCode'),
		accountingCost: textOf(root, 'cbc:AccountingCost'),
		buyerReference: textOf(root, 'cbc:BuyerReference'),
		period: readPeriod(childOf(root, 'cac:InvoicePeriod')),
		orderReference: orderReference
			? compact({ id: textOf(orderReference, 'cbc:ID'), salesOrderId: textOf(orderReference, 'cbc:SalesOrderID') })
			: undefined,
		billingReferences: childrenOf(root, 'cac:BillingReference').map((reference) =>
			compact({
				id: requiredText(reference, 'cac:InvoiceDocumentReference/cbc:ID'),
				issueDate: textOf(reference, 'cac:InvoiceDocumentReference/cbc:IssueDate'),
			}),
		),
		despatchReference: textOf(root, 'cac:DespatchDocumentReference/cbc:ID'),
		receiptReference: textOf(root, 'cac:ReceiptDocumentReference/cbc:ID'),
		originatorReference: textOf(root, 'cac:OriginatorDocumentReference/cbc:ID'),
		contractReference: textOf(root, 'cac:ContractDocumentReference/cbc:ID'),
		additionalDocuments: childrenOf(root, 'cac:AdditionalDocumentReference').map(readAdditionalDocument),
		projectReference: textOf(root, 'cac:ProjectReference/cbc:ID'),
		seller: readRequiredParty(root, 'cac:AccountingSupplierParty/cac:Party'),
		buyer: readRequiredParty(root, 'cac:AccountingCustomerParty/cac:Party'),
		payee: readParty(childOf(root, 'cac:PayeeParty')),
		taxRepresentative: readParty(childOf(root, 'cac:TaxRepresentativeParty')),
		delivery: readDelivery(childOf(root, 'cac:Delivery')),
		paymentMeans,
		paymentTerms: textOf(root, 'cac:PaymentTerms/cbc:Note'),
		allowanceCharges: childrenOf(root, 'cac:AllowanceCharge').map(readAllowanceCharge),
		taxTotal,
		taxTotalInTaxCurrency: inTaxCurrency,
		totals: compact({
			lineExtensionAmount: requiredDecimal(totals, 'cbc:LineExtensionAmount'),
			taxExclusiveAmount: requiredDecimal(totals, 'cbc:TaxExclusiveAmount'),
			taxInclusiveAmount: requiredDecimal(totals, 'cbc:TaxInclusiveAmount'),
			allowanceTotalAmount: optionalDecimal(totals, 'cbc:AllowanceTotalAmount'),
			chargeTotalAmount: optionalDecimal(totals, 'cbc:ChargeTotalAmount'),
			prepaidAmount: optionalDecimal(totals, 'cbc:PrepaidAmount'),
			payableRoundingAmount: optionalDecimal(totals, 'cbc:PayableRoundingAmount'),
			payableAmount: requiredDecimal(totals, 'cbc:PayableAmount'),
		}),
		lines: childrenOf(root, names.line).map((line) => readLine(line, kind)),
	});
}
