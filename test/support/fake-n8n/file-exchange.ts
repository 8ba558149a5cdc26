import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type {
	IBinaryData,
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	IPollFunctions,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { readAll } from '../../integration/exchange/helpers';

/** A parameter value, or a function of the item index (an n8n expression: resolved per item, `=…` when read raw). */
export type ParameterValue = unknown | ((itemIndex: number) => unknown);

const node: INode = {
	id: 'file-exchange-test',
	name: 'File Exchange',
	type: 'n8n-nodes-billit.fileExchange',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

async function prepareBinaryData(data: Buffer | Readable, fileName?: string): Promise<IBinaryData> {
	const buffer = Buffer.isBuffer(data) ? data : await readAll(data);
	return {
		data: buffer.toString('base64'),
		mimeType: 'application/octet-stream',
		fileName,
		fileSize: String(buffer.length),
	};
}

function parameterReader(parameters: Record<string, ParameterValue>) {
	return (name: string, itemIndex: number, fallback?: unknown, options?: { rawExpressions?: boolean }) => {
		if (!(name in parameters)) {
			if (fallback !== undefined) return fallback;
			throw new Error(`parameter ${name} is not set in the test`);
		}
		const value = parameters[name];
		if (typeof value !== 'function') return value;
		// Unresolved, a per-item value is what n8n stores for an expression.
		return options?.rawExpressions ? '={{ per item }}' : (value as (index: number) => unknown)(itemIndex);
	};
}

/** Binary data kept outside the item, as n8n's filesystem mode does: the item holds only its id. */
const storedBinaries = new Map<string, Buffer>();
/** Where the stored binary data are also on disk, as n8n's filesystem mode keeps them (getBinaryPath). */
let storageFolder: string | undefined;
let cleanupRegistered = false;

/** How the node read stored binary data, per id: whole (`buffer`) or `stream`ed. */
export const storedBinaryReads: Array<{ id: string; how: 'buffer' | 'stream' }> = [];

function storedContent(id: string): Buffer {
	const content = storedBinaries.get(id);
	if (!content) throw new Error(`no stored binary data with id ${id}`);
	return content;
}

export function storedBinaryItem(content: Buffer, fileName: string, json: IDataObject = {}): INodeExecutionData {
	const id = `filesystem-v2:test/${randomUUID()}`;
	storedBinaries.set(id, content);
	storageFolder ??= mkdtempSync(join(tmpdir(), 'fake-n8n-binary-data-'));
	if (!cleanupRegistered) {
		cleanupRegistered = true;
		const folder = storageFolder;
		process.once('exit', () => rmSync(folder, { recursive: true, force: true }));
	}
	writeFileSync(join(storageFolder, id.replace(/[:/]/g, '_')), content);
	return {
		json,
		binary: {
			data: {
				id,
				data: 'filesystem-v2',
				mimeType: 'application/octet-stream',
				fileName,
				fileExtension: fileName.split('.').pop(),
				bytes: content.length,
			},
		},
	};
}

/** Just enough of IExecuteFunctions for the File Exchange node, backed by real streams. */
export function fakeExecuteFunctions(options: {
	items: INodeExecutionData[];
	parameters: Record<string, ParameterValue>;
	credentials: IDataObject;
	continueOnFail?: boolean;
}): IExecuteFunctions {
	const readParameter = parameterReader(options.parameters);
	const context = {
		getInputData: () => options.items,
		getNode: () => node,
		getNodeParameter: readParameter,
		getCredentials: async () => options.credentials,
		continueOnFail: () => options.continueOnFail === true,
		helpers: {
			assertBinaryData: (itemIndex: number, name: string) => {
				const binary = options.items[itemIndex].binary?.[name];
				if (!binary) throw new Error(`item ${itemIndex} has no binary field "${name}"`);
				return binary;
			},
			prepareBinaryData,
			getBinaryDataBuffer: async (itemIndex: number, name: string) => {
				const id = options.items[itemIndex].binary?.[name]?.id ?? '';
				storedBinaryReads.push({ id, how: 'buffer' });
				return storedContent(id);
			},
			getBinaryStream: async (id: string) => {
				storedBinaryReads.push({ id, how: 'stream' });
				const content = storedContent(id);
				const chunks = Array.from({ length: Math.ceil(content.length / 65_536) }, (_, index) =>
					content.subarray(index * 65_536, (index + 1) * 65_536),
				);
				return Readable.from(chunks);
			},
			getBinaryPath: (id: string) => {
				storedContent(id);
				return join(storageFolder as string, id.replace(/[:/]/g, '_'));
			},
			getBinaryMetadata: async (id: string) => ({ fileSize: storedContent(id).length, mimeType: 'application/octet-stream' }),
		},
	};
	return context as unknown as IExecuteFunctions;
}

/** Just enough of IPollFunctions for the File Exchange Trigger; `staticData` survives "restarts". */
export function fakePollFunctions(options: {
	parameters: Record<string, ParameterValue>;
	credentials: IDataObject;
	staticData: IDataObject;
	mode?: WorkflowExecuteMode;
}): IPollFunctions {
	const readParameter = parameterReader(options.parameters);
	const context = {
		getNode: () => ({ ...node, name: 'File Exchange Trigger', type: 'n8n-nodes-billit.fileExchangeTrigger' }),
		getNodeParameter: (name: string, fallback?: unknown) => readParameter(name, 0, fallback),
		getCredentials: async () => options.credentials,
		getMode: () => options.mode ?? 'trigger',
		getWorkflowStaticData: () => options.staticData,
		helpers: { prepareBinaryData },
	};
	return context as unknown as IPollFunctions;
}

export function binaryItem(content: string, fileName: string, json: IDataObject = {}): INodeExecutionData {
	const extension = fileName.split('.').pop();
	return {
		json,
		binary: {
			data: {
				data: Buffer.from(content).toString('base64'),
				mimeType: 'application/octet-stream',
				fileName,
				fileExtension: extension,
			},
		},
	};
}
