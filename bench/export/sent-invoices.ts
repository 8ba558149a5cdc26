import { markSent } from '../../emulator/delivery';
import type { Emulator } from '../../emulator';
import type { FileRef } from '../../emulator/store';
import { companyContext } from '../../emulator/seed';

export interface ExpectedFile {
	fileId: string;
	fileName: string;
	content: Buffer;
}

/**
 * Seeds `count` sales invoices and marks each sent over Peppol, so each has a PDF and a UBL
 * (the file of its Peppol message) as a real sent invoice does. Returns the files by order ID, PDF
 * first, read from the store.
 */
export function seedSentInvoices(emulator: Emulator, partyId: number, count: number): Map<number, ExpectedFile[]> {
	const { OrderIDs } = emulator.admin.seed({ partyId, invoices: count });
	const auth = companyContext(emulator.store, partyId);
	const expected = new Map<number, ExpectedFile[]>();
	for (const orderId of OrderIDs) {
		const order = auth.data.orders.get(orderId);
		if (!order) throw new Error(`Seeded order ${orderId} is missing`);
		const message = markSent(emulator.store, auth, order, 'Peppol');
		// A Peppol send's UBL is the file of its message.
		const fileIds = [(order.OrderPDF as FileRef | undefined)?.FileID, message.FileID];
		expected.set(
			orderId,
			fileIds.map((fileId) => {
				const stored = emulator.store.files.get(String(fileId));
				if (!stored) throw new Error(`File ${String(fileId)} of order ${orderId} is missing`);
				return { fileId: stored.FileID, fileName: stored.FileName, content: stored.content };
			}),
		);
	}
	return expected;
}
