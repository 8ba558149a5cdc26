import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// `npm test` (scripts/test.mjs) on a machine whose commands are stand-ins on PATH: `id` says who runs
// it, `dpkg-query` which Debian packages are there, `apt-get`, `npm` and `npx` only write down how
// they were called, and `npx` (the suite) exits and reports as each test asks.
const repoRoot = resolve(__dirname, '../../..');

interface Machine {
	uid: number;
	missing?: string[];
	/** What the suite's json report says, or no report at all (the suite could not start). */
	report?: { passed: number; failed: number };
	suiteStatus?: number;
	aptStatus?: number;
	/** The npm script the command was started as, if any. */
	npmScript?: string;
}

let dir: string;

function stub(name: string, body: string): void {
	const file = join(dir, 'bin', name);
	writeFileSync(file, `#!/bin/sh\n${body}\n`);
	chmodSync(file, 0o755);
}

function runTestCommand(args: string[], machine: Machine) {
	const calls = join(dir, 'calls.log');
	const report = machine.report && {
		numPassedTests: machine.report.passed,
		numFailedTests: machine.report.failed,
		numPendingTests: 0,
		numTodoTests: 0,
		testResults: [
			{
				name: join(repoRoot, 'test/unit/some.test.ts'),
				status: machine.report.failed > 0 ? 'failed' : 'passed',
				message: '',
				assertionResults: Array.from({ length: machine.report.failed }, (_, index) => ({
					status: 'failed',
					fullName: `case ${index}`,
					failureMessages: ['expected 1 to be 2'],
				})),
			},
		],
	};
	writeFileSync(join(dir, 'report.json'), JSON.stringify(report ?? null));
	stub('id', `echo ${machine.uid}`);
	stub(
		'dpkg-query',
		`for package in ${(machine.missing ?? []).join(' ')}; do [ "$package" = "$3" ] && exit 1; done\nprintf installed`,
	);
	stub('apt-get', `echo "apt-get $*" >> "${calls}"\nexit ${machine.aptStatus ?? 0}`);
	stub('npm', `echo "npm $*" >> "${calls}"`);
	stub(
		'npx',
		[
			`echo "npx $*" >> "${calls}"`,
			machine.report ? `for arg; do case "$arg" in --outputFile.json=*) cp "${dir}/report.json" "\${arg#*=}";; esac; done` : '',
			`exit ${machine.suiteStatus ?? 0}`,
		].join('\n'),
	);
	const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${join(dir, 'bin')}:${process.env.PATH}`, POLICY_RC_D: join(dir, 'policy-rc.d'), TMPDIR: dir };
	delete env.npm_lifecycle_event;
	if (machine.npmScript) env.npm_lifecycle_event = machine.npmScript;
	const result = spawnSync(process.execPath, ['scripts/test.mjs', ...args], { cwd: repoRoot, env, encoding: 'utf8' });
	return {
		status: result.status,
		output: `${result.stdout}${result.stderr}`,
		lastLine: result.stdout.trim().split('\n').at(-1),
		calls: existsSync(calls) ? readFileSync(calls, 'utf8').trim().split('\n') : [],
	};
}

beforeEach(() => {
	dir = mkdtempSync(join(tmpdir(), 'test-command-'));
	mkdirSync(join(dir, 'bin'));
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

// Each case starts Node and a few shells: generous on a busy machine.
describe('the test command', { timeout: 60_000 }, () => {
	it('as root, installs the missing Debian packages before the server suites start', () => {
		const run = runTestCommand(['integration'], { uid: 0, missing: ['openssh-server', 'vsftpd'], report: { passed: 3, failed: 0 } });
		expect(run.calls).toEqual([
			'apt-get update -q',
			'apt-get install -y -q --no-install-recommends openssh-server vsftpd',
			expect.stringMatching(/^npx vitest run --project integration /),
		]);
		expect(run.lastLine).toBe('tests: 3 passed, 0 failed, 0 skipped');
		expect(run.status).toBe(0);
		// The policy that kept Debian from starting sshd and vsftpd during the install is gone again.
		expect(existsSync(join(dir, 'policy-rc.d'))).toBe(false);
	});

	it('as root, installs nothing when everything is there, and the n8n runtime before the end-to-end suite', () => {
		const run = runTestCommand(['e2e'], { uid: 0, report: { passed: 2, failed: 0 } });
		expect(run.calls).toEqual(['npm run --silent n8n:install', expect.stringMatching(/^npx vitest run --project e2e /)]);
		expect(run.status).toBe(0);
	});

	it('as any other user, stops before anything runs and names the command to run as root', () => {
		const asNpmTest = runTestCommand([], { uid: 1000, missing: ['vsftpd'], npmScript: 'test' });
		expect(asNpmTest.calls).toEqual([]);
		expect(asNpmTest.status).toBe(1);
		expect(asNpmTest.output.trim().split('\n').at(-1)).toBe('Run as root: sudo npm test');

		const asScript = runTestCommand(['faults'], { uid: 1000, npmScript: 'test:faults' });
		expect(asScript.calls).toEqual([]);
		expect(asScript.output).toContain('Run as root: sudo npm run test:faults');
	});

	it('runs the unit suite as any user: it needs no servers', () => {
		const run = runTestCommand(['unit'], { uid: 1000, missing: ['vsftpd'], report: { passed: 5, failed: 0 } });
		expect(run.calls).toEqual([expect.stringMatching(/^npx vitest run --project unit /)]);
		expect(run.lastLine).toBe('tests: 5 passed, 0 failed, 0 skipped');
	});

	it('counts a suite that could not start as failed', () => {
		const run = runTestCommand(['unit'], { uid: 0, suiteStatus: 1 });
		expect(run.lastLine).toBe('tests: 0 passed, 1 failed, 0 skipped');
		expect(run.output).toContain('failed (unit): the unit suite');
		expect(run.status).toBe(1);
	});

	it('counts a suite that exited non-zero with every test passed as failed', () => {
		const run = runTestCommand(['unit'], { uid: 0, suiteStatus: 1, report: { passed: 4, failed: 0 } });
		expect(run.lastLine).toBe('tests: 4 passed, 1 failed, 0 skipped');
	});

	it('counts each failed test once', () => {
		const run = runTestCommand(['unit'], { uid: 0, suiteStatus: 1, report: { passed: 4, failed: 2 } });
		expect(run.lastLine).toBe('tests: 4 passed, 2 failed, 0 skipped');
		expect(run.output).toContain('failed (unit): test/unit/some.test.ts > case 1');
	});

	it('counts every suite as failed when the packages cannot be installed, and starts none', () => {
		const run = runTestCommand(['integration', 'faults'], { uid: 0, missing: ['vsftpd'], aptStatus: 100 });
		expect(run.calls).toEqual(['apt-get update -q']);
		expect(run.output).toContain('failed (setup): test packages');
		expect(run.lastLine).toBe('tests: 0 passed, 2 failed, 0 skipped');
		expect(run.status).toBe(1);
	});
});

describe('the CI entry point', () => {
	it("runs the README's test command and installs nothing the test command would not", () => {
		const ci = readFileSync(join(repoRoot, '.ci/run'), 'utf8');
		expect(ci).not.toMatch(/install-test-deps|n8n:install|apt-get/);
		expect(ci).toContain('stage npm-install npm ci\n');
		expect(ci.trim().split('\n').at(-1)).toBe('stage tests npm test');
	});
});
