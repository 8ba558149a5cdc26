import { randomBytes } from 'node:crypto';

import { Clock } from './clock';
import { defaultSwitches, type Switches } from './switches';

export type Json = Record<string, unknown>;

export interface Order extends Json {
	OrderID: number;
	CompanyID: number;
	OrderType: string;
	OrderDirection: 'Income' | 'Cost';
	OrderLines: Json[];
	Messages: OrderMessage[];
	Attachments: FileRef[];
	LastModified: string;
}

export interface OrderMessage extends Json {
	MessageID: number;
	OrderID: number;
	TransportType: string;
	EInvoiceFlowState: string;
}

export interface FileRef extends Json {
	/** A text, as Billit's model types it (File.FileID); Billit hands out GUIDs. */
	FileID: string;
	FileName: string;
	MimeType: string;
}

export interface StoredFile extends FileRef {
	companyId: number;
	content: Buffer;
}

export interface Webhook extends Json {
	WebhookID: number;
	EntityType: 'Order' | 'Message';
	EntityUpdateType: 'I' | 'U' | 'D';
	WebhookURL: string;
	Secret: string;
}

export interface FeedItem extends Json {
	FeedItemID: number;
	EntityID: number;
	EntityType: 'Order' | 'Document';
	PartyID: number;
}

export interface Feed {
	Name: string;
	Created: string;
	/** Companies whose new orders and documents enter the feed: those its creator can access. */
	scope: number[];
	items: FeedItem[];
	confirmed: Map<number, { RemoteServerName?: string; RemotePath?: string; ConfirmedAt: string }>;
	lastListedAt?: number;
}

export interface InboxItem extends Json {
	InboxItemID: number;
	PeppolFileID: string;
	CostOrderID?: number;
}

export interface Company extends Json {
	PartyID: number;
	Name: string;
	VATNumber: string;
	CompanyNumber: string;
	APIAllowed: boolean;
}

export interface CompanyData {
	orders: Map<number, Order>;
	deletedOrders: Map<number, Json>;
	parties: Map<number, Json>;
	products: Map<number, Json>;
	documents: Map<number, Json>;
	uploads: Map<number, { DocumentID?: number; OrderID?: number }>;
	webhooks: Map<number, Webhook>;
	feeds: Map<string, Feed>;
	transactions: Json[];
	inbox: InboxItem[];
	refusals: Json[];
	reports: Json[];
	bookingEntries: Map<number, Json[]>;
	/** Payments per OrderID: kept apart, since an order read does not return its payments. */
	payments: Map<number, Json[]>;
	/** Own UBL documents sent with sendxml (they do not show in My Billit, so they are no orders). */
	sentDocuments: Json[];
}

export interface User {
	Email: string;
	FirstName: string;
	LastName: string;
	ApiKey: string;
	companyIds: number[];
}

export interface OAuthClient {
	clientId: string;
	clientSecret: string;
	redirectUris: string[];
}

export interface Participant {
	/** Normalised identifiers (`scheme:id`, lower case) under which it is found. */
	identifiers: string[];
	Registered: boolean;
	DocumentTypes: string[];
	ServiceProviderID: string;
}

export type ChangeEvent =
	| { entity: 'Order'; type: 'I' | 'U' | 'D'; companyId: number; order: Order }
	| { entity: 'Message'; type: 'I' | 'U'; companyId: number; order: Order; message: OrderMessage }
	| { entity: 'Document'; type: 'I'; companyId: number; document: Json };

/** All emulator state, in memory; `reset()` empties it. */
export class Store {
	readonly clock = new Clock();
	switches: Switches = { ...defaultSwitches };
	companies = new Map<number, Company>();
	data = new Map<number, CompanyData>();
	users: User[] = [];
	files = new Map<string, StoredFile>();
	participants: Participant[] = [];
	oauthClients: OAuthClient[] = [];
	authCodes = new Map<string, { email: string; clientId: string; redirectUri: string; expiresAt: number }>();
	accessTokens = new Map<string, { email: string; expiresAt: number }>();
	refreshTokens = new Map<string, { email: string; clientId: string }>();
	private ids = new Map<string, number>();
	private listeners: Array<(event: ChangeEvent) => void> = [];

	reset(): void {
		this.companies.clear();
		this.data.clear();
		this.users = [];
		this.files.clear();
		this.participants = [];
		this.oauthClients = [];
		this.authCodes.clear();
		this.accessTokens.clear();
		this.refreshTokens.clear();
		this.ids.clear();
		this.clock.offsetMs = 0;
	}

	/** Ids are global per kind, as Billit's are, and start at realistic magnitudes. */
	nextId(kind: string): number {
		const next = (this.ids.get(kind) ?? idBase(kind)) + 1;
		this.ids.set(kind, next);
		return next;
	}

	addCompany(company: Omit<Company, 'PartyID'> & { PartyID?: number }): Company {
		const PartyID = company.PartyID ?? this.nextId('party');
		const stored = { ...company, PartyID } as Company;
		this.companies.set(PartyID, stored);
		this.data.set(PartyID, emptyCompanyData());
		return stored;
	}

	companyData(companyId: number): CompanyData {
		const data = this.data.get(companyId);
		if (!data) throw new Error(`No company ${companyId}`);
		return data;
	}

	addFile(companyId: number, FileName: string, MimeType: string, content: Buffer): FileRef {
		const FileID = fileIdFor(this.nextId('file'));
		this.files.set(FileID, { FileID, FileName, MimeType, companyId, content });
		return { FileID, FileName, MimeType };
	}

	stamp(): string {
		return this.clock.stamp(this.switches.lastModifiedTies);
	}

	onChange(listener: (event: ChangeEvent) => void): void {
		this.listeners.push(listener);
	}

	emit(event: ChangeEvent): void {
		for (const listener of this.listeners) listener(event);
	}

	userByApiKey(apiKey: string): User | undefined {
		return this.users.find((user) => user.ApiKey === apiKey);
	}

	userByEmail(email: string): User | undefined {
		return this.users.find((user) => user.Email === email);
	}
}

function idBase(kind: string): number {
	const bases: Record<string, number> = { company: 110000, party: 300000, order: 500000, file: 900000, message: 700000 };
	return bases[kind] ?? 1000;
}

function emptyCompanyData(): CompanyData {
	return {
		orders: new Map(),
		deletedOrders: new Map(),
		parties: new Map(),
		products: new Map(),
		documents: new Map(),
		uploads: new Map(),
		webhooks: new Map(),
		feeds: new Map(),
		transactions: [],
		inbox: [],
		refusals: [],
		reports: [],
		bookingEntries: new Map(),
		payments: new Map(),
		sentDocuments: [],
	};
}

export function randomToken(bytes = 24): string {
	return randomBytes(bytes).toString('base64url');
}

/** A GUID-shaped file id that still counts up, so runs repeat. */
export function fileIdFor(sequence: number): string {
	return `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`;
}
