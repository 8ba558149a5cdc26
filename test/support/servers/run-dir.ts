import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { assertChrootSafe } from './preflight';

// Under /run (root-owned, not world-writable) because the SFTP chroot lives in the run folder.
const DEFAULT_BASE_DIR = '/run/billit-test-servers';
const OWNER_FILE = 'owner.pid';
const RUN_PREFIX = 'run-';
// A folder another run created a moment ago may not have its owner file yet.
const UNOWNED_GRACE_MS = 60_000;

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

async function isStale(runDir: string): Promise<boolean> {
	const owner = await readFile(join(runDir, OWNER_FILE), 'utf8').catch(() => undefined);
	if (owner !== undefined) return !isAlive(Number(owner));
	const info = await stat(runDir).catch(() => undefined);
	return info !== undefined && Date.now() - info.mtimeMs > UNOWNED_GRACE_MS;
}

/** Removes run folders left by runs that were killed before they could clean up. */
async function removeStaleRunDirs(baseDir: string): Promise<void> {
	const entries = await readdir(baseDir);
	for (const entry of entries.filter((name) => name.startsWith(RUN_PREFIX))) {
		const runDir = join(baseDir, entry);
		if (await isStale(runDir)) await rm(runDir, { recursive: true, force: true });
	}
}

/** A fresh folder for one run's configuration, keys, logs and data, owned by this process. */
export async function createRunDir(): Promise<string> {
	const baseDir = process.env.BILLIT_TEST_SERVERS_DIR ?? DEFAULT_BASE_DIR;
	await mkdir(baseDir, { recursive: true, mode: 0o755 });
	await removeStaleRunDirs(baseDir);
	const runDir = await mkdtemp(join(baseDir, RUN_PREFIX));
	await writeFile(join(runDir, OWNER_FILE), String(process.pid));
	// The test user must be able to reach its data folders inside.
	await chmod(runDir, 0o755);
	await assertChrootSafe(runDir);
	return runDir;
}
