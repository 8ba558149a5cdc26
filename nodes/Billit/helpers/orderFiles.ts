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

/** The UBL file among the order's attachments (Billit keeps a Peppol invoice's XML there). */
export function findUblAttachment(order: IDataObject): OrderFileReference | undefined {
	const attachment = ((order.Attachments as IDataObject[] | undefined) ?? []).find(isUbl);
	return attachment ? reference(attachment, 'ubl') : undefined;
}

/** File references of an order for the chosen kind. */
export function orderFiles(order: IDataObject, kind: OrderFileKind): OrderFileReference[] {
	const pdf = order.OrderPDF ? reference(order.OrderPDF as IDataObject, 'pdf') : undefined;
	const ubl = findUblAttachment(order);
	const others = ((order.Attachments as IDataObject[] | undefined) ?? [])
		.filter((file) => !isUbl(file))
		.map((file) => reference(file, 'attachment'));
	const chosen: Record<OrderFileKind, Array<OrderFileReference | undefined>> = {
		pdf: [pdf],
		ubl: [ubl],
		attachments: others,
		all: [pdf, ubl, ...others],
	};
	return chosen[kind].filter((entry): entry is OrderFileReference => entry !== undefined);
}
