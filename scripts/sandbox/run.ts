/**
 * Runs every sandbox check against one Billit API (the sandbox, or the emulator for its own test),
 * removes what the checks created, and writes the report as Markdown and JSON.
 */
import { writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';

import { CHECKS, type CheckContext, type Verdict } from './checks';
import { SandboxClient, type Exchange, type SandboxTarget } from './client';

export const SANDBOX_BASE_URL = 'https://api.sandbox.billit.be';

export interface SandboxOptions extends SandboxTarget {
	peppolReceiver?: string;
	/** Where sandbox-report.md and sandbox-report.json go. */
	reportDir: string;
}

export interface CheckResult {
	name: string;
	assumption: string;
	verdict: Verdict;
	observed: string;
	answers: Exchange[];
}

export interface SandboxReport {
	baseUrl: string;
	startedAt: string;
	finishedAt: string;
	checks: CheckResult[];
	cleanup: { deleted: string[]; notDeleted: string[]; cannotBeDeleted: string[] };
}

/** Refuses any Billit host that is not a sandbox host; other hosts (an emulator) are allowed. */
export function productionRefusal(baseUrl: string): string | undefined {
	let host: string;
	try {
		host = new URL(baseUrl).hostname.toLowerCase();
	} catch {
		return `"${baseUrl}" is not a URL`;
	}
	const billitHost = /(^|\.)billit\.(be|eu|com|nl|fr)$/.test(host);
	return billitHost && !host.split('.').includes('sandbox') ? `${host} is not a Billit sandbox host: the sandbox check never runs against production` : undefined;
}

export async function runSandboxChecks(options: SandboxOptions): Promise<{ report: SandboxReport; files: string[] }> {
	const refusal = productionRefusal(options.baseUrl);
	if (refusal) throw new Error(refusal);
	const client = new SandboxClient(options);
	const ctx: CheckContext = {
		client,
		suffix: `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`,
		peppolReceiver: options.peppolReceiver,
		partyId: options.partyId,
		created: { orders: [], webhooks: [] },
	};
	const startedAt = new Date().toISOString();
	const checks: CheckResult[] = [];
	for (const check of CHECKS) {
		client.current = [];
		const outcome = await check.run(ctx).catch((error: Error) => ({ verdict: 'not observable' as const, observed: `the check stopped: ${error.message}` }));
		checks.push({ name: check.name, assumption: check.assumption, ...outcome, answers: client.current });
	}
	const cleanup = await removeCreated(client, ctx);
	const report: SandboxReport = { baseUrl: options.baseUrl, startedAt, finishedAt: new Date().toISOString(), checks, cleanup };
	return { report, files: await writeReport(report, options.reportDir) };
}

async function removeCreated(client: SandboxClient, ctx: CheckContext): Promise<SandboxReport['cleanup']> {
	const deleted: string[] = [];
	const notDeleted: string[] = [];
	const remove = async (path: string) => {
		const answer = await client.request('DELETE', path);
		(answer.status < 300 ? deleted : notDeleted).push(answer.status < 300 ? path : `${path} (${answer.status})`);
	};
	for (const id of ctx.created.webhooks) await remove(`/v1/webhooks/${id}`);
	for (const id of ctx.created.orders) await remove(`/v1/orders/${id}`);
	const cannotBeDeleted = [
		`the customer party "Sandbox check ${ctx.suffix}" that the orders created (the API has no party delete)`,
		'deleted orders stay listed under /v1/orders/deleted',
	];
	if (ctx.peppolReceiver) cannotBeDeleted.push('the UBL document sent with sendxml (a Peppol transmission cannot be recalled)');
	return { deleted, notDeleted, cannotBeDeleted };
}

async function writeReport(report: SandboxReport, dir: string): Promise<string[]> {
	const json = resolve(join(dir, 'sandbox-report.json'));
	const markdown = resolve(join(dir, 'sandbox-report.md'));
	await writeFile(json, `${JSON.stringify(report, null, '\t')}\n`);
	await writeFile(markdown, reportMarkdown(report));
	return [markdown, json];
}

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function reportMarkdown(report: SandboxReport): string {
	const rows = report.checks.map((check) => `| ${cell(check.name)} | ${check.verdict} | ${cell(check.observed)} |`);
	const details = report.checks.flatMap((check) => [
		`### ${check.name}: ${check.verdict}`,
		'',
		`Assumed: ${check.assumption}.`,
		'',
		...check.answers.map((answer) => `- ${answer.request} → ${answer.status}${answer.errorCode ? ` ${answer.errorCode}` : ''}${answer.errorText ? ` "${answer.errorText}"` : ''}${answer.retryAfter ? ` (Retry-After ${answer.retryAfter})` : ''}`),
		'',
	]);
	const list = (items: string[]) => (items.length ? items.map((item) => `- ${item}`) : ['- none']);
	return [
		'# n8n-nodes-billit sandbox check',
		'',
		`Against ${report.baseUrl}, ${report.startedAt} to ${report.finishedAt}.`,
		'',
		'| Check | Verdict | Observed |',
		'| --- | --- | --- |',
		...rows,
		'',
		'## What Billit answered',
		'',
		...details,
		'## Clean-up',
		'',
		'Deleted:',
		...list(report.cleanup.deleted),
		'',
		'Could not delete:',
		...list(report.cleanup.notDeleted),
		'',
		'Left by design:',
		...list(report.cleanup.cannotBeDeleted),
		'',
	].join('\n');
}
