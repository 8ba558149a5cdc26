/**
 * A faked `IExecuteFunctions` for running a node's `execute` in tests without n8n. Parameters come
 * from plain objects per item, binary data lives in memory, and
 * `helpers.httpRequestWithAuthentication` performs real HTTP (so requests reach a real server such
 * as the Billit emulator), adding credential headers the way n8n's credential `authenticate` would.
 */
import type {
	IBinaryData,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	INodeExecutionData,
	INodeType,
	IPairedItemData,
} from 'n8n-workflow';
import { mock } from 'vitest-mock-extended';

export type Parameters = Record<string, unknown>;

export interface FakeExecuteOptions {
	/** Parameters for every item; `itemParameters[i]` overrides per item. */
	parameters: Parameters;
	itemParameters?: Parameters[];
	/** Input items; one empty item by default. */
	items?: INodeExecutionData[];
	/** Decrypted credentials by credential type name. */
	credentials?: Record<string, IDataObject>;
	/** Adds authentication to a request, as the credential's `authenticate` does in n8n. */
	authenticate?: (
		credentialType: string,
		credentials: IDataObject,
		request: IHttpRequestOptions,
	) => void;
	/** Changes an answer before the node sees it (e.g. to simulate content corrupted in transit). */
	alterResponse?: (request: IHttpRequestOptions, response: HttpResponse) => void;
	continueOnFail?: boolean;
	node?: Partial<INode>;
	/** The workflow's static data, to share between runs as n8n keeps it for an active workflow. */
	staticData?: IDataObject;
}

export interface HttpResponse {
	statusCode: number;
	headers: Record<string, string>;
	body: unknown;
}

export interface HttpCall {
	credentialType: string;
	request: IHttpRequestOptions;
}

export interface FakeExecute {
	context: IExecuteFunctions;
	httpCalls: HttpCall[];
	staticData: IDataObject;
}

/** Default authentication for Billit's two credential types. */
export function billitAuthenticate(
	credentialType: string,
	credentials: IDataObject,
	request: IHttpRequestOptions,
): void {
	const headers = (request.headers ??= {});
	if (credentialType === 'billitOAuth2Api') {
		const token = (credentials.oauthTokenData as IDataObject | undefined)?.access_token;
		headers.Authorization = `Bearer ${String(token)}`;
	} else {
		headers.ApiKey = String(credentials.apiKey);
	}
}

function readPath(source: Parameters, path: string): unknown {
	return path
		.split('.')
		.reduce<unknown>(
			(value, key) =>
				value !== null && typeof value === 'object' ? (value as Parameters)[key] : undefined,
			source,
		);
}

function isResourceLocator(value: unknown): value is { __rl: true; value: unknown } {
	return value !== null && typeof value === 'object' && (value as { __rl?: unknown }).__rl === true;
}

/** A resource-locator parameter value as the editor stores it. */
export function locator(value: string | number, mode = 'id') {
	return { __rl: true as const, mode, value: String(value) };
}

function toQueryString(qs: IDataObject | undefined): string {
	const params = new URLSearchParams();
	for (const [key, value] of Object.entries(qs ?? {})) {
		if (value === undefined || value === null) continue;
		params.append(key, String(value));
	}
	const text = params.toString();
	return text ? `?${text}` : '';
}

