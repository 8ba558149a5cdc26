import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { expect } from 'vitest';

// A full collection before each timed run, so that no run pays for the garbage of the one before.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** CPU time of one call in milliseconds (CPU, not wall clock: the machine may be busy with others). */
function cpuMillis(run: () => void): number {
	collectGarbage();
	const before = process.cpuUsage();
	run();
	const used = process.cpuUsage(before);
	return (used.user + used.system) / 1000;
}

function fastest(run: () => void, attempts: number): number {
	return Math.min(...Array.from({ length: attempts }, () => cpuMillis(run)));
}

/**
 * Time that grows linearly: the same generator at n and 16n, the fastest of three runs each. Linear
 * work gives a ratio near 16, n log n near 20, quadratic near 256. On a busy two-core machine caches
 * and garbage collection push a linear reader's ratio up by half now and then, so the bound is 48:
 * far from quadratic, far above noise. A busy machine can spoil one measurement, so it is taken up
 * to five times; twice 96 or more ends it early.
 */
const GROWTH = 16;
const LINEAR_BOUND = 48;
const CLEARLY_SUPERLINEAR = 96;

export function expectLinearTime<T>(generate: (n: number) => T, run: (input: T) => void, n: number): void {
	// Grow n until the small run is long enough to measure (and warm the JIT on the way).
	let size = n;
	while (fastest(() => run(generate(size)), 1) < 50 && size < n * 64) size *= 2;
	const small = generate(size);
	const large = generate(GROWTH * size);
	const ratios: number[] = [];
	for (let attempt = 0; attempt < 5; attempt++) {
		const smallTime = fastest(() => run(small), 3);
		// One large run first: far above the bound is superlinear work, not noise, and is not repeated.
		const once = fastest(() => run(large), 1) / smallTime;
		ratios.push(once < CLEARLY_SUPERLINEAR ? Math.min(once, fastest(() => run(large), 2) / smallTime) : once);
		if (ratios[attempt] < LINEAR_BOUND || (attempt > 0 && Math.min(...ratios) >= CLEARLY_SUPERLINEAR)) break;
	}
	if (Math.min(...ratios) < LINEAR_BOUND) return;
	expect(Math.min(...ratios), `time at ${GROWTH}n over time at n (n = ${size}; ratios ${ratios.map((r) => r.toFixed(1)).join(', ')})`).toBeLessThan(LINEAR_BOUND);
}
