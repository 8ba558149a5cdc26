/**
 * Binary data in the fakes of n8n's contexts: held in the item (base64, n8n's default mode) or
 * stored outside it with only an id in the item, as n8n's filesystem mode keeps it.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import type { IBinaryData, IDataObject, INodeExecutionData } from 'n8n-workflow';

const OCTET_STREAM = 'application/octet-stream';

/** Binary data held in the item, as `prepareBinaryData` makes it. */
export function binaryData(content: Buffer, fileName?: string, mimeType?: string): IBinaryData {
	const extension = fileName && /\.([^.]+)$/.exec(fileName)?.[1];
	return {
		data: content.toString('base64'),
		mimeType: mimeType ?? OCTET_STREAM,
		fileName,
		fileExtension: extension,
		fileSize: `${content.length} B`,
	};
}

/** `helpers.prepareBinaryData`: reads a stream whole, keeps the bytes in the item. */
export async function prepareBinaryData(content: Buffer | Readable, fileName?: string, mimeType?: string): Promise<IBinaryData> {
	return binaryData(Buffer.isBuffer(content) ? content : await buffer(content), fileName, mimeType);
}

/** An input item with one binary field held in the item (`data` unless `field` names another). */
export function binaryItem(
	content: Buffer | string,
	fileName: string,
	options: { field?: string; mimeType?: string; json?: IDataObject } = {},
): INodeExecutionData {
	return {
		json: options.json ?? {},
		binary: { [options.field ?? 'data']: binaryData(Buffer.from(content), fileName, options.mimeType) },
	};
}

const storedBinaries = new Map<string, Buffer>();
/** Where stored binary data are also on disk, as n8n's filesystem mode keeps them (`getBinaryPath`). */
let storageFolder: string | undefined;

/** How a node read stored binary data, per id: whole (`buffer`) or `stream`ed. */
export const storedBinaryReads: Array<{ id: string; how: 'buffer' | 'stream' }> = [];

export function storedContent(id: string): Buffer {
	const content = storedBinaries.get(id);
	if (!content) throw new Error(`no stored binary data with id ${id}`);
	return content;
}

function storagePath(id: string): string {
	return join(storageFolder as string, id.replace(/[:/]/g, '_'));
}

/** Stored binary data on disk, for `helpers.getBinaryPath`. */
export function storedBinaryPath(id: string): string {
	storedContent(id);
	return storagePath(id);
}

/** Stored binary data streamed in 64 KiB chunks, for `helpers.getBinaryStream`. */
export function storedBinaryStream(id: string): Readable {
	storedBinaryReads.push({ id, how: 'stream' });
	const content = storedContent(id);
	const chunks = Array.from({ length: Math.ceil(content.length / 65_536) }, (_, index) =>
		content.subarray(index * 65_536, (index + 1) * 65_536),
	);
	return Readable.from(chunks);
}

/** An input item whose binary field `data` is stored outside the item: the item holds only its id. */
export function storedBinaryItem(content: Buffer, fileName: string, json: IDataObject = {}): INodeExecutionData {
	const id = `filesystem-v2:test/${randomUUID()}`;
	storedBinaries.set(id, content);
	if (storageFolder === undefined) {
		const folder = mkdtempSync(join(tmpdir(), 'fake-n8n-binary-data-'));
		storageFolder = folder;
		process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
	}
	writeFileSync(storagePath(id), content);
	return {
		json,
		binary: {
			data: {
				id,
				data: 'filesystem-v2',
				mimeType: OCTET_STREAM,
				fileName,
				fileExtension: fileName.split('.').pop(),
				bytes: content.length,
			},
		},
	};
}
