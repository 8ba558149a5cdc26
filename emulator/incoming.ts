import { parseUbl } from '../lib/ubl/parse';
import type { AuthContext } from './auth';
import { badRequest, isRecord } from './http';
import { addDays, computeTotals, createOrder } from './order-model';
import { companyContext, belgianCompanyNumber, registerParticipant } from './seed';
import type { InboxItem, Json, Order, Store } from './store';
import { applicationResponse, cbeFromVat, documentToOrder, orderToUbl } from './ubl';

/** A received UBL invoice or credit note becomes a cost order that keeps the original file. */
export function receiveUbl(store: Store, auth: AuthContext, xml: Buffer, fileName: string): Order {
	let parsed;
	try {
		parsed = parseUbl(xml);
	} catch (error) {
		throw badRequest('InvalidUbl', `The file is not a readable UBL document: ${(error as Error).message}`);
	}
	if (parsed.kind === 'ApplicationResponse') {
		throw badRequest('InvalidUbl', 'An ApplicationResponse is not an invoice or credit note');
	}
	const file = store.addFile(auth.companyId, fileName, 'application/xml', xml);
	return createOrder(store, auth, documentToOrder(parsed.document, 'Cost'), [file]);
}

const DEMO_SUPPLIER: Json = {
	Name: 'Peppol Supplier BV',
	VATNumber: `BE${belgianCompanyNumber(4380001)}`,
	Street: 'Havenlaan',
	StreetNumber: '86',
	Zipcode: '1000',
	City: 'Brussel',
	CountryCode: 'BE',
	Email: 'billing@peppolsupplier.test',
	IBAN: 'BE71096123456769',
};

export interface InboxSeed {
	partyId: number;
	kind: 'invoice' | 'imr' | 'mlr';
	count: number;
	/** Optional UBL text to deliver instead of a generated invoice. */
	ubl?: string;
}

export function parseInboxSeed(body: unknown, defaultPartyId: number): InboxSeed {
	const input = isRecord(body) ? body : {};
	const kind = input.kind ?? 'invoice';
	if (kind !== 'invoice' && kind !== 'imr' && kind !== 'mlr') throw badRequest('InvalidRequest', 'kind must be invoice, imr or mlr');
	const count = input.count ?? 1;
	if (!Number.isSafeInteger(count) || (count as number) < 1 || (count as number) > 1000) {
		throw badRequest('InvalidRequest', 'count must be an integer from 1 to 1000');
	}
	const partyId = input.partyId ?? defaultPartyId;
	if (!Number.isSafeInteger(partyId)) throw badRequest('InvalidRequest', 'partyId must be an integer');
	if (input.ubl !== undefined && typeof input.ubl !== 'string') throw badRequest('InvalidRequest', 'ubl must be a string');
	return { partyId: partyId as number, kind, count: count as number, ...(input.ubl ? { ubl: input.ubl as string } : {}) };
}

/** Puts received Peppol documents in a company's inbox; invoices also become cost orders. */
export function seedInbox(store: Store, seed: InboxSeed): InboxItem[] {
	const auth = companyContext(store, seed.partyId);
	const supplierCbe = cbeFromVat(DEMO_SUPPLIER.VATNumber) as string;
	registerParticipant(store, supplierCbe);
	const receiverCbe = cbeFromVat(auth.company.VATNumber) ?? auth.company.CompanyNumber;
	const items: InboxItem[] = [];
	for (let i = 0; i < seed.count; i++) {
		const number = store.nextId('inbox');
		const date = store.clock.today();
		let xml: Buffer;
		let documentType: string;
		let costOrderId: number | undefined;
		if (seed.kind === 'invoice') {
			xml = seed.ubl ? Buffer.from(seed.ubl, 'utf8') : supplierInvoice(number, date, auth.company);
			const order = receiveUbl(store, auth, xml, `peppol-${number}.xml`);
			costOrderId = order.OrderID;
			documentType = order.OrderType === 'CreditNote' ? 'CreditNote' : 'Invoice';
		} else {
			const responseCode = seed.kind === 'imr' ? 'AP' : 'AB';
			xml = applicationResponse(seed.kind, `RESP-${number}`, date, DEMO_SUPPLIER, auth.company, `INV-${number}`, responseCode);
			documentType = seed.kind === 'imr' ? 'InvoiceResponse' : 'MessageLevelResponse';
		}
		const file = costOrderId
			? (auth.data.orders.get(costOrderId) as Order).Attachments[0]
			: store.addFile(auth.companyId, `peppol-${number}.xml`, 'application/xml', xml);
		const item: InboxItem = {
			InboxItemID: number,
			SenderPeppolID: `0208:${supplierCbe}`,
			ReceiverPeppolID: `0208:${receiverCbe}`,
			PeppolDocumentType: documentType,
			SenderCompanyID: null,
			ReceiverCompanyID: String(auth.companyId),
			CreationDate: store.clock.nowIso(),
			PeppolFileID: file.FileID,
			...(costOrderId ? { CostOrderID: costOrderId } : {}),
		};
		auth.data.inbox.push(item);
		items.push(item);
	}
	return items;
}

function supplierInvoice(number: number, date: string, receiver: Json): Buffer {
	const totals = computeTotals([
		{ Quantity: 3, UnitPriceExcl: 120, VATPercentage: 21, Description: 'Office supplies', Unit: 'C62' },
		{ Quantity: 1, UnitPriceExcl: 45.5, VATPercentage: 6, Description: 'Reference book', Unit: 'C62' },
	]);
	const invoice: Order = {
		OrderID: 0,
		CompanyID: 0,
		OrderType: 'Invoice',
		OrderDirection: 'Income',
		OrderNumber: `SUP-${number}`,
		OrderDate: date,
		ExpiryDate: addDays(date, 30),
		Currency: 'EUR',
		Reference: `PO-${number}`,
		CounterParty: receiver,
		OrderLines: totals.lines,
		VatGroups: totals.groups,
		TotalExcl: totals.excl,
		TotalVAT: totals.vat,
		TotalIncl: Math.round((totals.excl + totals.vat) * 100) / 100,
		Messages: [],
		Attachments: [],
		LastModified: date,
	};
	return orderToUbl(invoice, DEMO_SUPPLIER);
}
