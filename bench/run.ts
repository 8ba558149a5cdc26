/**
 * `npm run bench [-- name … [--quick]]`: runs the named benchmarks (all when none is named), prints each
 * table of ratios and rewrites that benchmark's section of bench/RESULTS.md.
 */
import { join } from 'node:path';

import { BENCHMARKS } from './registry';
import { markdownTable } from './format';
import { describeMachine } from './machine';
import { renderSection, writeSection } from './results-file';
import type { BenchOptions, Benchmark } from './types';

const RESULTS_FILE = join(__dirname, 'RESULTS.md');

function selected(names: string[]): Benchmark[] {
	if (names.length === 0) return BENCHMARKS;
	const unknown = names.filter((name) => !BENCHMARKS.some((benchmark) => benchmark.name === name));
	if (unknown.length > 0) {
		const known = BENCHMARKS.map((benchmark) => benchmark.name).join(', ');
		throw new Error(`Unknown benchmark ${unknown.join(', ')}; known: ${known}`);
	}
	return BENCHMARKS.filter((benchmark) => names.includes(benchmark.name));
}

async function main(): Promise<void> {
	const args = process.argv.slice(2);
	const benchmarks = selected(args.filter((arg) => !arg.startsWith('--')));
	const options: BenchOptions = { quick: args.includes('--quick') };
	const machine = describeMachine();
	console.log(`Machine: ${machine}\n`);
	let failures = 0;
	for (const benchmark of benchmarks) {
		console.log(`== ${benchmark.title} (${benchmark.name})`);
		try {
			const result = await benchmark.run(options);
			console.log(`${markdownTable(result.rows)}\n${result.notes.map((note) => `- ${note}`).join('\n')}\n`);
			const date = new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
			writeSection(RESULTS_FILE, benchmark.name, renderSection(benchmark, result, date, machine));
		} catch (error) {
			failures++;
			console.error(`${benchmark.name} failed: ${(error as Error).stack ?? String(error)}\n`);
		}
	}
	if (failures > 0) process.exitCode = 1;
}

void main();
