/**
 * Prints the suite's figures after the run: cases run, passed, failed and skipped, per category
 * (the folder below test/faults) and per file.
 */
import { basename, dirname, relative, sep } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

interface Tally {
	run: number;
	passed: number;
	failed: number;
	skipped: number;
}

function emptyTally(): Tally {
	return { run: 0, passed: 0, failed: 0, skipped: 0 };
}

function categoryOf(moduleId: string): { category: string; file: string } {
	const inside = relative('test/faults', relative(process.cwd(), moduleId));
	const folder = dirname(inside);
	return {
		category: folder === '.' ? 'other' : folder.split(sep)[0],
		file: basename(inside).replace(/\.test\.ts$/, ''),
	};
}

function line(label: string, tally: Tally): string {
	const failed = tally.failed ? `, ${tally.failed} FAILED` : '';
	const skipped = tally.skipped ? `, ${tally.skipped} skipped` : '';
	return `${label.padEnd(34)} ${String(tally.run).padStart(4)} run, ${String(tally.passed).padStart(4)} passed${failed}${skipped}`;
}

export default class FiguresReporter implements Reporter {
	onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
		const total = emptyTally();
		const categories = new Map<string, { tally: Tally; files: Map<string, Tally> }>();
		for (const testModule of testModules) {
			const { category, file } = categoryOf(testModule.moduleId);
			const entry = categories.get(category) ?? { tally: emptyTally(), files: new Map() };
			categories.set(category, entry);
			const fileTally = entry.files.get(file) ?? emptyTally();
			entry.files.set(file, fileTally);
			for (const testCase of testModule.children.allTests()) {
				const state = testCase.result().state;
				for (const tally of [total, entry.tally, fileTally]) {
					if (state === 'skipped' || state === 'pending') {
						tally.skipped++;
						continue;
					}
					tally.run++;
					if (state === 'passed') tally.passed++;
					else tally.failed++;
				}
			}
		}
		const lines = ['', 'Fault suite figures:'];
		for (const [category, { tally, files }] of [...categories].sort(([a], [b]) => a.localeCompare(b))) {
			lines.push(line(`  ${category}`, tally));
			for (const [file, fileTally] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
				lines.push(line(`    ${file}`, fileTally));
			}
		}
		lines.push(line('  all cases', total));
		console.log(lines.join('\n'));
	}
}
