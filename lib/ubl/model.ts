/**
 * The JSON model of Peppol BIS Billing 3.0 invoices and credit notes, and of Peppol Invoice
 * Response (IMR) and Message Level Response (MLR) documents. Amounts, quantities and percentages
 * are decimal text exactly as written (`Decimal`); dates are `YYYY-MM-DD` strings; absent optional
 * elements are absent properties.
 * Comments name the EN16931 business terms (BT/BG) so validation rules map onto fields.
 */

/** UBL decimal text such as `1200.50` or `-3`: optional sign, digits, optional fraction, never an exponent. */
export type Decimal = string;

/** An identifier with its optional scheme (an ICD/EAS code such as `0208`, `9925`, `0088`). */
export interface Identifier {
	id: string;
	schemeId?: string;
}

export interface Address {
	streetName?: string;
	additionalStreetName?: string;
	cityName?: string;
	postalZone?: string;
	countrySubentity?: string;
	/** Third address line (BT-162). */
	addressLine?: string;
	/** ISO 3166-1 alpha-2. */
	countryCode?: string;
}

export interface Contact {
	name?: string;
	telephone?: string;
	email?: string;
}

/** A tax registration other than VAT (BT-32), e.g. `{ companyId: '123', taxSchemeId: 'TAX' }`. */
export interface TaxRegistration {
	companyId: string;
	taxSchemeId: string;
}

/** Seller (BG-4), buyer (BG-7), payee (BG-10) or tax representative (BG-11). */
export interface Party {
	/** Electronic address (BT-34 / BT-49). */
	endpoint?: Identifier;
	/** Party identifiers (BT-29 / BT-46 / BT-60). */
	identifiers?: Identifier[];
	/** Trading name (BT-28 / BT-45) or payee / representative name. */
	name?: string;
	address?: Address;
	/** VAT identifier with country prefix (BT-31 / BT-48 / BT-63). */
	vatId?: string;
	taxRegistration?: TaxRegistration;
	/** Legal name (BT-27 / BT-44). */
	registrationName?: string;
	/** Legal registration identifier (BT-30 / BT-47 / BT-61). */
	companyId?: Identifier;
	/** Additional legal information (BT-33). */
	legalForm?: string;
	contact?: Contact;
}

export interface Period {
	startDate?: string;
	endDate?: string;
	/** UNCL2005 subset: 3 invoice date, 35 delivery date, 432 paid to date (BT-8). */
	descriptionCode?: string;
}

/** Terms of delivery, e.g. an Incoterm (`cac:Delivery/cac:DeliveryTerms`). */
export interface DeliveryTerms {
	id?: string;
	specialTerms?: string;
	lossRiskResponsibilityCode?: string;
	lossRisk?: string;
}

export interface Delivery {
	actualDeliveryDate?: string;
	locationId?: Identifier;
	address?: Address;
	partyName?: string;
	terms?: DeliveryTerms;
}

export interface PaymentCard {
	/** Last digits only (BT-87). */
	primaryAccountNumber: string;
	networkId: string;
	holderName?: string;
}

export interface PaymentMeans {
	/** UNCL4461: 30 credit transfer, 58 SEPA credit transfer, 49 direct debit, 48 card... */
	code: string;
	/** Text of the code's `name` attribute (BT-82). */
	codeName?: string;
	/** Credit notes carry their due date here (BT-9). */
	dueDate?: string;
	/** Remittance information, e.g. a Belgian structured communication (BT-83). */
	paymentId?: string;
	card?: PaymentCard;
	/** IBAN or other account (BT-84). */
	payeeAccountId?: string;
	payeeAccountName?: string;
	/** BIC (BT-86). */
	payeeBankId?: string;
	/** Direct debit mandate reference (BT-89) and debited account (BT-91). */
	mandateId?: string;
	payerAccountId?: string;
}

