import { cpus, freemem, loadavg, totalmem } from 'node:os';

const GIB = 1024 ** 3;

/** The machine a run measured on: ratios are what we track, but absolute figures need this. */
export function describeMachine(): string {
	const processors = cpus();
	const model = processors[0]?.model.trim() ?? 'unknown CPU';
	const load = loadavg()
		.map((value) => value.toFixed(2))
		.join(' ');
	return (
		`${processors.length} × ${model}, ${(totalmem() / GIB).toFixed(1)} GiB memory ` +
		`(${(freemem() / GIB).toFixed(1)} GiB free), Node ${process.version}, ${process.platform} ${process.arch}, ` +
		`load average ${load} at start`
	);
}
