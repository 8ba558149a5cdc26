import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

/**
 * Whether `tc netem` works inside a network namespace made for the probe (needs root and the
 * sch_netem kernel module); the reason when it does not.
 */
export async function probeNetem(): Promise<{ available: boolean; detail: string }> {
	try {
		await promisify(execFile)('unshare', ['--net', 'sh', '-c', 'ip link set lo up && tc qdisc add dev lo root netem delay 1ms'], {
			timeout: 10_000,
		});
		return { available: true, detail: 'tc netem works in a new network namespace' };
	} catch (error) {
		const stderr = String((error as { stderr?: string }).stderr ?? (error as Error).message).trim();
		return { available: false, detail: `tc netem unavailable (${stderr.split('\n')[0]})` };
	}
}
