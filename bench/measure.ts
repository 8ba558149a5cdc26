import { performance } from 'node:perf_hooks';

/** Seconds an async task takes on the wall clock. */
export async function timeAsync(task: () => Promise<void>): Promise<number> {
	const start = performance.now();
	await task();
	return (performance.now() - start) / 1000;
}

/** Operations per second of a synchronous operation over `inputs`, repeated `iterations` times. */
export function rateOf<T>(operation: (input: T) => unknown, inputs: readonly T[], iterations: number): number {
	const start = performance.now();
	for (let i = 0; i < iterations; i++) for (const input of inputs) operation(input);
	return (iterations * inputs.length) / ((performance.now() - start) / 1000);
}

/**
 * Best rate of each candidate over interleaved rounds: other load on a shared machine only slows a
 * round down, and interleaving exposes every candidate to the same background.
 */
export function bestInterleavedRates<T>(
	candidates: ReadonlyArray<(input: T) => unknown>,
	inputs: readonly T[],
	iterationsPerRound: number,
	rounds: number,
): number[] {
	for (const candidate of candidates) rateOf(candidate, inputs, 1);
	const best = candidates.map(() => 0);
	for (let round = 0; round < rounds; round++) {
		candidates.forEach((candidate, index) => {
			best[index] = Math.max(best[index], rateOf(candidate, inputs, iterationsPerRound));
		});
	}
	return best;
}
