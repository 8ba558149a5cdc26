import { addressNode, partyNode, taxSchemeNode } from './build-party';
import { KIND_ELEMENT_NAMES } from './document-names';
import type {
	AdditionalDocument,
	AllowanceCharge,
	CommercialDocument,
	Delivery,
	DocumentLine,
	PaymentMeans,
	Period,
	TaxCategory,
} from './model';
import {
	CAC,
	CBC,
	ROOT_NAMESPACES,
	XSI,
} from './namespaces';
import { amountLeaf, decimalLeaf, group, leaf, presentLeaf, type MaybeNode } from './node-builders';
import { applyWrittenForm } from './written-form';
import type { XmlNode } from './xml-writer';


/** A credit note has no ProjectReference in UBL 2.1: Peppol carries it as document type 50. */
const PROJECT_DOCUMENT_TYPE = '50';

function periodNode(period: Period | undefined): MaybeNode {
	if (!period) return undefined;
	return group('cac:InvoicePeriod', [
		leaf('cbc:StartDate', period.startDate),
		leaf('cbc:EndDate', period.endDate),
		leaf('cbc:DescriptionCode', period.descriptionCode),
	]);
}

function taxCategoryNode(name: string, category: TaxCategory | undefined): MaybeNode {
	if (!category) return undefined;
	return group(name, [
		leaf('cbc:ID', category.id, { schemeID: category.schemeId }),
		decimalLeaf('cbc:Percent', category.percent),
		leaf('cbc:TaxExemptionReasonCode', category.exemptionReasonCode),
		leaf('cbc:TaxExemptionReason', category.exemptionReason),
		taxSchemeNode(category.taxSchemeId),
	]);
}

function allowanceChargeNode(allowanceCharge: AllowanceCharge, currency: string): MaybeNode {
	return group('cac:AllowanceCharge', [
		leaf('cbc:ChargeIndicator', String(allowanceCharge.chargeIndicator)),
		leaf('cbc:AllowanceChargeReasonCode', allowanceCharge.reasonCode),
		leaf('cbc:AllowanceChargeReason', allowanceCharge.reason),
		decimalLeaf('cbc:MultiplierFactorNumeric', allowanceCharge.multiplierFactor),
		amountLeaf('cbc:Amount', allowanceCharge.amount, currency),
		amountLeaf('cbc:BaseAmount', allowanceCharge.baseAmount, currency),
		taxCategoryNode('cac:TaxCategory', allowanceCharge.taxCategory),
	]);
}

function additionalDocumentNode(document: AdditionalDocument): MaybeNode {
	const attachment = document.attachment;
	return group('cac:AdditionalDocumentReference', [
		leaf('cbc:ID', document.id, { schemeID: document.schemeId }),
		leaf('cbc:DocumentTypeCode', document.typeCode),
		leaf('cbc:DocumentDescription', document.description),
		group('cac:Attachment', [
			attachment
				? leaf('cbc:EmbeddedDocumentBinaryObject', attachment.base64, {
						mimeCode: attachment.mimeCode,
						filename: attachment.filename,
					})
				: undefined,
			group('cac:ExternalReference', [leaf('cbc:URI', document.externalUri)]),
		]),
	]);
}

function additionalDocumentNodes(document: CommercialDocument): MaybeNode[] {
	const references = [...(document.additionalDocuments ?? [])];
	if (document.kind === 'CreditNote' && document.projectReference) {
		references.push({ id: document.projectReference, typeCode: PROJECT_DOCUMENT_TYPE });
	}
	return references.map(additionalDocumentNode);
}

function deliveryNode(delivery: Delivery | undefined): MaybeNode {
	if (!delivery) return undefined;
	return group('cac:Delivery', [
		leaf('cbc:ActualDeliveryDate', delivery.actualDeliveryDate),
		group('cac:DeliveryLocation', [
			leaf('cbc:ID', delivery.locationId?.id, { schemeID: delivery.locationId?.schemeId }),
			addressNode('cac:Address', delivery.address),
		]),
		group('cac:DeliveryParty', [group('cac:PartyName', [leaf('cbc:Name', delivery.partyName)])]),
		group('cac:DeliveryTerms', [
			leaf('cbc:ID', delivery.terms?.id),
			leaf('cbc:SpecialTerms', delivery.terms?.specialTerms),
			leaf('cbc:LossRiskResponsibilityCode', delivery.terms?.lossRiskResponsibilityCode),
			leaf('cbc:LossRisk', delivery.terms?.lossRisk),
		]),
	]);
}

