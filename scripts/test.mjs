// Runs the test suites as timed stages (unit, integration, faults, e2e) and prints one closing line with
// the totals. Usage: node scripts/test.mjs [unit] [integration] [faults] [e2e]   (default: all four)
// The integration, faults and e2e suites start sshd and vsftpd, which needs root: as root the missing
// Debian packages (scripts/install-test-deps.sh) and, for e2e, the n8n runtime are installed first;
// any other user is told the command to run instead.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const stages = process.argv.slice(2).length ? process.argv.slice(2) : ['unit', 'integration', 'faults', 'e2e'];
const SERVER_STAGES = new Set(['integration', 'faults', 'e2e']);
const totals = { passed: 0, failed: 0, skipped: 0 };
const timings = [];
const failures = [];

function run(command, args) {
	return spawnSync(command, args, { stdio: 'inherit', env: process.env }).status ?? 1;
}

function isRoot() {
	return spawnSync('id', ['-u'], { encoding: 'utf8' }).stdout?.trim() === '0';
}

/** This same command, as root. */
function commandAsRoot() {
	const script = process.env.npm_lifecycle_event;
	if (script === 'test') return 'sudo npm test';
	if (script) return `sudo npm run ${script}`;
	return ['sudo node scripts/test.mjs', ...process.argv.slice(2)].join(' ');
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

function timed(stage, work) {
	const started = Date.now();
	const status = work();
	timings.push([stage, Date.now() - started, status === 0 ? 'ok' : `exit ${status}`]);
	return status;
}

function runSuite(stage) {
	const report = join(reportDir, `${stage}.json`);
	// vitest ignores reporters set in a project's own config: the fault suite's figures are added here.
	const extraReporters = stage === 'faults' ? ['--reporter=./test/faults/figures-reporter.ts'] : [];
	const status = run('npx', [
		'vitest', 'run', '--project', stage, '--reporter=default', ...extraReporters,
		'--reporter=json', `--outputFile.json=${report}`,
	]);
	const stageFailures = [];
	if (existsSync(report)) {
		const result = JSON.parse(readFileSync(report, 'utf8'));
		totals.passed += result.numPassedTests;
		totals.skipped += result.numPendingTests + result.numTodoTests;
		stageFailures.push(...failedTests(stage, result));
	}
	// A suite that could not start, or failed outside any test (say, an unhandled error), counts as one failure.
	if (status !== 0 && stageFailures.length === 0) {
		stageFailures.push({ stage, name: `the ${stage} suite`, message: `exited ${status} without a failed test: see its output above` });
	}
	totals.failed += stageFailures.length;
	failures.push(...stageFailures);
	return status;
}

/** Installs what the suites need; returns false when they cannot run. */
function prepare() {
	const steps = [];
	if (stages.some((stage) => SERVER_STAGES.has(stage))) steps.push(['test packages', 'sh', ['scripts/install-test-deps.sh']]);
	if (stages.includes('e2e')) steps.push(['n8n runtime', 'npm', ['run', '--silent', 'n8n:install']]);
	for (const [name, command, args] of steps) {
		const status = timed(name, () => run(command, args));
		if (status !== 0) {
			failures.push({ stage: 'setup', name, message: `${command} ${args.join(' ')} exited ${status}: see its output above` });
			return false;
		}
	}
	return true;
}

if (stages.some((stage) => SERVER_STAGES.has(stage)) && !isRoot()) {
	console.error(
		'The integration, fault and end-to-end suites start sshd and vsftpd, which needs root ' +
			'(as root, the missing Debian packages and the n8n runtime are installed first).\n' +
			`Run as root: ${commandAsRoot()}`,
	);
	process.exit(1);
}

const reportDir = mkdtempSync(join(tmpdir(), 'billit-tests-'));
if (prepare()) {
	for (const stage of stages) timed(stage, () => runSuite(stage));
} else {
	// Every suite that could not start counts as failed.
	totals.failed += stages.length;
}

console.log('\nstage times:');
for (const [stage, ms, outcome] of timings) console.log(`  ${stage.padEnd(13)} ${(ms / 1000).toFixed(1).padStart(7)} s  ${outcome}`);
for (const failure of failures) console.log(`\nfailed (${failure.stage}): ${failure.name}\n  ${failure.message}`);
rmSync(reportDir, { recursive: true, force: true });
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed > 0 ? 1 : 0);
