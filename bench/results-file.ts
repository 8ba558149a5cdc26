import { existsSync, readFileSync, writeFileSync } from 'node:fs';

import { markdownTable } from './format';
import type { BenchResult, Benchmark } from './types';

const HEADER = `# Benchmark results

Written by \`npm run bench\` (\`bench/run.ts\`). Each section holds the latest run of one benchmark:
ratios are measured side by side in the same run and are what we track; absolute figures depend on
the machine named in the section. A benchmark checks its outputs (every file present and
identical) before its time counts.
`;

function marker(name: string, end = false): string {
	return `<!-- ${end ? '/' : ''}bench:${name} -->`;
}

export function renderSection(benchmark: Benchmark, result: BenchResult, date: string, machine: string): string {
	const notes = result.notes.map((note) => `- ${note}`).join('\n');
	return [
		marker(benchmark.name),
		`## ${benchmark.title} (\`${benchmark.name}\`)`,
		'',
		`${date}; ${machine}.`,
		'',
		markdownTable(result.rows),
		...(notes ? ['', notes] : []),
		marker(benchmark.name, true),
	].join('\n');
}

/** Replaces the benchmark's section in the results file, or appends it when it has none yet. */
export function writeSection(file: string, name: string, section: string): void {
	const current = existsSync(file) ? readFileSync(file, 'utf8') : `${HEADER}\n`;
	const start = current.indexOf(marker(name));
	const endMarker = marker(name, true);
	const end = current.indexOf(endMarker);
	const next =
		start !== -1 && end > start
			? `${current.slice(0, start)}${section}${current.slice(end + endMarker.length)}`
			: `${current.trimEnd()}\n\n${section}\n`;
	writeFileSync(file, next);
}
