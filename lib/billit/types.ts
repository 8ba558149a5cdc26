/**
 * Billit API models (JSON names as Billit sends them). Fields are optional because Billit omits
 * empty ones and rejects explicit nulls; unknown extra fields are allowed.
 */

export type OrderType = 'Invoice' | 'CreditNote' | 'Offer' | 'DeliveryNote' | 'OrderForm';
/** `Income` = sales, `Cost` = purchase. */
export type OrderDirection = 'Income' | 'Cost';
export type PartyType = 'Customer' | 'Supplier';
export type AddressType = 'InvoiceAddress' | 'DeliveryAddress';
export type TransportType = 'Peppol' | 'SMTP' | 'Letter' | 'SDI' | 'KSeF' | 'Chorus' | (string & {});
export type DocumentDeliveryStatus = 'Delivered' | 'Pending' | 'Error';

export interface BillitFile {
	FileID?: string;
	FileName?: string;
	MimeType?: string;
	/** Base64. */
	FileContent?: string;
	[key: string]: unknown;
}

export interface PartyIdentifier {
	IdentifierType?: string;
	Identifier?: string;
	SchemeID?: string;
	Preferred?: boolean;
}

export interface Address {
	AddressType?: AddressType;
	Name?: string;
	Street?: string;
	StreetNumber?: string;
	Box?: string;
	Zipcode?: string;
	City?: string;
	CountryCode?: string;
}

export interface Party {
	PartyID?: number;
	PartyType?: PartyType;
	Nr?: string;
	Name?: string;
	CommercialName?: string;
	DisplayName?: string;
	VATNumber?: string;
	VATLiable?: boolean;
	PeppolIdentifier?: string;
	Identifiers?: PartyIdentifier[];
	Addresses?: Address[];
	Street?: string;
	StreetNumber?: string;
	Box?: string;
	Zipcode?: string;
	City?: string;
	CountryCode?: string;
	Email?: string;
	Phone?: string;
	Mobile?: string;
	IBAN?: string;
	BIC?: string;
	Language?: string;
	DefaultTransportTypeTC?: string;
	CustomFields?: Record<string, unknown>;
	[key: string]: unknown;
}

export interface OrderLine {
	Quantity?: number;
	UnitPriceExcl?: number;
	UnitPriceIncl?: number;
	Description?: string;
	DescriptionExtended?: string;
	VATPercentage?: number;
	ReductionPercentage?: number;
	TotalExcl?: number;
	TotalVAT?: number;
	TotalIncl?: number;
	ProductID?: number;
	Unit?: string;
	Reference?: string;
	AccountCode?: number;
	[key: string]: unknown;
}

export interface OrderMessage {
	OrderID?: number;
	Description?: string;
	FileID?: string;
	CreationDate?: string;
	TransportType?: TransportType;
	Success?: boolean;
	Trials?: number;
	Destination?: string;
	MessageDirection?: string;
}

export interface DocumentDeliveryDetails {
	IsDocumentDelivered?: boolean;
	DocumentDeliveryStatus?: DocumentDeliveryStatus;
	DocumentDeliveryDate?: string;
	DocumentDeliveryInfo?: string;
	DocumentRefusedDate?: string;
	DocumentRefusedInfo?: string;
}

export interface VatGroup {
	VATPercentage?: number;
	TotalExcl?: number;
	TotalVAT?: number;
	[key: string]: unknown;
}

export interface Order {
	OrderID?: number;
	CompanyID?: number;
	OrderType?: OrderType;
	OrderDirection?: OrderDirection;
	OrderNumber?: string;
	OrderDate?: string;
	ExpiryDate?: string;
	DeliveryDate?: string;
	Reference?: string;
	AboutInvoiceNumber?: string;
	Customer?: Party;
	Supplier?: Party;
	CounterParty?: Party;
	OrderLines?: OrderLine[];
	TotalExcl?: number;
	TotalVAT?: number;
	TotalIncl?: number;
	ToPay?: number;
	Currency?: string;
	VatGroups?: VatGroup[];
	PaymentReference?: string;
	PaymentMethod?: string;
	Paid?: boolean;
	PaidDate?: string;
	IsSent?: boolean;
	Invoiced?: boolean;
	OrderStatus?: string;
	ApprovalStatus?: string;
	Overdue?: boolean;
	DaysOverdue?: number;
	ExportedToConnector?: boolean;
	OrderPDF?: BillitFile;
	Attachments?: BillitFile[];
	Messages?: OrderMessage[];
	CurrentDocumentDeliveryDetails?: DocumentDeliveryDetails;
	/** UBL paths such as `Invoice.OrderReference.SalesOrderID` add Peppol fields. */
	CustomFields?: Record<string, unknown>;
	Tags?: string[];
	InternalInfo?: string;
	Comments?: string;
	Created?: string;
	LastModified?: string;
	[key: string]: unknown;
}

export interface Product {
	ProductID?: number;
	Reference?: string;
	Description?: string;
	AmountExcl?: number;
	AmountIncl?: number;
	VAT?: number;
	Unit?: string;
	GroupID?: number;
	GroupName?: string;
	StockQuantity?: number;
	EAN?: string;
	GTIN?: string;
	BuyExcl?: number;
	[key: string]: unknown;
}

export interface ListPage<T> {
	Items?: T[];
	/** Absolute URL of the next page; empty or absent on the last page. */
	NextPageLink?: string | null;
	Count?: number;
}

export interface AccountCompany extends Party {
	APIAllowed?: boolean;
}

export interface AccountInformation {
	Email?: string;
	FirstName?: string;
	LastName?: string;
	Companies?: AccountCompany[];
	UserCompanyRoles?: unknown[];
	[key: string]: unknown;
}

export interface Webhook {
	WebhookID?: number;
	EntityType?: 'Order' | 'Message';
	EntityUpdateType?: 'I' | 'U' | 'D';
	WebhookURL?: string;
	/** Only returned on creation and refresh. */
	Secret?: string;
	[key: string]: unknown;
}

export interface PeppolInboxItem {
	InboxItemID?: number;
	SenderPeppolID?: string;
	ReceiverPeppolID?: string;
	PeppolDocumentType?: string;
	SenderCompanyID?: number;
	ReceiverCompanyID?: number;
	CreationDate?: string;
	PeppolFileID?: string;
}

export interface BillitErrorBody {
	errors?: Array<{ Code?: string; Description?: string }>;
	ErrorMessage?: string;
	DefaultText?: string;
	ErrorEnum?: string;
}
