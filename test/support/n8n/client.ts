import { requestJson, undefinedIfNotFound, type JsonRequest } from './http';
import { logSize, logTail } from './process';
import { isFinished, type N8nExecution } from './run-data';

/** How tests reach the shared instance; provided by test/e2e/global-setup.ts. */
export interface N8nCoordinates {
	baseUrl: string;
	apiKey: string;
	sessionCookie: string;
	userFolder: string;
	logFile: string;
	/** Node and credential type names are `<packageName>.<name>`. */
	packageName: string;
	/** The n8n version running there; absent means the default runtime (2.x). */
	n8nVersion?: string;
}

/** A workflow as exported from the editor or stored in examples/. */
export interface WorkflowFile {
	name: string;
	nodes: Array<{ name: string; type: string; [key: string]: unknown }>;
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	staticData?: unknown;
	pinData?: Record<string, unknown>;
	[key: string]: unknown;
}

export interface StoredWorkflow extends WorkflowFile {
	id: string;
	active: boolean;
	versionId?: string;
	activeVersionId?: string | null;
}

interface PublicationStatus {
	status: 'in_progress' | 'not_published' | 'published' | 'partial' | 'failed';
	liveVersionId: string | null;
	triggers: Array<{ nodeId: string; status: string; errorMessage?: string | null }>;
}

export interface StoredCredential {
	id: string;
	name: string;
	type: string;
}

export interface TypeDescription {
	name: string;
	displayName: string;
}

export interface WaitOptions {
	timeoutMs?: number;
	pollMs?: number;
}

const MANUAL_TRIGGER = 'n8n-nodes-base.manualTrigger';
// The public API refuses read-only fields (id, active, tags, meta, ...) that editor exports contain.
const WRITABLE_WORKFLOW_FIELDS = ['name', 'nodes', 'connections', 'settings', 'staticData', 'pinData'] as const;

function writableWorkflow(workflow: WorkflowFile, withPinData: boolean): Record<string, unknown> {
	const body: Record<string, unknown> = { settings: {} };
	for (const field of WRITABLE_WORKFLOW_FIELDS) {
		if (workflow[field] !== undefined && workflow[field] !== null) body[field] = workflow[field];
	}
	if (!withPinData) {
		if (Object.keys(workflow.pinData ?? {}).length > 0) throw new Error(`workflow "${workflow.name}" pins data, which n8n 1.x's public API cannot import`);
		delete body.pinData;
	}
	return body;
}

function sameSettledStatus(first: PublicationStatus, second: PublicationStatus): boolean {
	return first.status === second.status && first.liveVersionId === second.liveVersionId && first.triggers.length === second.triggers.length;
}

/** n8n's public API (`/api/v1`, API key) plus the internal REST calls the public API lacks (session cookie). */
export class N8nClient {
	constructor(readonly coordinates: N8nCoordinates) {}

	private async publicApi<T>(request: JsonRequest): Promise<T> {
		const { body } = await requestJson<T>(this.coordinates.baseUrl, {
			...request,
			path: `/api/v1${request.path}`,
			headers: { 'X-N8N-API-KEY': this.coordinates.apiKey, ...request.headers },
		});
		return body;
	}

	private async internalApi<T>(request: JsonRequest): Promise<T> {
		const { body } = await requestJson<T>(this.coordinates.baseUrl, {
			...request,
			headers: { cookie: this.coordinates.sessionCookie, ...request.headers },
		});
		return body;
	}

	/** `<package>.<name>` as n8n names this package's node and credential types once installed. */
	typeName(name: string): string {
		return `${this.coordinates.packageName}.${name}`;
	}

	async importWorkflow(workflow: WorkflowFile): Promise<StoredWorkflow> {
		return await this.publicApi<StoredWorkflow>({ method: 'POST', path: '/workflows', body: writableWorkflow(workflow, !this.isN8n1) });
	}

	async getWorkflow(id: string): Promise<StoredWorkflow> {
		return await this.publicApi<StoredWorkflow>({ method: 'GET', path: `/workflows/${id}` });
	}

	async deleteWorkflow(id: string): Promise<void> {
		await this.publicApi({ method: 'DELETE', path: `/workflows/${id}` });
	}

	/** n8n 1.x names "publish" activation and has no publication outbox. */
	private get isN8n1(): boolean {
		return this.coordinates.n8nVersion?.startsWith('1.') ?? false;
	}

