import { readFileSync } from 'node:fs';

import type { N8nClient, StoredWorkflow } from '../support/n8n/client';
import { requestJson } from '../support/n8n/http';
import type { N8nExecution } from '../support/n8n/run-data';
import type { QueueWorkerCoordinates } from './provided';

const SCHEDULE_TRIGGER = 'n8n-nodes-base.scheduleTrigger';
const POLL_MS = 200;

export type ExecutionSummary = Pick<N8nExecution, 'id' | 'status' | 'startedAt' | 'stoppedAt' | 'mode'>;

type ScheduleInterval = { field: 'seconds'; secondsInterval: number } | { field: 'cronExpression'; expression: string };

/** The workflow's Schedule Trigger gets these rules, changed through n8n's API as in the editor. */
async function scheduleRules(n8n: N8nClient, workflowId: string, interval: ScheduleInterval[]): Promise<void> {
	const workflow = await n8n.getWorkflow(workflowId);
	const nodes = workflow.nodes.map((node) => (node.type === SCHEDULE_TRIGGER ? { ...node, parameters: { rule: { interval } } } : node));
	await requestJson<StoredWorkflow>(n8n.coordinates.baseUrl, {
		method: 'PUT',
		path: `/api/v1/workflows/${workflowId}`,
		headers: { 'X-N8N-API-KEY': n8n.coordinates.apiKey },
		body: { name: workflow.name, nodes, connections: workflow.connections, settings: workflow.settings ?? {} },
	});
}

/** The workflow's Schedule Trigger fires every `seconds`. */
export async function scheduleEvery(n8n: N8nClient, workflowId: string, seconds: number): Promise<void> {
	await scheduleRules(n8n, workflowId, [{ field: 'seconds', secondsInterval: seconds }]);
}

/**
 * Two rules of the Schedule Trigger that fire in the same second, every ten seconds: two
 * production executions of the workflow start together. (n8n keeps one timer per cron text, so
 * the two rules are the same times written two ways.)
 */
export async function scheduleTwoAtOnce(n8n: N8nClient, workflowId: string): Promise<void> {
	await scheduleRules(n8n, workflowId, [
		{ field: 'cronExpression', expression: '*/10 * * * * *' },
		{ field: 'cronExpression', expression: '0,10,20,30,40,50 * * * * *' },
	]);
}

/** Executions of a workflow without their run data (a 200-invoice run's data is megabytes). */
async function executionSummaries(n8n: N8nClient, workflowId: string): Promise<ExecutionSummary[]> {
	const query = new URLSearchParams({ workflowId, includeData: 'false', limit: '100' });
	const { body } = await requestJson<{ data: ExecutionSummary[] }>(n8n.coordinates.baseUrl, {
		method: 'GET',
		path: `/api/v1/executions?${query}`,
		headers: { 'X-N8N-API-KEY': n8n.coordinates.apiKey },
	});
	return body.data;
}

async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs: number, what: string): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await read();
		if (done(value)) return value;
		if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs} ms`);
		await new Promise((resolve) => setTimeout(resolve, POLL_MS));
	}
}

const isFinished = (execution: ExecutionSummary) => !['new', 'running', 'waiting'].includes(execution.status);

function idsInLog(logFile: string, verb: 'started' | 'finished'): Set<string> {
	const line = new RegExp(`Worker ${verb} execution (\\S+) \\(job`, 'g');
	return new Set([...readFileSync(logFile, 'utf8').matchAll(line)].map((match) => match[1]));
}

type StartedPerWorker = string[][];

/**
 * Publishes the workflow (its schedule set beforehand), waits until `enough` executions started
 * (read from the worker logs: n8n's executions list leaves out queued ones), unpublishes it and
 * returns every execution the schedule started, oldest first, once all have finished.
 */
async function runUntilStarted(
	n8n: N8nClient,
	workflowId: string,
	workers: QueueWorkerCoordinates[],
	enough: (started: StartedPerWorker) => boolean,
	timeoutMs: number,
): Promise<ExecutionSummary[]> {
	const known = new Set((await executionSummaries(n8n, workflowId)).map((execution) => String(execution.id)));
	const before = workers.map((worker) => idsInLog(worker.logFile, 'started'));
	const startedOnEach = async () => workers.map((worker, index) => [...idsInLog(worker.logFile, 'started')].filter((id) => !before[index].has(id)));
	await n8n.activateWorkflow(workflowId);
	try {
		await pollUntil(startedOnEach, enough, timeoutMs, 'not enough executions started');
	} finally {
		await n8n.deactivateWorkflow(workflowId);
	}
	const allDone = async () => {
		const started = (await startedOnEach()).flat();
		const finished = new Set(workers.flatMap((worker) => [...idsInLog(worker.logFile, 'finished')]));
		const listed = (await executionSummaries(n8n, workflowId)).filter((execution) => !known.has(String(execution.id)));
		// A worker logs "finished" before n8n's list shows the execution as ended: wait for both.
		const listedIds = new Set(listed.map((execution) => String(execution.id)));
		return { done: started.every((id) => finished.has(id) && listedIds.has(id)) && listed.every(isFinished), listed };
	};
	const { listed } = await pollUntil(allDone, (state) => state.done, timeoutMs, 'the executions did not finish');
	return listed.sort((a, b) => Number(a.id) - Number(b.id));
}

/**
 * Runs the workflow until every worker has started one of its production executions. With the
 * schedule firing every second and one job per worker at a time, a run still going when the next
 * fires is picked up by another worker.
 */
export async function runOnEveryWorker(n8n: N8nClient, workflowId: string, workers: QueueWorkerCoordinates[], timeoutMs: number): Promise<ExecutionSummary[]> {
	return await runUntilStarted(n8n, workflowId, workers, (started) => started.every((ids) => ids.length > 0), timeoutMs);
}

/** Runs the workflow until one production execution started: with a schedule slower than the start, one run on one worker. */
export async function runOnce(n8n: N8nClient, workflowId: string, workers: QueueWorkerCoordinates[], timeoutMs: number): Promise<ExecutionSummary[]> {
	return await runUntilStarted(n8n, workflowId, workers, (started) => started.flat().length > 0, timeoutMs);
}

/** True when the two executions ran at the same time for a while. */
export function overlapped(a: ExecutionSummary, b: ExecutionSummary): boolean {
	const times = (execution: ExecutionSummary) => [Date.parse(execution.startedAt ?? ''), Date.parse(execution.stoppedAt ?? '')];
	const [aStart, aStop] = times(a);
	const [bStart, bStop] = times(b);
	return aStart < bStop && bStart < aStop;
}