/** Real HTTP with fetch, answering like n8n's `httpRequest` for the options Billit code uses. */
async function performHttp(
	request: IHttpRequestOptions,
	alterResponse?: FakeExecuteOptions['alterResponse'],
): Promise<unknown> {
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(request.headers ?? {})) {
		if (value !== undefined && value !== null) headers[name] = String(value);
	}
	let body: string | Buffer | undefined;
	if (request.body !== undefined && request.body !== null) {
		if (typeof request.body === 'string' || Buffer.isBuffer(request.body)) {
			body = request.body as string | Buffer;
		} else {
			body = JSON.stringify(request.body);
			headers['Content-Type'] ??= 'application/json';
		}
	}
	const response = await fetch(`${request.url}${toQueryString(request.qs as IDataObject)}`, {
		method: request.method ?? 'GET',
		headers,
		body,
	});
	const bytes = Buffer.from(await response.arrayBuffer());
	const responseHeaders = Object.fromEntries(response.headers.entries());
	let parsed: unknown;
	if (request.encoding === 'arraybuffer') {
		parsed = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
	} else if (request.encoding === 'text' || request.json === false) {
		parsed = bytes.toString('utf8');
	} else {
		const text = bytes.toString('utf8');
		try {
			parsed = text === '' ? undefined : JSON.parse(text);
		} catch {
			parsed = text;
		}
	}
	const answer: HttpResponse = {
		statusCode: response.status,
		headers: responseHeaders,
		body: parsed,
	};
	alterResponse?.(request, answer);
	parsed = answer.body;
	const ignore = request.ignoreHttpStatusErrors;
	const ignored =
		ignore === true ||
		(typeof ignore === 'object' &&
			ignore !== null &&
			(ignore as { except?: number[] }).except?.includes(response.status) === false);
	if (response.status >= 400 && !ignored) {
		const error = new Error(`Request failed with status code ${response.status}`) as Error &
			IDataObject;
		error.httpCode = String(response.status);
		error.response = { status: response.status, data: parsed, headers: responseHeaders };
		throw error;
	}
	if (request.returnFullResponse) {
		return {
			statusCode: response.status,
			statusMessage: response.statusText,
			headers: responseHeaders,
			body: parsed,
		};
	}
	return parsed;
}

function binaryData(
	content: Buffer,
	fileName: string | undefined,
	mimeType: string | undefined,
): IBinaryData {
	const extension = fileName && /\.([^.]+)$/.exec(fileName)?.[1];
	return {
		data: content.toString('base64'),
		mimeType: mimeType ?? 'application/octet-stream',
		fileName,
		fileExtension: extension,
		fileSize: `${content.length} B`,
	};
}

/** `httpRequestWithAuthentication` doing real HTTP with the test credentials, recording each call. */
function authenticatedHttp(
	options: Pick<FakeExecuteOptions, 'credentials' | 'authenticate' | 'alterResponse'>,
	httpCalls: HttpCall[],
) {
	const authenticate = options.authenticate ?? billitAuthenticate;
	return async (credentialType: string, request: IHttpRequestOptions) => {
		const credentials = options.credentials?.[credentialType];
		if (!credentials) throw new Error(`No test credentials of type ${credentialType}`);
		const authenticated = { ...request, headers: { ...request.headers } };
		authenticate(credentialType, credentials, authenticated);
		httpCalls.push({ credentialType, request: authenticated });
		return await performHttp(authenticated, options.alterResponse);
	};
}

function credentialsLookup(credentials: FakeExecuteOptions['credentials']) {
	return async (type: string) => {
		const found = credentials?.[type];
		if (!found) throw new Error(`No test credentials of type ${type}`);
		return found;
	};
}

export interface FakeLoadOptionsOptions {
	/** Node parameters as the editor holds them while it loads options. */
	parameters: Parameters;
	credentials?: Record<string, IDataObject>;
	authenticate?: FakeExecuteOptions['authenticate'];
}

/** A faked `ILoadOptionsFunctions` (list search, load options) doing real HTTP like `fakeExecute`. */
export function fakeLoadOptions(options: FakeLoadOptionsOptions) {
	const httpCalls: HttpCall[] = [];
	const context = mock<ILoadOptionsFunctions>();
	context.getNode.mockImplementation(() => ({
		id: 'billit-test-node',
		name: 'Billit',
		type: 'n8n-nodes-billit.billit',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	}));
	context.getNodeParameter.mockImplementation(function (
		this: unknown,
		...args: [string, unknown?, { extractValue?: boolean }?]
	) {
		const [name, fallback, parameterOptions] = args;
		const value = readPath(options.parameters, name);
		if (value === undefined) return fallback;
		return parameterOptions?.extractValue && isResourceLocator(value) ? value.value : value;
	} as unknown as ILoadOptionsFunctions['getNodeParameter']);
	context.getCredentials.mockImplementation(
		credentialsLookup(options.credentials) as ILoadOptionsFunctions['getCredentials'],
	);
	context.helpers = {
		httpRequestWithAuthentication: authenticatedHttp(options, httpCalls),
	} as unknown as ILoadOptionsFunctions['helpers'];
	return { context, httpCalls };
}