	/**
	 * "Publish" in n8n 2.x (activation in 1.x). n8n 2.x answers before the triggers are live (its
	 * publication outbox registers webhooks and pollers shortly after), so this waits until every
	 * trigger of the published version is activated, and fails with n8n's reason otherwise.
	 *
	 * A publication that ends with no trigger outcome at all failed inside n8n, not in a trigger (n8n
	 * logs why); like a user seeing "failed to publish", this publishes once more and prints n8n's
	 * log. A trigger that fails to activate fails at once.
	 */
	async activateWorkflow(id: string, wait: WaitOptions = {}): Promise<StoredWorkflow> {
		const action = this.isN8n1 ? 'activate' : 'publish';
		for (let attempt = 1; ; attempt++) {
			const logStart = logSize(this.coordinates.logFile);
			const published = await this.publicApi<StoredWorkflow>({ method: 'POST', path: `/workflows/${id}/${action}`, body: {} });
			const status = await this.waitForPublication(id, wait);
			if (!status || (status.status === 'published' && status.liveVersionId === published.activeVersionId)) return published;
			const reasons = status.triggers.map((trigger) => `${trigger.nodeId}: ${trigger.status} ${trigger.errorMessage ?? ''}`);
			const failure = `publishing workflow ${id} ended "${status.status}" (${reasons.join('; ') || 'no trigger outcome'})\nn8n's log since the publish:\n${logTail(this.coordinates.logFile, 40, logStart)}`;
			if (status.triggers.length > 0 || attempt > 1) throw new Error(failure);
			console.warn(`[n8n] ${failure}\n[n8n] publishing workflow ${id} again`);
		}
	}

	/** Unpublish; resolves once n8n has taken the triggers down. */
	async deactivateWorkflow(id: string, wait: WaitOptions = {}): Promise<StoredWorkflow> {
		const action = this.isN8n1 ? 'deactivate' : 'unpublish';
		const unpublished = await this.publicApi<StoredWorkflow>({ method: 'POST', path: `/workflows/${id}/${action}` });
		await this.waitForPublication(id, wait);
		return unpublished;
	}

	/**
	 * Polls n8n's publication status until no publication is in flight; undefined if n8n publishes
	 * synchronously. n8n reads the outbox and the trigger rows in two separate queries, so a read
	 * that straddles the commit ending a publication can report "not_published" for a workflow whose
	 * triggers are live: a status counts as settled once two reads in a row agree.
	 */
	private async waitForPublication(id: string, { timeoutMs = 60_000, pollMs = 250 }: WaitOptions): Promise<PublicationStatus | undefined> {
		const deadline = Date.now() + timeoutMs;
		let previous: PublicationStatus | undefined;
		for (;;) {
			// 404: n8n 1.x or N8N_USE_WORKFLOW_PUBLICATION_SERVICE=false, publication happened in the request.
			const response = await undefinedIfNotFound(
				this.internalApi<{ data: PublicationStatus }>({ method: 'GET', path: `/rest/workflows/${id}/publication-status` }),
			);
			const status = response?.data;
			if (!status) return undefined;
			if (status.status !== 'in_progress' && previous && sameSettledStatus(previous, status)) return status;
			previous = status;
			if (Date.now() > deadline) throw new Error(`publication of workflow ${id} not settled after ${timeoutMs} ms: last "${status.status}"`);
			await new Promise((resolve) => setTimeout(resolve, pollMs));
		}
	}

	async createCredential(name: string, type: string, data: Record<string, unknown>): Promise<StoredCredential> {
		const body = { name, type, data };
		if (this.isN8n1) {
			// n8n 1.x's public API demands every field a credential shows for the chosen options, notices
			// included; the editor's own endpoint takes what the user filled in.
			return (await this.internalApi<{ data: StoredCredential }>({ method: 'POST', path: '/rest/credentials', body })).data;
		}
		return await this.publicApi<StoredCredential>({ method: 'POST', path: '/credentials', body });
	}

	async deleteCredential(id: string): Promise<void> {
		await this.publicApi({ method: 'DELETE', path: `/credentials/${id}` });
	}

	async getExecution(id: string | number): Promise<N8nExecution> {
		return await this.publicApi<N8nExecution>({ method: 'GET', path: `/executions/${id}?includeData=true` });
	}

