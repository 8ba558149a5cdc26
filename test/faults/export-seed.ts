/**
 * The export test's invoices: seeded in the in-process emulator and sent as a Billit user would,
 * half over Peppol (Billit keeps a UBL file), half by e-mail (no UBL in Billit: the pipeline builds
 * one), plus unsent ones that must stay untouched. Sent before any fault rule exists.
 */
import { DEMO, type Emulator } from '../../emulator';
import { requestJson } from '../support/n8n/http';

const SEND_BATCH = 100;

/** One file the pipeline must put on the server for an invoice. */
export interface ExpectedFile {
	remotePath: string;
	/** Billit's own bytes; undefined for a UBL the pipeline builds (Billit has none to compare with). */
	billitContent?: Buffer;
}

export interface SeededInvoice {
	orderId: number;
	orderNumber: string;
	files: ExpectedFile[];
}

export interface SeededScene {
	sent: SeededInvoice[];
	unsent: SeededInvoice[];
}

async function send(emulator: Emulator, partyId: number, orderIds: number[], transportType: 'Peppol' | 'SMTP'): Promise<void> {
	for (let start = 0; start < orderIds.length; start += SEND_BATCH) {
		await requestJson(emulator.url, {
			method: 'POST',
			path: '/v1/orders/commands/send',
			headers: { ApiKey: DEMO.apiKey, PartyID: String(partyId) },
			body: { OrderIds: orderIds.slice(start, start + SEND_BATCH), TransportType: transportType },
		});
	}
}

function fileContent(emulator: Emulator, fileId: unknown): Buffer {
	const file = emulator.store.files.get(String(fileId));
	if (!file) throw new Error(`the emulator has no file ${String(fileId)}`);
	return file.content;
}

/** Where sales-export.json puts an invoice's files, and the bytes Billit serves for them. */
function describe(emulator: Emulator, orderId: number): SeededInvoice {
	const { order, companyId } = emulator.admin.findOrder(orderId);
	const company = emulator.store.companies.get(companyId);
	if (!company) throw new Error(`the emulator has no company ${companyId}`);
	const orderNumber = String(order.OrderNumber);
	const folder = `/export/${company.CompanyNumber}/sales/${String(order.OrderDate).slice(0, 4)}`;
	// A sent invoice's UBL is the file of its Peppol message; older sends kept it as an attachment.
	const ubl =
		order.Messages.find((message) => message.TransportType === 'Peppol' && message.FileID) ??
		order.Attachments.find((file) => file.MimeType === 'application/xml');
	const pdf = order.OrderPDF as { FileID?: string } | undefined;
	return {
		orderId,
		orderNumber,
		files: [
			{ remotePath: `${folder}/${orderNumber}.pdf`, billitContent: pdf?.FileID === undefined ? undefined : fileContent(emulator, pdf.FileID) },
			{ remotePath: `${folder}/${orderNumber}.xml`, billitContent: ubl && fileContent(emulator, ubl.FileID) },
		],
	};
}

/** `sentCount` sent invoices (even), half Peppol, half e-mail, and half as many unsent. */
export async function seedSentInvoices(emulator: Emulator, partyId: number, sentCount: number): Promise<SeededScene> {
	const { OrderIDs } = emulator.admin.seed({ partyId, invoices: (sentCount / 2) * 3 });
	// The seed rotates customers: on Peppol, e-mail only, without any contact.
	const byCustomer = [0, 1, 2].map((offset) => OrderIDs.filter((_id, index) => index % 3 === offset));
	await send(emulator, partyId, byCustomer[0], 'Peppol');
	await send(emulator, partyId, byCustomer[1], 'SMTP');
	return {
		sent: [...byCustomer[0], ...byCustomer[1]].map((orderId) => describe(emulator, orderId)),
		unsent: byCustomer[2].map((orderId) => describe(emulator, orderId)),
	};
}

export function isMarkedExported(emulator: Emulator, orderId: number): boolean {
	return emulator.admin.findOrder(orderId).order.ExportedToConnector === true;
}
