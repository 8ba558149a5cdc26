import type { Readable } from 'node:stream';
import type {
	IBinaryData,
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	IPollFunctions,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { readAll } from './helpers';

/** A parameter value, or a function of the item index (what an n8n expression would give). */
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
	return (name: string, itemIndex: number, fallback?: unknown) => {
		if (!(name in parameters)) {
			if (fallback !== undefined) return fallback;
			throw new Error(`parameter ${name} is not set in the test`);
		}
		const value = parameters[name];
		return typeof value === 'function' ? (value as (index: number) => unknown)(itemIndex) : value;
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
