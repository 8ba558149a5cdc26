import type { AuthContext } from './auth';
import { badRequest, isRecord } from './http';
import { createOrder } from './order-model';
import type { Company, Json, Store, User } from './store';

export const DEMO = Object.freeze({
	apiKey: 'demo-api-key-accountant',
	email: 'demo@billit.test',
	otherApiKey: 'demo-api-key-other-user',
	otherEmail: 'other@billit.test',
	clientId: 'demo-oauth-client',
	clientSecret: 'demo-oauth-secret',
	redirectUris: [
		'http://localhost:5678/rest/oauth2-credential/callback',
		'http://127.0.0.1:5678/rest/oauth2-credential/callback',
	],
	/** The accountant's own office, then two client companies, then another user's company. */
	partyIds: [100001, 100002, 100003, 100004] as const,
});

/** A valid Belgian enterprise number (mod 97 check digits) from an 8-digit base starting with 0 or 1. */
export function belgianCompanyNumber(base: number): string {
	const check = 97 - (base % 97);
	return `${String(base).padStart(8, '0')}${String(check).padStart(2, '0')}`;
}

/** Document types as Billit's model names them (ParticipantInformationResponse.DocumentTypes). */
export const BIS_DOCUMENT_TYPES = ['BISv3Invoice', 'BISv3CreditNote'];

/** The Peppol document type identifier each of those literals stands for. */
export const PEPPOL_DOCUMENT_IDENTIFIERS: Record<string, string> = {
	BISv3Invoice: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2::Invoice##urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0::2.1',
	BISv3CreditNote: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2::CreditNote##urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0::2.1',
};

/** Registers a participant under its CBE (0208), VAT (9925) and optional GLN (0088) identifiers. */
export function registerParticipant(store: Store, cbe: string, gln?: string): void {
	const identifiers = [`0208:${cbe}`, `9925:be${cbe}`];
	if (gln) identifiers.push(`0088:${gln}`);
	store.participants = store.participants.filter((p) => !p.identifiers.includes(identifiers[0]));
	store.participants.push({ identifiers, Registered: true, DocumentTypes: BIS_DOCUMENT_TYPES, ServiceProviderID: 'PBE000003' });
}

/** A company context as if `PartyID` were sent by a user with access (for seeding and admin). */
export function companyContext(store: Store, companyId: number): AuthContext {
	const company = store.companies.get(companyId);
	if (!company) throw badRequest('UnknownCompany', `No company with PartyID ${companyId}`);
	const user = store.users.find((candidate) => candidate.companyIds.includes(companyId)) as User;
	return { user, partyId: companyId, companyId, company, data: store.companyData(companyId) };
}

function demoCompany(store: Store, PartyID: number, Name: string, base: number, city: string): Company {
	const CompanyNumber = belgianCompanyNumber(base);
	return store.addCompany({
		PartyID,
		Name,
		VATNumber: `BE${CompanyNumber}`,
		CompanyNumber,
		APIAllowed: true,
		Street: 'Kerkstraat',
		StreetNumber: String(base % 90),
		Zipcode: '9000',
		City: city,
		CountryCode: 'BE',
		Email: `office@${Name.toLowerCase().replace(/[^a-z]+/g, '')}.test`,
		IBAN: 'BE68539007547034',
		BIC: 'GKCCBEBB',
	});
}

const CUSTOMERS: Json[] = [
	{ Name: 'Peppol Customer NV', VATNumber: `BE${belgianCompanyNumber(4370001)}`, Email: 'ap@peppolcustomer.test', Street: 'Nieuwstraat', StreetNumber: '1', Zipcode: '1000', City: 'Brussel', CountryCode: 'BE', Nr: 'C001', Language: 'NL' },
	{ Name: 'Mail Only BV', VATNumber: `BE${belgianCompanyNumber(4370002)}`, Email: 'invoices@mailonly.test', Street: 'Meir', StreetNumber: '10', Zipcode: '2000', City: 'Antwerpen', CountryCode: 'BE', Nr: 'C002', Language: 'NL' },
	{ Name: 'No Contact SPRL', VATNumber: `BE${belgianCompanyNumber(4370003)}`, Street: 'Rue Neuve', StreetNumber: '5', Zipcode: '4000', City: 'Liège', CountryCode: 'BE', Nr: 'C003', Language: 'FR' },
];

export const PEPPOL_CUSTOMER_GLN = '5412345000013';

const PRODUCTS: Json[] = [
	{ Reference: 'CONSULT-H', Description: 'Consultancy (hour)', AmountExcl: 95, VAT: 21, Unit: 'HUR' },
	{ Reference: 'BOOK-01', Description: 'Handbook', AmountExcl: 30, VAT: 6, Unit: 'C62' },
	{ Reference: 'TRAINING-D', Description: 'Training day', AmountExcl: 650, VAT: 21, Unit: 'DAY' },
];

