import { readFileSync } from 'node:fs';

const POLL_MS = 100;

/** Resident memory of a process now (VmRSS). */
export function rssBytes(pid: number): number {
	const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
	if (!match) throw new Error(`No VmRSS for process ${pid}`);
	return Number(match[1]) * 1024;
}

/** Runs `task` while sampling the process's resident memory; returns how far it rose above the start. */
export async function peakRssGrowth<T>(pid: number, task: () => Promise<T>): Promise<{ result: T; growthBytes: number }> {
	const baseline = rssBytes(pid);
	let peak = baseline;
	const timer = setInterval(() => {
		peak = Math.max(peak, rssBytes(pid));
	}, POLL_MS);
	try {
		const result = await task();
		peak = Math.max(peak, rssBytes(pid));
		return { result, growthBytes: peak - baseline };
	} finally {
		clearInterval(timer);
	}
}
