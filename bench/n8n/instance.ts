import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { N8nClient } from '../../test/support/n8n/client';
import { startN8n } from '../../test/support/n8n/instance';
import { prepareAccess } from '../../test/support/n8n/owner';
import { buildAndPack, installPackageInto } from '../../test/support/n8n/package-tarball';
import { repoRoot } from '../../test/support/n8n/repo';
import { ensureN8nRuntime } from '../../test/support/n8n/runtime';

export interface BenchN8n {
	client: N8nClient;
	packageName: string;
	version: string;
	/** Process id of the n8n main process (its RSS is what a workflow's memory use shows in). */
	pid: number;
	/** Folder n8n may read and write files in (Read/Write Files from Disk). */
	filesDir: string;
	stop(): Promise<void>;
	/** The last lines of n8n's log, to explain a failed run. */
	logTail(lines?: number): Promise<string>;
}

/** The e2e harness's real n8n with this package built, packed and installed as users install it. */
export async function startBenchN8n(env: Record<string, string> = {}): Promise<BenchN8n> {
	const workDir = await mkdtemp(join(tmpdir(), 'n8n-nodes-billit-bench-'));
	try {
		const runtime = ensureN8nRuntime();
		const userFolder = join(workDir, 'user');
		const filesDir = join(workDir, 'files');
		await mkdir(filesDir);
		installPackageInto(userFolder, buildAndPack(join(workDir, 'pack')));
		const instance = await startN8n({ runtime, userFolder, env: { N8N_RESTRICT_FILE_ACCESS_TO: filesDir, ...env } });
		const stop = async () => {
			await instance.stop();
			await rm(workDir, { recursive: true, force: true });
		};
		try {
			const access = await prepareAccess(instance.baseUrl);
			const { name: packageName } = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as { name: string };
			const client = new N8nClient({
				baseUrl: instance.baseUrl,
				...access,
				userFolder,
				logFile: instance.logFile,
				packageName,
			});
			const logTail = async (lines = 40) =>
				(await readFile(instance.logFile, 'utf8').catch(() => '')).split('\n').slice(-lines).join('\n');
			return { client, packageName, version: runtime.version, pid: instance.pid, filesDir, stop, logTail };
		} catch (error) {
			await stop();
			throw error;
		}
	} catch (error) {
		await rm(workDir, { recursive: true, force: true });
		throw error;
	}
}
