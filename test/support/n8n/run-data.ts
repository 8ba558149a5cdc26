/** The parts of an n8n execution (public API, `includeData=true`) the tests judge runs by. */
export interface N8nExecution {
	id: number | string;
	finished: boolean;
	mode: string;
	status: 'new' | 'running' | 'waiting' | 'success' | 'error' | 'crashed' | 'canceled' | 'unknown';
	startedAt: string | null;
	stoppedAt: string | null;
	workflowId: string;
	data?: {
		resultData: {
			error?: { message?: string; description?: string; node?: { name?: string } };
			lastNodeExecuted?: string;
			runData: Record<string, NodeRun[]>;
		};
	};
}

export interface NodeRun {
	executionStatus?: string;
	error?: { message?: string; description?: string };
	data?: { main?: Array<Array<{ json: Record<string, unknown>; binary?: Record<string, unknown> }> | null> };
}

const UNFINISHED = new Set(['new', 'running', 'waiting']);

export function isFinished(execution: N8nExecution): boolean {
	return !UNFINISHED.has(execution.status);
}

function describeFailure(execution: N8nExecution): string {
	const result = execution.data?.resultData;
	const failedNodes = Object.entries(result?.runData ?? {})
		.flatMap(([name, runs]) => runs.filter((run) => run.error).map((run) => `${name}: ${run.error?.message ?? 'error'}`))
		.join('; ');
	const error = result?.error;
	return [
		`execution ${execution.id} ended with status "${execution.status}" (finished: ${execution.finished})`,
		error ? `error${error.node?.name ? ` in ${error.node.name}` : ''}: ${error.message ?? ''} ${error.description ?? ''}`.trim() : '',
		failedNodes ? `failed nodes: ${failedNodes}` : '',
		result?.lastNodeExecuted ? `last node executed: ${result.lastNodeExecuted}` : '',
	]
		.filter(Boolean)
		.join('\n');
}

/** Throws with n8n's own error text unless the run data says success and finished. */
export function assertSucceeded(execution: N8nExecution): void {
	if (execution.status !== 'success' || !execution.finished || !execution.data) {
		throw new Error(describeFailure(execution));
	}
}

/** JSON of the items a node emitted on one output in its last run. */
export function nodeOutput(execution: N8nExecution, nodeName: string, outputIndex = 0): Array<Record<string, unknown>> {
	const runs = execution.data?.resultData.runData[nodeName];
	if (!runs?.length) throw new Error(`node "${nodeName}" did not run in execution ${execution.id}`);
	const items = runs[runs.length - 1].data?.main?.[outputIndex] ?? [];
	return items.map((item) => item.json);
}
