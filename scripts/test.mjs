// Runs the test suites as timed stages (unit, integration, faults, e2e) and prints one closing line with
// the totals. Usage: node scripts/test.mjs [unit] [integration] [faults] [e2e]   (default: all four)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const stages = process.argv.slice(2).length ? process.argv.slice(2) : ['unit', 'integration', 'faults', 'e2e'];
const reportDir = mkdtempSync(join(tmpdir(), 'billit-tests-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const timings = [];
const failures = [];
let failedStage = false;

function run(command, args) {
	return spawnSync(command, args, { stdio: 'inherit', env: process.env }).status ?? 1;
}

// Named again at the end so the last lines of a long run say what failed and why.
function failedTests(stage, result) {
	const firstLines = (message) => String(message ?? '').split('\n').slice(0, 3).join(' | ').replace(/[\u0000-\u001f]/g, '?');
	return result.testResults.flatMap((file) => {
		const path = relative(process.cwd(), file.name);
		const tests = file.assertionResults.filter((test) => test.status === 'failed');
		// A file can fail without a failed test: an error while loading it or in a hook.
		if (tests.length === 0) return file.status === 'failed' ? [{ stage, name: path, message: firstLines(file.message) }] : [];
		return tests.map((test) => ({ stage, name: `${path} > ${test.fullName}`, message: firstLines(test.failureMessages[0]) }));
	});
}

for (const stage of stages) {
	const started = Date.now();
	const report = join(reportDir, `${stage}.json`);
	// vitest ignores reporters set in a project's own config: the fault suite's figures are added here.
	const extraReporters = stage === 'faults' ? ['--reporter=./test/faults/figures-reporter.ts'] : [];
	const status = run('npx', [
		'vitest', 'run', '--project', stage, '--reporter=default', ...extraReporters,
		'--reporter=json', `--outputFile.json=${report}`,
	]);
	if (existsSync(report)) {
		const result = JSON.parse(readFileSync(report, 'utf8'));
		totals.passed += result.numPassedTests;
		totals.failed += result.numFailedTests;
		totals.skipped += result.numPendingTests + result.numTodoTests;
		failures.push(...failedTests(stage, result));
	}
	if (status !== 0) failedStage = true;
	timings.push([stage, Date.now() - started, status === 0 ? 'ok' : `exit ${status}`]);
}

console.log('\nstage times:');
for (const [stage, ms, outcome] of timings) console.log(`  ${stage.padEnd(12)} ${(ms / 1000).toFixed(1).padStart(7)} s  ${outcome}`);
for (const failure of failures) console.log(`\nfailed (${failure.stage}): ${failure.name}\n  ${failure.message}`);
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedStage || totals.failed > 0 ? 1 : 0);