function paymentMeansNode(means: PaymentMeans): MaybeNode {
	return group('cac:PaymentMeans', [
		leaf('cbc:PaymentMeansCode', means.code, { name: means.codeName }),
		leaf('cbc:PaymentDueDate', means.dueDate),
		leaf('cbc:PaymentID', means.paymentId),
		means.card
			? group('cac:CardAccount', [
					leaf('cbc:PrimaryAccountNumberID', means.card.primaryAccountNumber),
					leaf('cbc:NetworkID', means.card.networkId),
					leaf('cbc:HolderName', means.card.holderName),
				])
			: undefined,
		group('cac:PayeeFinancialAccount', [
			leaf('cbc:ID', means.payeeAccountId),
			leaf('cbc:Name', means.payeeAccountName),
			group('cac:FinancialInstitutionBranch', [leaf('cbc:ID', means.payeeBankId)]),
		]),
		group('cac:PaymentMandate', [
			leaf('cbc:ID', means.mandateId),
			group('cac:PayerFinancialAccount', [leaf('cbc:ID', means.payerAccountId)]),
		]),
	]);
}

/** Invoices carry the due date in the header; credit notes in their (first) payment means. */
function paymentMeansNodes(document: CommercialDocument): MaybeNode[] {
	const means = document.paymentMeans ?? [];
	const needsDueDate =
		document.kind === 'CreditNote' && document.dueDate !== undefined && !means.some((m) => m.dueDate);
	return means.map((m, index) =>
		paymentMeansNode(needsDueDate && index === 0 ? { ...m, dueDate: document.dueDate } : m),
	);
}

function taxTotalNodes(document: CommercialDocument): MaybeNode[] {
	const { currency, taxTotal } = document;
	const documentTotal = group('cac:TaxTotal', [
		amountLeaf('cbc:TaxAmount', taxTotal.taxAmount, currency),
		...taxTotal.subtotals.map((subtotal) =>
			group('cac:TaxSubtotal', [
				amountLeaf('cbc:TaxableAmount', subtotal.taxableAmount, currency),
				amountLeaf('cbc:TaxAmount', subtotal.taxAmount, currency),
				taxCategoryNode('cac:TaxCategory', subtotal.category),
			]),
		),
	]);
	const taxCurrencyTotal =
		document.taxCurrency !== undefined && document.taxTotalInTaxCurrency !== undefined
			? group('cac:TaxTotal', [amountLeaf('cbc:TaxAmount', document.taxTotalInTaxCurrency, document.taxCurrency)])
			: undefined;
	return [documentTotal, taxCurrencyTotal];
}

function monetaryTotalNode(document: CommercialDocument): MaybeNode {
	const { totals, currency } = document;
	return group('cac:LegalMonetaryTotal', [
		amountLeaf('cbc:LineExtensionAmount', totals.lineExtensionAmount, currency),
		amountLeaf('cbc:TaxExclusiveAmount', totals.taxExclusiveAmount, currency),
		amountLeaf('cbc:TaxInclusiveAmount', totals.taxInclusiveAmount, currency),
		amountLeaf('cbc:AllowanceTotalAmount', totals.allowanceTotalAmount, currency),
		amountLeaf('cbc:ChargeTotalAmount', totals.chargeTotalAmount, currency),
		amountLeaf('cbc:PrepaidAmount', totals.prepaidAmount, currency),
		amountLeaf('cbc:PayableRoundingAmount', totals.payableRoundingAmount, currency),
		amountLeaf('cbc:PayableAmount', totals.payableAmount, currency),
	]);
}

function itemNode(line: DocumentLine): MaybeNode {
	const item = line.item;
	return group('cac:Item', [
		leaf('cbc:Description', item.description),
		leaf('cbc:Name', item.name),
		group('cac:BuyersItemIdentification', [leaf('cbc:ID', item.buyersItemId)]),
		group('cac:SellersItemIdentification', [leaf('cbc:ID', item.sellersItemId)]),
		group('cac:StandardItemIdentification', [
			leaf('cbc:ID', item.standardItemId?.id, { schemeID: item.standardItemId?.schemeId }),
		]),
		group('cac:OriginCountry', [leaf('cbc:IdentificationCode', item.originCountry)]),
		...(item.classifications ?? []).map((classification) =>
			group('cac:CommodityClassification', [
				leaf('cbc:ItemClassificationCode', classification.code, {
					listID: classification.listId,
					listVersionID: classification.listVersionId,
				}),
			]),
		),
		taxCategoryNode('cac:ClassifiedTaxCategory', item.taxCategory),
		...(item.properties ?? []).map((property) =>
			group('cac:AdditionalItemProperty', [leaf('cbc:Name', property.name), leaf('cbc:Value', property.value)]),
		),
	]);
}

function priceNode(line: DocumentLine, currency: string): MaybeNode {
	const price = line.price;
	return group('cac:Price', [
		amountLeaf('cbc:PriceAmount', price.amount, currency),
		decimalLeaf('cbc:BaseQuantity', price.baseQuantity, { unitCode: price.baseQuantityUnitCode }),
		price.allowance
			? group('cac:AllowanceCharge', [
					leaf('cbc:ChargeIndicator', String(price.allowance.chargeIndicator ?? false)),
					amountLeaf('cbc:Amount', price.allowance.amount, currency),
					amountLeaf('cbc:BaseAmount', price.allowance.baseAmount, currency),
				])
			: undefined,
	]);
}