export interface TaxCategory {
	/** UNCL5305 subset: S, Z, E, AE, K, G, O, L, M. */
	id: string;
	/** The code list named on the ID, when the document names it (`UNCL5305`). */
	schemeId?: string;
	percent?: Decimal;
	exemptionReasonCode?: string;
	exemptionReason?: string;
	/** Always `VAT` in Peppol BIS. */
	taxSchemeId: string;
}

/** Document-level allowance or charge (BG-20 / BG-21), or line-level (BG-27 / BG-28) without tax category. */
export interface AllowanceCharge {
	chargeIndicator: boolean;
	reasonCode?: string;
	reason?: string;
	multiplierFactor?: Decimal;
	amount: Decimal;
	baseAmount?: Decimal;
	taxCategory?: TaxCategory;
}

/** VAT breakdown per category, rate and exemption reason (BG-23). */
export interface TaxSubtotal {
	taxableAmount: Decimal;
	taxAmount: Decimal;
	category: TaxCategory;
}

export interface TaxTotal {
	/** Total VAT in the document currency (BT-110). */
	taxAmount: Decimal;
	subtotals: TaxSubtotal[];
}

export interface MonetaryTotals {
	lineExtensionAmount: Decimal;
	taxExclusiveAmount: Decimal;
	taxInclusiveAmount: Decimal;
	allowanceTotalAmount?: Decimal;
	chargeTotalAmount?: Decimal;
	prepaidAmount?: Decimal;
	payableRoundingAmount?: Decimal;
	payableAmount: Decimal;
}

export interface OrderReference {
	/** Purchase order reference (BT-13). */
	id?: string;
	/** Sales order reference (BT-14). */
	salesOrderId?: string;
}

/** A preceding invoice (BG-3). */
export interface BillingReference {
	id: string;
	issueDate?: string;
}

/** Supporting document (BG-24) or invoiced object identifier (BT-18, type code 130). */
export interface AdditionalDocument {
	id: string;
	schemeId?: string;
	typeCode?: string;
	description?: string;
	/** Base64 content as in the document, plus its MIME code and file name (BT-125). */
	attachment?: { mimeCode: string; filename: string; base64: string };
	externalUri?: string;
}

export interface ItemClassification {
	code: string;
	/** Required by Peppol; absent only when the document lacks it. */
	listId?: string;
	listVersionId?: string;
}

export interface ItemProperty {
	name: string;
	value: string;
}

export interface Item {
	description?: string;
	name: string;
	buyersItemId?: string;
	sellersItemId?: string;
	standardItemId?: Identifier;
	originCountry?: string;
	classifications?: ItemClassification[];
	taxCategory: TaxCategory;
	properties?: ItemProperty[];
}

/** Price discount (BT-147) off the gross price (BT-148); Peppol wants the indicator false. */
export interface PriceAllowance {
	/** As written; absent means `false`, the only value Peppol accepts. */
	chargeIndicator?: true;
	amount: Decimal;
	baseAmount?: Decimal;
}

export interface Price {
	amount: Decimal;
	baseQuantity?: Decimal;
	baseQuantityUnitCode?: string;
	/** Price discount (BT-147) off the gross price (BT-148). */
	allowance?: PriceAllowance;
}

export interface DocumentLine {
	id: string;
	note?: string;
	/** InvoicedQuantity or CreditedQuantity (BT-129). */
	quantity: Decimal;
	/** UN/ECE Rec 20 unit (BT-130); required by Peppol, absent only when the document lacks it. */
	unitCode?: string;
	lineExtensionAmount: Decimal;
	accountingCost?: string;
	period?: Period;
	orderLineId?: string;
	/** Invoice line object identifier (BT-128). */
	objectId?: Identifier;
	/** Its document type code as written (EN16931 fixes it to 130). */
	objectTypeCode?: string;
	allowanceCharges?: AllowanceCharge[];
	item: Item;
	price: Price;
}

export type CommercialDocumentKind = 'Invoice' | 'CreditNote';

