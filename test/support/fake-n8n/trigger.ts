/**
 * A faked n8n context for the Billit triggers: hook (checkExists/create/delete), webhook and poll
 * functions in one object. Parameters come from a plain object, static data is shared across calls
 * (as n8n keeps it for an active workflow), and HTTP goes out for real through the helpers of the
 * project's fake execute context, so the Billit emulator can answer.
 */
import { randomUUID } from 'node:crypto';

import type {
	IDataObject,
	IHookFunctions,
	IPollFunctions,
	IWebhookFunctions,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { mock } from 'vitest-mock-extended';
import { fakeExecute, type Parameters } from './execute';

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

function readPath(source: Parameters, path: string): unknown {
	return path
		.split('.')
		.reduce<unknown>(
			(value, key) => (value !== null && typeof value === 'object' ? (value as Parameters)[key] : undefined),
			source,
		);
}

export function fakeTrigger(options: {
	parameters: Parameters;
	credentials: Record<string, IDataObject>;
	webhookUrl?: string;
	staticData?: IDataObject;
}): FakeTrigger {
	const { context: execute } = fakeExecute({ parameters: {}, credentials: options.credentials });
	const context = mock<TriggerFunctions>();
	const staticData = options.staticData ?? {};
	const answer: RecordedAnswer = {};
	let request: DeliveryRequest = { rawBody: '', headers: {} };
	let mode: WorkflowExecuteMode = 'trigger';

	// A workflow of its own per fake: the trigger also remembers deliveries per workflow in the process.
	const workflowId = randomUUID();
	context.getWorkflow.mockImplementation(() => ({ id: workflowId, name: 'Billit Trigger test', active: true }));
	context.getNode.mockImplementation(() => ({
		id: 'billit-trigger-test',
		name: 'Billit Trigger',
		type: 'n8n-nodes-billit.billitTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	}));
	context.getNodeParameter.mockImplementation(((name: string, fallback?: unknown, parameterOptions?: { extractValue?: boolean }) => {
		const value = readPath(options.parameters, name);
		if (value === undefined) return fallback;
		if (parameterOptions?.extractValue && value !== null && typeof value === 'object' && '__rl' in value) {
			return (value as unknown as { value: unknown }).value;
		}
		return value;
	}) as unknown as TriggerFunctions['getNodeParameter']);
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