function lineNode(line: DocumentLine, document: CommercialDocument): MaybeNode {
	const names = KIND_ELEMENT_NAMES[document.kind];
	const currency = document.currency;
	return group(names.line, [
		leaf('cbc:ID', line.id),
		leaf('cbc:Note', line.note),
		decimalLeaf(names.quantity, line.quantity, { unitCode: line.unitCode }),
		amountLeaf('cbc:LineExtensionAmount', line.lineExtensionAmount, currency),
		leaf('cbc:AccountingCost', line.accountingCost),
		periodNode(line.period),
		group('cac:OrderLineReference', [presentLeaf('cbc:LineID', line.orderLineId)]),
		group('cac:DocumentReference', [
			leaf('cbc:ID', line.objectId?.id, { schemeID: line.objectId?.schemeId }),
			leaf('cbc:DocumentTypeCode', line.objectTypeCode),
		]),
		...(line.allowanceCharges ?? []).map((allowanceCharge) => allowanceChargeNode(allowanceCharge, currency)),
		itemNode(line),
		priceNode(line, currency),
	]);
}

function referenceNode(name: string, id: string | undefined): MaybeNode {
	return group(name, [leaf('cbc:ID', id)]);
}

/** Header elements whose order differs between the Invoice and CreditNote schemas. */
function headerDatesAndType(document: CommercialDocument): MaybeNode[] {
	const typeCode = leaf(KIND_ELEMENT_NAMES[document.kind].typeCode, document.typeCode);
	const notes = (document.notes ?? []).map((note) => leaf('cbc:Note', note));
	const taxPointDate = leaf('cbc:TaxPointDate', document.taxPointDate);
	if (document.kind === 'CreditNote') return [taxPointDate, typeCode, ...notes];
	return [leaf('cbc:DueDate', document.dueDate), typeCode, ...notes, taxPointDate];
}

function documentReferences(document: CommercialDocument): MaybeNode[] {
	const despatch = referenceNode('cac:DespatchDocumentReference', document.despatchReference);
	const receipt = referenceNode('cac:ReceiptDocumentReference', document.receiptReference);
	const originator = referenceNode('cac:OriginatorDocumentReference', document.originatorReference);
	const contract = referenceNode('cac:ContractDocumentReference', document.contractReference);
	const additional = additionalDocumentNodes(document);
	if (document.kind === 'CreditNote') return [despatch, receipt, contract, ...additional, originator];
	const project = referenceNode('cac:ProjectReference', document.projectReference);
	return [despatch, receipt, originator, contract, ...additional, project];
}

/** The UBL 2.1 element tree of an invoice or credit note, children in schema order. */
export function commercialDocumentTree(document: CommercialDocument): XmlNode {
	const currency = document.currency;
	const children: MaybeNode[] = [
		leaf('cbc:CustomizationID', document.customizationId),
		leaf('cbc:ProfileID', document.profileId),
		leaf('cbc:ID', document.id),
		leaf('cbc:IssueDate', document.issueDate),
		...headerDatesAndType(document),
		leaf('cbc:DocumentCurrencyCode', currency),
		leaf('cbc:TaxCurrencyCode', document.taxCurrency),
		leaf('cbc:AccountingCost', document.accountingCost),
		leaf('cbc:BuyerReference', document.buyerReference),
		periodNode(document.period),
		group('cac:OrderReference', [
			leaf('cbc:ID', document.orderReference?.id),
			leaf('cbc:SalesOrderID', document.orderReference?.salesOrderId),
		]),
		...(document.billingReferences ?? []).map((reference) =>
			group('cac:BillingReference', [
				group('cac:InvoiceDocumentReference', [
					leaf('cbc:ID', reference.id),
					leaf('cbc:IssueDate', reference.issueDate),
				]),
			]),
		),
		...documentReferences(document),
		group('cac:AccountingSupplierParty', [partyNode('cac:Party', document.seller)]),
		group('cac:AccountingCustomerParty', [partyNode('cac:Party', document.buyer)]),
		partyNode('cac:PayeeParty', document.payee),
		partyNode('cac:TaxRepresentativeParty', document.taxRepresentative),
		deliveryNode(document.delivery),
		...paymentMeansNodes(document),
		group('cac:PaymentTerms', [leaf('cbc:Note', document.paymentTerms)]),
		...(document.allowanceCharges ?? []).map((allowanceCharge) => allowanceChargeNode(allowanceCharge, currency)),
		...taxTotalNodes(document),
		monetaryTotalNode(document),
		...document.lines.map((line) => lineNode(line, document)),
	];
	const root: XmlNode = {
		name: document.kind,
		namespaces: { '': ROOT_NAMESPACES[document.kind], cac: CAC, cbc: CBC },
		children: children.filter((child): child is XmlNode => child !== undefined),
	};
	if (document.schemaLocation !== undefined) {
		root.namespaces = { ...root.namespaces, xsi: XSI };
		root.attributes = { 'xsi:schemaLocation': document.schemaLocation };
	}
	return document.written ? applyWrittenForm(root, document.written) : root;
}