/**
 * How a parsed document wrote what the model holds normalised, so that building it gives the same text back.
 * Present only when the document departs from what the builder writes; paths are `cac:Name[n]/cbc:Name[n]` steps
 * from the root. Built back only while the model still holds the same values and elements.
 */
export interface WrittenForm {
	/** Text as written where it differs only in surrounding whitespace or a boolean's `0`/`1` form. */
	texts?: Record<string, string>;
	/** Child element names in written order where the document departs from UBL schema order. */
	order?: Record<string, string[]>;
}

/** An invoice or credit note (EN16931 with the Peppol BIS Billing 3.0 extension). */
export interface CommercialDocument {
	kind: CommercialDocumentKind;
	/** The root's `xsi:schemaLocation` hint, kept as written. */
	schemaLocation?: string;
	/** Specification (BT-24) and process (BT-23) identifiers; written only when present. */
	customizationId?: string;
	profileId?: string;
	id: string;
	issueDate: string;
	dueDate?: string;
	/** UNCL1001: 380 invoice, 381 credit note, 384 corrected invoice, 389 self-billed... */
	typeCode: string;
	notes?: string[];
	taxPointDate?: string;
	currency: string;
	taxCurrency?: string;
	accountingCost?: string;
	buyerReference?: string;
	period?: Period;
	orderReference?: OrderReference;
	billingReferences?: BillingReference[];
	despatchReference?: string;
	receiptReference?: string;
	/** Tender or lot reference (BT-17). */
	originatorReference?: string;
	contractReference?: string;
	additionalDocuments?: AdditionalDocument[];
	/** Invoices only; a credit note carries its project as an additional document of type 50. */
	projectReference?: string;
	seller: Party;
	buyer: Party;
	payee?: Party;
	taxRepresentative?: Party;
	delivery?: Delivery;
	paymentMeans?: PaymentMeans[];
	paymentTerms?: string;
	allowanceCharges?: AllowanceCharge[];
	taxTotal: TaxTotal;
	/** Total VAT in the tax currency when it differs from the document currency (BT-111). */
	taxTotalInTaxCurrency?: Decimal;
	totals: MonetaryTotals;
	lines: DocumentLine[];
	/** Whitespace, boolean forms and element order as the parsed document wrote them. */
	written?: WrittenForm;
}

/** A status code with its decoded meaning; `meaning` is absent for codes outside the code list. */
export interface DecodedCode {
	code: string;
	meaning?: string;
	listId?: string;
}

export interface ResponseCondition {
	attributeId: string;
	description?: string;
}

/** One `cac:Status`: a clarification reason (OPStatusReason) or a requested action (OPStatusAction). */
export interface ResponseStatus {
	reasonCode?: DecodedCode;
	reason?: string;
	conditions?: ResponseCondition[];
}

export interface ResponseDetail {
	response: DecodedCode;
	effectiveDate?: string;
	description?: string;
	statuses?: ResponseStatus[];
}

export interface LineResponse extends ResponseDetail {
	/** For an MLR, the location of the problem (often an XPath). */
	lineId: string;
}

export type ApplicationResponseType = 'InvoiceResponse' | 'MessageLevelResponse' | 'Other';

/** Peppol Invoice Response (IMR) or Message Level Response (MLR). */
export interface ApplicationResponseDocument {
	kind: 'ApplicationResponse';
	responseType: ApplicationResponseType;
	customizationId: string;
	profileId: string;
	id: string;
	issueDate: string;
	issueTime?: string;
	notes?: string[];
	sender: Party;
	receiver: Party;
	/** The status of the referenced document (or message, for an MLR). */
	documentResponse: ResponseDetail;
	/** The invoice, credit note or message the response is about. */
	documentReference: { id: string; issueDate?: string; typeCode?: string };
	/** IMR: the party that issued the referenced invoice. */
	issuer?: Party;
	/** MLR: one entry per reported problem. */
	lineResponses?: LineResponse[];
}

export type UblDocument = CommercialDocument | ApplicationResponseDocument;
