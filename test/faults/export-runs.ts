/**
 * Production runs of the sales export, one after another, each started by the workflow's own
 * (shortened) Schedule Trigger, until every invoice is exported or the run budget is spent. While a
 * run goes on, the planned disruptions fire once each when the export's progress reaches them.
 */
import { isFinished } from '../support/n8n/run-data';
import { executionIds, executionSummary } from './export-executions';
import type { RestartableN8n } from './export-restartable-n8n';

const POLL_MS = 1000;
// The shortened schedule fires every 15 s.
const TRIGGER_TIMEOUT_MS = 60_000;

export interface Disruption {
	name: string;
	/** Share of the expected files placed on the server (0..1) at which it fires. */
	atProgress: number;
	/** Whether n8n was killed: the run it was doing is over. */
	endsRun: boolean;
	fire(): Promise<void>;
}

export interface ExportRuns {
	n8n: RestartableN8n;
	workflowId: string;
	maxRuns: number;
	disruptions: Disruption[];
	/** Share of the expected files placed on the server so far. */
	progress(): Promise<number>;
	everythingExported(): boolean;
}

export interface RunsReport {
	runs: number;
	/** Runs n8n itself ended, by status, e.g. `{ success: 2, error: 1 }`. */
	statuses: Record<string, number>;
	/** Disruptions that fired, in order, with the run they hit. */
	fired: string[];
}

/** Publishes, waits for the schedule to start one execution, unpublishes; returns its id. */
async function startScheduledRun(n8n: RestartableN8n, workflowId: string): Promise<string> {
	const known = await executionIds(n8n, workflowId);
	await n8n.client.activateWorkflow(workflowId);
	try {
		const deadline = Date.now() + TRIGGER_TIMEOUT_MS;
		for (;;) {
			const started = [...(await executionIds(n8n, workflowId))].filter((id) => !known.has(id));
			if (started.length > 1) throw new Error(`the schedule started ${started.length} executions at once`);
			if (started.length === 1) return started[0];
			if (Date.now() > deadline) throw new Error(`the schedule started no execution within ${TRIGGER_TIMEOUT_MS} ms`);
			await new Promise((resolve) => setTimeout(resolve, POLL_MS / 4));
		}
	} finally {
		await n8n.client.deactivateWorkflow(workflowId);
	}
}

/** Waits for the execution to end, firing due disruptions; the status, or `killed` if n8n was. */
async function followRun(plan: ExportRuns, executionId: string, pending: Disruption[], fired: string[], run: number): Promise<string> {
	for (;;) {
		const progress = await plan.progress();
		while (pending.length > 0 && progress >= pending[0].atProgress) {
			const disruption = pending.shift() as Disruption;
			await disruption.fire();
			fired.push(`${disruption.name} in run ${run} at ${(progress * 100).toFixed(0)} % of the files`);
			if (disruption.endsRun) return 'killed';
		}
		const execution = await executionSummary(plan.n8n, executionId);
		if (isFinished(execution)) return execution.status;
		await new Promise((resolve) => setTimeout(resolve, POLL_MS));
	}
}

export async function runUntilExported(plan: ExportRuns): Promise<RunsReport> {
	const pending = [...plan.disruptions].sort((a, b) => a.atProgress - b.atProgress);
	const report: RunsReport = { runs: 0, statuses: {}, fired: [] };
	while (report.runs < plan.maxRuns && !(plan.everythingExported() && pending.length === 0)) {
		report.runs += 1;
		const executionId = await startScheduledRun(plan.n8n, plan.workflowId);
		const status = await followRun(plan, executionId, pending, report.fired, report.runs);
		report.statuses[status] = (report.statuses[status] ?? 0) + 1;
	}
	return report;
}
