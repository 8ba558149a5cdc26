import { createHash } from 'node:crypto';
import type { IBinaryData, IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { requestForItem } from './request';

export interface BillitFile {
	fileName: string;
	mimeType: string;
	content: Buffer;
}

const MIME_BY_EXTENSION: Record<string, string> = {
	pdf: 'application/pdf',
	xml: 'application/xml',
	csv: 'text/csv',
	png: 'image/png',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	txt: 'text/plain',
	cod: 'text/plain',
	zip: 'application/zip',
};

/** The MIME type Billit gave, else one guessed from the file name. */
export function mimeTypeFor(fileName: string, given?: unknown): string {
	if (typeof given === 'string' && given.trim() !== '') return given;
	const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
	return MIME_BY_EXTENSION[extension] ?? 'application/octet-stream';
}

function formatSize(bytes: number): string {
	return bytes >= 1048576
		? `${(bytes / 1048576).toFixed(1)} MB`
		: `${(bytes / 1024).toFixed(1)} KB`;
}

function assertSize(bytes: number, maxBytes: number, fileName: string): void {
	if (bytes > maxBytes) {
		throw new Error(
			`Billit file "${fileName}" is ${formatSize(bytes)}, above the maximum of ${formatSize(maxBytes)} set in the node; raise "Maximum File Size" to download it`,
		);
	}
}

/** Decodes a base64 `FileContent`, checking the size limit before decoding. */
export function decodeFileContent(base64: unknown, fileName: string, maxBytes: number): Buffer {
	if (typeof base64 !== 'string') throw new Error(`Billit returned no content for "${fileName}"`);
	assertSize(Math.floor((base64.length * 3) / 4), maxBytes, fileName);
	const content = Buffer.from(base64, 'base64');
	assertSize(content.length, maxBytes, fileName);
	return content;
}

/**
 * Downloads `/v1/files/{id}`. Billit documents base64 JSON; some clients receive raw bytes, so a
 * Buffer or string answer is accepted too, named after the reference the order gave.
 */
/** Billit's documented answer is base64 JSON; a body that is not a JSON object is the file itself. */
function asFileJson(body: Buffer): IDataObject | undefined {
	const start = body.subarray(0, 64).toString('utf8').trimStart();
	if (!start.startsWith('{')) return undefined;
	try {
		const parsed: unknown = JSON.parse(body.toString('utf8'));
		return parsed !== null && typeof parsed === 'object' && 'FileContent' in parsed
			? (parsed as IDataObject)
			: undefined;
	} catch {
		return undefined;
	}
}

export async function downloadBillitFile(
	this: IExecuteFunctions,
	itemIndex: number,
	reference: { FileID: string; FileName?: string; MimeType?: string },
	maxBytes: number,
): Promise<BillitFile> {
	const answer: unknown = await requestForItem.call(this, itemIndex, {
		method: 'GET',
		path: `/v1/files/${encodeURIComponent(reference.FileID)}`,
		responseType: 'buffer',
	});
	const body = Buffer.isBuffer(answer) ? answer : Buffer.from(JSON.stringify(answer ?? {}));
	const file = asFileJson(body);
	const fallbackName = reference.FileName ?? `${reference.FileID}`;
	if (!file) {
		assertSize(body.length, maxBytes, fallbackName);
		return {
			fileName: fallbackName,
			mimeType: mimeTypeFor(fallbackName, reference.MimeType),
			content: body,
		};
	}
	const fileName = (file.FileName as string | undefined) ?? fallbackName;
	return {
		fileName,
		mimeType: mimeTypeFor(fileName, file.MimeType ?? reference.MimeType),
		content: decodeFileContent(file.FileContent, fileName, maxBytes),
	};
}

export function maxBytesFor(this: IExecuteFunctions, itemIndex: number): number {
	const megabytes = this.getNodeParameter('options.maxFileSizeMb', itemIndex, 25) as number;
	return Math.round(megabytes * 1048576);
}

/** n8n reads the name as a path, so an invoice number such as 2026/0001 would lose its first part. */
export function safeFileName(fileName: string): string {
	return fileName.replace(/[\\/]/g, '_');
}

export async function toBinary(this: IExecuteFunctions, file: BillitFile): Promise<IBinaryData> {
	return await this.helpers.prepareBinaryData(
		file.content,
		safeFileName(file.fileName),
		file.mimeType,
	);
}

export function sha256Hex(content: Buffer): string {
	return createHash('sha256').update(content).digest('hex');
}

/** Reads an input binary field as a Billit file body `{FileName, MimeType, FileContent}`. */
export async function binaryAsBillitFile(
	this: IExecuteFunctions,
	itemIndex: number,
	propertyName: string,
): Promise<IDataObject> {
	const binary = this.helpers.assertBinaryData(itemIndex, propertyName);
	const content = await this.helpers.getBinaryDataBuffer(itemIndex, propertyName);
	const fileName =
		binary.fileName ?? `${propertyName}${binary.fileExtension ? `.${binary.fileExtension}` : ''}`;
	return {
		FileName: fileName,
		MimeType: mimeTypeFor(fileName, binary.mimeType),
		FileContent: content.toString('base64'),
	};
}
