import { posix } from 'node:path';

import type { FileExchangeClient } from '../../lib/exchange/client';
import { mapWithConcurrency } from '../../lib/exchange/pool';
import type { CompanyPacer } from '../../lib/billit/pacing/pacer';
import { executeBillitRequest, type SendFunction } from '../../lib/billit/request/request-core';

export interface ExportTarget {
	baseUrl: string;
	apiKey: string;
	partyId: number;
	/** Shared by every request of the run, as the nodes share one pace per company; none = unpaced. */
	pacer?: CompanyPacer;
	send: SendFunction;
	client: FileExchangeClient;
	/** Invoices exported at the same time: enough to keep the rate limit busy over the link's round trips. */
	invoicesInFlight: number;
	remoteFolder: string;
	/** Only these orders are exported (the seeded ones). */
	orderIds: ReadonlySet<number>;
}

interface ListedOrder {
	OrderID: number;
	OrderPDF?: { FileID: string } | null;
	Attachments?: Array<{ FileID: string }>;
	Messages?: Array<{ FileID?: string; TransportType?: string }>;
}

interface OrderPage {
	Items: ListedOrder[];
	NextPageLink?: string | null;
}

interface FileBody {
	FileName: string;
	FileContent: string;
}

/** The remote name of one exported file: unique per order. */
export function exportedName(orderId: number, fileName: string): string {
	return `${orderId}-${fileName}`;
}

/**
 * Lists the company's orders (following `NextPageLink`), downloads each order's PDF and UBL through
 * the lib/billit request core and uploads them over the open SFTP connection.
 */
export async function exportInvoices(target: ExportTarget): Promise<void> {
	const call = async <T>(url: string): Promise<T> => {
		const response = await executeBillitRequest(
			{ method: 'GET', url, headers: { ApiKey: target.apiKey, PartyID: String(target.partyId) } },
			{ send: target.send, pacer: target.pacer, secrets: [target.apiKey] },
		);
		return response.body as T;
	};
	const orders: ListedOrder[] = [];
	for (let url: string | undefined = `${target.baseUrl}/v1/orders`; url; ) {
		const page: OrderPage = await call<OrderPage>(url);
		orders.push(...page.Items.filter((order) => target.orderIds.has(order.OrderID)));
		url = page.NextPageLink || undefined;
	}
	if (orders.length !== target.orderIds.size) {
		throw new Error(`Listed ${orders.length} of the ${target.orderIds.size} seeded invoices`);
	}
	await mapWithConcurrency(orders.length, target.invoicesInFlight, async (index) => {
		const order = orders[index];
		// A Peppol send's UBL is the file of its message; other files are attachments.
		const peppolUbl = (order.Messages ?? []).filter((message) => message.TransportType === 'Peppol').map((message) => message.FileID);
		const fileIds = [order.OrderPDF?.FileID, ...peppolUbl, ...(order.Attachments ?? []).map((file) => file.FileID)];
		for (const fileId of fileIds) {
			if (fileId === undefined) throw new Error(`Order ${order.OrderID} has no PDF`);
			const file = await call<FileBody>(`${target.baseUrl}/v1/files/${fileId}`);
			const content = Buffer.from(file.FileContent, 'base64');
			const path = posix.join(target.remoteFolder, exportedName(order.OrderID, file.FileName));
			// A Buffer, as the nodes hand over binary data held in memory: written with open, then data, mode
			// and close back to back (two round trips), where a stream takes one per request.
			await target.client.upload(content, path, {
				atomic: true,
				mode: 0o664,
				onConflict: 'overwrite',
				size: content.length,
			});
		}
	});
}
