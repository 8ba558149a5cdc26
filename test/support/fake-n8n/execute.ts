/**
 * A faked `IExecuteFunctions` (and `ILoadOptionsFunctions`) for running a node without n8n.
 * Parameters follow the one model of ./parameters (plain value, or a function of the item index
 * for an expression); binary data lives in memory or in fake filesystem storage (./binary); HTTP is
 * real (./http), so requests reach a real server such as the Billit emulator.
 */
import type {
	IBinaryData,
	IDataObject,
	IExecuteFunctions,
	ILoadOptionsFunctions,
	INode,
	INodeExecutionData,
	INodeType,
	IPairedItemData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { mock } from 'vitest-mock-extended';

import {
	prepareBinaryData,
	storedBinaryPath,
	storedBinaryReads,
	storedBinaryStream,
	storedContent,
} from './binary';
import { authenticatedHttp, credentialsLookup, type HttpCall, type HttpOptions } from './http';
import { readParameter, type ParameterReadOptions, type Parameters } from './parameters';

export { binaryItem, storedBinaryItem, storedBinaryReads } from './binary';
export { billitAuthenticate, type HttpCall, type HttpResponse } from './http';
export { locator, perItem, type ParameterValue, type Parameters } from './parameters';

export interface FakeExecuteOptions extends HttpOptions {
	parameters: Parameters;
	/** Input items; one empty item by default. */
	items?: INodeExecutionData[];
	continueOnFail?: boolean;
	/** The node as n8n describes it; a Billit node by default. */
	node?: Partial<INode>;
	mode?: WorkflowExecuteMode;
	/** The workflow's static data, to share between runs as n8n keeps it for an active workflow. */
	staticData?: IDataObject;
}

export interface FakeExecute {
	context: IExecuteFunctions;
	httpCalls: HttpCall[];
	staticData: IDataObject;
}

/** The node the fakes report unless a test gives its own. */
export function testNode(node: Partial<INode> = {}): INode {
	return {
		id: 'billit-test-node',
		name: 'Billit',
		type: 'n8n-nodes-billit.billit',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		...node,
	};
}

export interface FakeLoadOptionsOptions extends Omit<HttpOptions, 'alterResponse'> {
	/** Node parameters as the editor holds them while it loads options. */
	parameters: Parameters;
}

/** A faked `ILoadOptionsFunctions` (list search, load options) doing real HTTP like `fakeExecute`. */
export function fakeLoadOptions(options: FakeLoadOptionsOptions) {
	const httpCalls: HttpCall[] = [];
	const context = mock<ILoadOptionsFunctions>();
	context.getNode.mockImplementation(() => testNode());
	context.getNodeParameter.mockImplementation(((name: string, fallback?: unknown, parameterOptions?: ParameterReadOptions) =>
		readParameter(options.parameters, name, 0, fallback, parameterOptions)) as unknown as ILoadOptionsFunctions['getNodeParameter']);
	context.getCredentials.mockImplementation(credentialsLookup(options.credentials) as ILoadOptionsFunctions['getCredentials']);
	context.helpers = {
		httpRequestWithAuthentication: authenticatedHttp(options, httpCalls),
	} as unknown as ILoadOptionsFunctions['helpers'];
	return { context, httpCalls };
}

export function fakeExecute(options: FakeExecuteOptions): FakeExecute {
	const items: INodeExecutionData[] = options.items ?? [{ json: {} }];
	const httpCalls: HttpCall[] = [];
	const staticData: IDataObject = options.staticData ?? {};
	const node = testNode(options.node);
	const context = mock<IExecuteFunctions>();

	context.getInputData.mockImplementation(() => items);
	context.getNode.mockImplementation(() => node);
	context.continueOnFail.mockImplementation(() => options.continueOnFail ?? false);
	context.getMode.mockImplementation(() => options.mode ?? 'manual');
	context.getExecutionId.mockImplementation(() => 'test-execution');
	context.getWorkflowStaticData.mockImplementation(() => staticData);
	context.getNodeParameter.mockImplementation(((
		name: string,
		itemIndex: number,
		fallback?: unknown,
		parameterOptions?: ParameterReadOptions,
	) => readParameter(options.parameters, name, itemIndex, fallback, parameterOptions)) as unknown as IExecuteFunctions['getNodeParameter']);
	context.getCredentials.mockImplementation(credentialsLookup(options.credentials) as IExecuteFunctions['getCredentials']);

	const assertBinaryData = (itemIndex: number, propertyName: string | IBinaryData): IBinaryData => {
		const name = String(propertyName);
		const binary = items[itemIndex]?.binary?.[name];
		if (!binary) throw new Error(`Item ${itemIndex} has no binary field "${name}"`);
		return binary;
	};
	const helpers = {
		httpRequestWithAuthentication: authenticatedHttp(options, httpCalls),
		prepareBinaryData,
		assertBinaryData,
		getBinaryDataBuffer: async (itemIndex: number, propertyName: string) => {
			const binary = assertBinaryData(itemIndex, propertyName);
			if (binary.id === undefined) return Buffer.from(binary.data, 'base64');
			storedBinaryReads.push({ id: binary.id, how: 'buffer' });
			return storedContent(binary.id);
		},
		getBinaryStream: async (id: string) => storedBinaryStream(id),
		getBinaryPath: storedBinaryPath,
		getBinaryMetadata: async (id: string) => ({ fileSize: storedContent(id).length, mimeType: 'application/octet-stream' }),
		returnJsonArray: (data: IDataObject | IDataObject[]) => (Array.isArray(data) ? data : [data]).map((json) => ({ json })),
		constructExecutionMetaData: (data: INodeExecutionData[], { itemData }: { itemData: IPairedItemData }) =>
			data.map((entry) => ({ ...entry, pairedItem: itemData })),
	};
	context.helpers = helpers as unknown as IExecuteFunctions['helpers'];
	return { context, httpCalls, staticData };
}

/** Runs a node's `execute` with a faked context; `output` is its first output. */
export async function runNode(nodeType: INodeType, options: FakeExecuteOptions) {
	const fake = fakeExecute(options);
	const output = await nodeType.execute!.call(fake.context);
	return { ...fake, output: (output as INodeExecutionData[][])[0] };
}