/** Base state: companies, users, OAuth client, Peppol registry, parties, products, reports. */
export function seedBase(store: Store, extraRedirectUris: string[] = []): void {
	const [office, clientOne, clientTwo, other] = DEMO.partyIds;
	demoCompany(store, office, 'Demo Accountancy BV', 4100001, 'Gent');
	demoCompany(store, clientOne, 'Client One BV', 4100002, 'Brugge');
	demoCompany(store, clientTwo, 'Client Two NV', 4100003, 'Leuven');
	demoCompany(store, other, 'Other User Company BV', 4100004, 'Hasselt');
	store.users.push(
		{ Email: DEMO.email, FirstName: 'Demo', LastName: 'Accountant', ApiKey: DEMO.apiKey, companyIds: [office, clientOne, clientTwo] },
		{ Email: DEMO.otherEmail, FirstName: 'Other', LastName: 'User', ApiKey: DEMO.otherApiKey, companyIds: [other] },
	);
	store.oauthClients.push({ clientId: DEMO.clientId, clientSecret: DEMO.clientSecret, redirectUris: [...DEMO.redirectUris, ...extraRedirectUris] });
	registerParticipant(store, belgianCompanyNumber(4370001), PEPPOL_CUSTOMER_GLN);
	registerParticipant(store, belgianCompanyNumber(4100001));
	store.participants.push({ identifiers: ['0190:00000000123456789012'], Registered: true, DocumentTypes: BIS_DOCUMENT_TYPES, ServiceProviderID: 'PNL000151' });
	for (const companyId of DEMO.partyIds) {
		const data = store.companyData(companyId);
		for (const customer of CUSTOMERS) {
			const PartyID = store.nextId('party');
			const stamp = store.stamp();
			data.parties.set(PartyID, { PartyID, PartyType: 'Customer', DisplayName: customer.Name, ...customer, Created: stamp, LastModified: stamp });
		}
		for (const product of PRODUCTS) {
			const ProductID = store.nextId('product');
			const vat = product.VAT as number;
			data.products.set(ProductID, { ProductID, ...product, AmountIncl: Math.round((product.AmountExcl as number) * (100 + vat)) / 100 });
		}
		data.reports.push(
			{ ReportID: store.nextId('report'), ReportName: 'Sales journal' },
			{ ReportID: store.nextId('report'), ReportName: 'Purchase journal' },
		);
	}
}

export interface SeedRequest {
	partyId: number;
	invoices: number;
	parties: number;
	/** Extra client companies for the demo accountant (ContextPartyID targets). */
	companies: number;
}

export function parseSeedRequest(body: unknown): SeedRequest {
	if (body !== undefined && !isRecord(body)) throw badRequest('InvalidRequest', 'The seed body must be a JSON object');
	const input = body ?? {};
	const count = (name: string) => {
		const value = input[name] ?? 0;
		if (!Number.isSafeInteger(value) || (value as number) < 0 || (value as number) > 10_000) {
			throw badRequest('InvalidRequest', `${name} must be an integer from 0 to 10000`);
		}
		return value as number;
	};
	const partyId = input.partyId ?? DEMO.partyIds[0];
	if (!Number.isSafeInteger(partyId)) throw badRequest('InvalidRequest', 'partyId must be an integer');
	return { partyId: partyId as number, invoices: count('invoices'), parties: count('parties'), companies: count('companies') };
}

/** Adds client companies, parties and sales invoices; invoice dates spread over the past year. */
export function seedMore(store: Store, request: SeedRequest): { CompanyIDs: number[]; PartyIDs: number[]; OrderIDs: number[] } {
	const accountant = store.userByEmail(DEMO.email);
	const CompanyIDs: number[] = [];
	for (let i = 0; i < request.companies; i++) {
		const id = store.nextId('company');
		demoCompany(store, id, `Seeded Client ${id} BV`, 4200000 + id % 100000, 'Mechelen');
		accountant?.companyIds.push(id);
		CompanyIDs.push(id);
	}
	const auth = companyContext(store, request.partyId);
	const PartyIDs: number[] = [];
	for (let i = 0; i < request.parties; i++) {
		const PartyID = store.nextId('party');
		const stamp = store.stamp();
		auth.data.parties.set(PartyID, {
			PartyID, PartyType: 'Customer', Name: `Seeded Customer ${PartyID}`, DisplayName: `Seeded Customer ${PartyID}`,
			Nr: `S${PartyID}`, Email: `customer${PartyID}@example.test`, CountryCode: 'BE', Created: stamp, LastModified: stamp,
		});
		PartyIDs.push(PartyID);
	}
	const OrderIDs: number[] = [];
	const today = Date.parse(`${store.clock.today()}T00:00:00Z`);
	for (let i = 0; i < request.invoices; i++) {
		const customer = CUSTOMERS[i % CUSTOMERS.length];
		const date = new Date(today - (i % 365) * 86_400_000).toISOString().slice(0, 10);
		const order = createOrder(store, auth, {
			OrderType: 'Invoice',
			OrderDirection: 'Income',
			OrderDate: date,
			Reference: `PO-${1000 + i}`,
			Customer: { ...customer },
			OrderLines: [
				{ Quantity: 1 + (i % 5), UnitPriceExcl: 95, VATPercentage: 21, Description: 'Consultancy (hour)' },
				{ Quantity: 1, UnitPriceExcl: 30 + (i % 7), VATPercentage: 6, Description: 'Handbook' },
			],
		});
		OrderIDs.push(order.OrderID);
	}
	return { CompanyIDs, PartyIDs, OrderIDs };
}