export function fakeExecute(options: FakeExecuteOptions): FakeExecute {
	const items: INodeExecutionData[] = options.items ?? [{ json: {} }];
	const httpCalls: HttpCall[] = [];
	const staticData: IDataObject = options.staticData ?? {};
	const node: INode = {
		id: 'billit-test-node',
		name: 'Billit',
		type: 'n8n-nodes-billit.billit',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		...options.node,
	};
	const context = mock<IExecuteFunctions>();

	context.getInputData.mockImplementation(() => items);
	context.getNode.mockImplementation(() => node);
	context.continueOnFail.mockImplementation(() => options.continueOnFail ?? false);
	context.getMode.mockImplementation(() => 'manual');
	context.getExecutionId.mockImplementation(() => 'test-execution');
	context.getWorkflowStaticData.mockImplementation(() => staticData);
	context.getNodeParameter.mockImplementation(function (
		this: unknown,
		...args: [string, number, unknown?, { extractValue?: boolean }?]
	) {
		const [name, itemIndex, fallback, parameterOptions] = args;
		const merged = { ...options.parameters, ...options.itemParameters?.[itemIndex] };
		let value = readPath(merged, name);
		if (value === undefined) {
			if (args.length < 3) {
				throw new Error(`Test parameter "${name}" is not set`);
			}
			return fallback;
		}
		if (parameterOptions?.extractValue && isResourceLocator(value)) value = value.value;
		return value;
	} as unknown as IExecuteFunctions['getNodeParameter']);
	context.getCredentials.mockImplementation(
		credentialsLookup(options.credentials) as IExecuteFunctions['getCredentials'],
	);

	const assertBinaryData = (itemIndex: number, propertyName: string | IBinaryData): IBinaryData => {
		const name = String(propertyName);
		const binary = items[itemIndex]?.binary?.[name];
		if (!binary) throw new Error(`Item ${itemIndex} has no binary field "${name}"`);
		return binary;
	};
	const helpers = {
		httpRequestWithAuthentication: authenticatedHttp(options, httpCalls),
		prepareBinaryData: async (content: Buffer, fileName?: string, mimeType?: string) =>
			binaryData(content, fileName, mimeType),
		assertBinaryData,
		getBinaryDataBuffer: async (itemIndex: number, propertyName: string) =>
			Buffer.from(assertBinaryData(itemIndex, propertyName).data, 'base64'),
		returnJsonArray: (data: IDataObject | IDataObject[]) =>
			(Array.isArray(data) ? data : [data]).map((json) => ({ json })),
		constructExecutionMetaData: (
			data: INodeExecutionData[],
			{ itemData }: { itemData: IPairedItemData },
		) => data.map((entry) => ({ ...entry, pairedItem: itemData })),
	};
	context.helpers = helpers as unknown as IExecuteFunctions['helpers'];
	return { context, httpCalls, staticData };
}

/** Runs a node's `execute` with a faked context. */
export async function runNode(nodeType: INodeType, options: FakeExecuteOptions) {
	const fake = fakeExecute(options);
	const output = await nodeType.execute!.call(fake.context);
	return { ...fake, output: (output as INodeExecutionData[][])[0] };
}

/** An input item with one binary field. */
export function binaryItem(
	field: string,
	content: Buffer | string,
	fileName: string,
	mimeType: string,
): INodeExecutionData {
	return { json: {}, binary: { [field]: binaryData(Buffer.from(content), fileName, mimeType) } };
}
