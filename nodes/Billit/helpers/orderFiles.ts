import type { IDataObject } from 'n8n-workflow';

export type OrderFileKind = 'pdf' | 'ubl' | 'attachments' | 'all';

export interface OrderFileReference {
	FileID: string;
	FileName?: string;
	MimeType?: string;
	kind: 'pdf' | 'ubl' | 'attachment';
}

function isUbl(file: IDataObject): boolean {
	const name = String(file.FileName ?? '').toLowerCase();
	const mime = String(file.MimeType ?? '').toLowerCase();
	return name.endsWith('.xml') || mime.includes('xml');
}

function reference(
	file: IDataObject,
	kind: OrderFileReference['kind'],
): OrderFileReference | undefined {
	if (file.FileID === undefined || file.FileID === null || file.FileID === '') return undefined;
	return {
		FileID: String(file.FileID),
		FileName: file.FileName as string | undefined,
		MimeType: file.MimeType as string | undefined,
		kind,
	};
}

/** The file of the last successful Peppol message sent for the order: the UBL Billit put on Peppol. */
function sentPeppolUbl(order: IDataObject): OrderFileReference | undefined {
	const messages = ((order.Messages as IDataObject[] | undefined) ?? []).filter(
		(message) =>
			String(message.TransportType ?? '').toLowerCase() === 'peppol' &&
			message.MessageDirection !== 'Incoming' &&
			message.Success !== false,
	);
	for (const message of messages.reverse()) {
		const found = reference({ FileID: message.FileID as string, MimeType: 'application/xml' }, 'ubl');
		if (found) return found;
	}
	return undefined;
}

/**
 * The UBL Billit holds for an order: a sent sales invoice's is the file of its Peppol message
 * (Billit's page on the files of sales invoices); a received Peppol invoice keeps its original UBL
 * among the attachments, where older sends put it too.
 */
export function findUblFile(order: IDataObject): OrderFileReference | undefined {
	const sent = sentPeppolUbl(order);
	if (sent) return sent;
	const attachment = ((order.Attachments as IDataObject[] | undefined) ?? []).find(isUbl);
	return attachment ? reference(attachment, 'ubl') : undefined;
}

/** File references of an order for the chosen kind. */
export function orderFiles(order: IDataObject, kind: OrderFileKind): OrderFileReference[] {
	const pdf = order.OrderPDF ? reference(order.OrderPDF as IDataObject, 'pdf') : undefined;
	const ubl = findUblFile(order);
	const others = ((order.Attachments as IDataObject[] | undefined) ?? [])
		.filter((file) => String(file.FileID) !== ubl?.FileID)
		.map((file) => reference(file, 'attachment'));
	const chosen: Record<OrderFileKind, Array<OrderFileReference | undefined>> = {
		pdf: [pdf],
		ubl: [ubl],
		attachments: others,
		all: [pdf, ubl, ...others],
	};
	return chosen[kind].filter((entry): entry is OrderFileReference => entry !== undefined);
}
