/**
 * A faked n8n context for trigger nodes: hook (checkExists/create/delete), webhook and poll
 * functions in one object. Parameters follow the model of ./parameters (read for item 0), static
 * data is shared across calls (as n8n keeps it for an active workflow), and the helpers are those of
 * the fake execute context: real HTTP, so the Billit emulator can answer, and binary data.
 */
import { randomUUID } from 'node:crypto';

import type {
	IDataObject,
	IHookFunctions,
	INode,
	IPollFunctions,
	IWebhookFunctions,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { mock } from 'vitest-mock-extended';
import { fakeExecute, testNode } from './execute';
import { readParameter, type ParameterReadOptions, type Parameters } from './parameters';

export type TriggerFunctions = IHookFunctions & IWebhookFunctions & IPollFunctions;

export interface DeliveryRequest {
	rawBody: string;
	headers: Record<string, string>;
}

export interface RecordedAnswer {
	status?: number;
	body?: unknown;
}

export interface FakeTrigger {
	context: TriggerFunctions;
	staticData: IDataObject;
	parameters: Parameters;
	/** The answer a webhook call wrote itself (401, 503); empty when n8n would answer. */
	answer: RecordedAnswer;
	deliver(request: DeliveryRequest): void;
	setMode(mode: WorkflowExecuteMode): void;
}

export function fakeTrigger(options: {
	parameters: Parameters;
	credentials: Record<string, IDataObject>;
	webhookUrl?: string;
	staticData?: IDataObject;
	mode?: WorkflowExecuteMode;
	/** The node as n8n describes it; a Billit Trigger by default. */
	node?: Partial<INode>;
}): FakeTrigger {
	const { context: execute } = fakeExecute({ parameters: {}, credentials: options.credentials });
	const context = mock<TriggerFunctions>();
	const staticData = options.staticData ?? {};
	const answer: RecordedAnswer = {};
	let request: DeliveryRequest = { rawBody: '', headers: {} };
	let mode: WorkflowExecuteMode = options.mode ?? 'trigger';

	// A workflow of its own per fake: the trigger also remembers deliveries per workflow in the process.
	const workflowId = randomUUID();
	context.getWorkflow.mockImplementation(() => ({ id: workflowId, name: 'Billit Trigger test', active: true }));
	const node = testNode({ id: 'billit-trigger-test', name: 'Billit Trigger', type: 'n8n-nodes-billit.billitTrigger', ...options.node });
	context.getNode.mockImplementation(() => node);
	context.getNodeParameter.mockImplementation(((name: string, fallback?: unknown, parameterOptions?: ParameterReadOptions) =>
		readParameter(options.parameters, name, 0, fallback, parameterOptions)) as unknown as TriggerFunctions['getNodeParameter']);
	context.getCredentials.mockImplementation((async (type: string) => {
		const credentials = options.credentials[type];
		if (!credentials) throw new Error(`No test credentials of type ${type}`);
		return credentials;
	}) as TriggerFunctions['getCredentials']);
	context.getWorkflowStaticData.mockImplementation(() => staticData);
	context.getNodeWebhookUrl.mockImplementation(() => options.webhookUrl ?? 'https://n8n.example.test/webhook/abc/webhook');
	context.getMode.mockImplementation(() => mode);
	context.getRequestObject.mockImplementation(
		() => ({ rawBody: Buffer.from(request.rawBody), body: JSON.parse(request.rawBody || '{}') }) as never,
	);
	context.getHeaderData.mockImplementation(() => request.headers);
	context.getBodyData.mockImplementation(() => JSON.parse(request.rawBody || '{}') as IDataObject);
	const response = {
		status(code: number) {
			answer.status = code;
			return response;
		},
		json(body: unknown) {
			answer.body = body;
			return response;
		},
	};
	context.getResponseObject.mockImplementation(() => response as never);
	context.helpers = execute.helpers as unknown as TriggerFunctions['helpers'];
	return {
		context,
		staticData,
		parameters: options.parameters,
		answer,
		deliver(next) {
			request = { rawBody: next.rawBody, headers: Object.fromEntries(Object.entries(next.headers).map(([k, v]) => [k.toLowerCase(), v])) };
			delete answer.status;
			delete answer.body;
		},
		setMode(next) {
			mode = next;
		},
	};
}