	/** Executions of one workflow, newest first, with run data (e.g. runs started by a webhook or poll). */
	async executionsOf(workflowId: string, limit = 20): Promise<N8nExecution[]> {
		const query = new URLSearchParams({ workflowId, includeData: 'true', limit: String(limit) });
		const { data } = await this.publicApi<{ data: N8nExecution[] }>({ method: 'GET', path: `/executions?${query}` });
		return data;
	}

	/** Executions of one workflow still running (the public API lists them only when asked by status). */
	async runningExecutionsOf(workflowId: string, limit = 100): Promise<N8nExecution[]> {
		const query = new URLSearchParams({ workflowId, status: 'running', limit: String(limit) });
		const { data } = await this.publicApi<{ data: N8nExecution[] }>({ method: 'GET', path: `/executions?${query}` });
		return data;
	}

	/**
	 * Waits for the first execution of a workflow that started on its own (webhook, poll, schedule)
	 * and for that execution to finish. `after` skips executions already known.
	 */
	async waitForExecutionOf(workflowId: string, { after = [], ...wait }: WaitOptions & { after?: Array<string | number> } = {}): Promise<N8nExecution> {
		const known = new Set(after.map(String));
		const deadline = Date.now() + (wait.timeoutMs ?? 120_000);
		for (;;) {
			const started = (await this.executionsOf(workflowId)).filter((execution) => !known.has(String(execution.id)));
			if (started.length) return await this.waitForExecution(started[started.length - 1].id, wait);
			if (Date.now() > deadline) throw new Error(`workflow ${workflowId} started no new execution`);
			await new Promise((resolve) => setTimeout(resolve, wait.pollMs ?? 250));
		}
	}

	/**
	 * Starts a workflow from its Manual Trigger the way the editor's "Execute workflow" does
	 * (internal `POST /rest/workflows/:id/run`) and returns the execution id.
	 */
	async startManualRun(workflowId: string): Promise<string> {
		const workflow = await this.getWorkflow(workflowId);
		const trigger = workflow.nodes.find((node) => node.type === MANUAL_TRIGGER);
		if (!trigger) throw new Error(`workflow ${workflowId} has no Manual Trigger node`);
		const { data } = await this.internalApi<{ data: { executionId?: string; waitingForWebhook?: boolean } }>({
			method: 'POST',
			path: `/rest/workflows/${workflowId}/run`,
			// n8n 1.x runs the workflow it is sent; 2.x runs the stored one.
			body: { triggerToStartFrom: { name: trigger.name }, ...(this.isN8n1 ? { workflowData: workflow } : {}) },
		});
		if (!data.executionId) throw new Error(`n8n started no execution for workflow ${workflowId}: ${JSON.stringify(data)}`);
		return data.executionId;
	}

	/** Polls until the execution is no longer new, running or waiting, and returns it with run data. */
	async waitForExecution(id: string | number, { timeoutMs = 120_000, pollMs = 250 }: WaitOptions = {}): Promise<N8nExecution> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const execution = await this.tryGetExecution(id);
			if (execution && isFinished(execution)) return execution;
			if (Date.now() > deadline) {
				throw new Error(`execution ${id} did not finish within ${timeoutMs} ms (status ${execution?.status ?? 'not stored yet'})`);
			}
			await new Promise((resolve) => setTimeout(resolve, pollMs));
		}
	}

	private async tryGetExecution(id: string | number): Promise<N8nExecution | undefined> {
		// A manual run's execution row can appear a moment after the run was accepted.
		return await undefinedIfNotFound(this.getExecution(id));
	}

	/** Runs an imported workflow from its Manual Trigger and waits for the finished execution. */
	async runManually(workflowId: string, wait?: WaitOptions): Promise<N8nExecution> {
		return await this.waitForExecution(await this.startManualRun(workflowId), wait);
	}

	/** Node types n8n loaded (what the editor lists), each with its full type name. */
	async nodeTypes(): Promise<TypeDescription[]> {
		return await this.internalApi<TypeDescription[]>({ method: 'GET', path: '/types/nodes.json' });
	}

	async credentialTypes(): Promise<TypeDescription[]> {
		return await this.internalApi<TypeDescription[]>({ method: 'GET', path: '/types/credentials.json' });
	}
}
