import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { inject } from 'vitest';

import { N8nClient } from '../../support/n8n/client';
import { killN8n, startN8n, type N8nInstance } from '../../support/n8n/instance';
import { login, newOwnerAccount, prepareAccess, type OwnerAccount } from '../../support/n8n/owner';
import { ensureN8nRuntime, type N8nRuntime } from '../../support/n8n/runtime';
import '../../support/n8n/shared-instance';

// The machine may be loaded by other test runs: n8n's migrations then take minutes.
const START_TIMEOUT_MS = 300_000;

/**
 * An n8n of a test's own, for what the shared instance must not go through: being killed and
 * restarted on the same user folder (database, static data, encryption key). The package comes
 * from the shared instance's user folder, where the global setup installed the packed tarball.
 */
export class PrivateN8n {
	private constructor(
		private readonly runtime: N8nRuntime,
		private readonly workDir: string,
		private readonly owner: OwnerAccount,
		private instance: N8nInstance,
		public client: N8nClient,
	) {}

	static async start(): Promise<PrivateN8n> {
		const shared = inject('n8n');
		const workDir = mkdtempSync(join(tmpdir(), 'n8n-nodes-billit-private-'));
		try {
			const userFolder = join(workDir, 'user');
			cpSync(join(shared.userFolder, '.n8n', 'nodes'), join(userFolder, '.n8n', 'nodes'), { recursive: true });
			const runtime = ensureN8nRuntime();
			const instance = await startN8n({ runtime, userFolder, startTimeoutMs: START_TIMEOUT_MS });
			const owner = newOwnerAccount();
			const access = await prepareAccess(instance.baseUrl, owner).catch(async (error: unknown) => {
				await instance.stop();
				throw error;
			});
			const client = new N8nClient({ ...shared, ...access, baseUrl: instance.baseUrl, userFolder, logFile: instance.logFile });
			return new PrivateN8n(runtime, workDir, owner, instance, client);
		} catch (error) {
			rmSync(workDir, { recursive: true, force: true });
			throw error;
		}
	}

	get logFile(): string {
		return this.instance.logFile;
	}

	/** SIGKILL to n8n and its task runners at once: no shutdown hooks, nothing flushed. */
	async kill(): Promise<void> {
		await killN8n(this.instance);
	}

	/** Starts n8n again on the same user folder and key; the API key stays valid, the session is new. */
	async restart(): Promise<void> {
		const { userFolder, encryptionKey } = this.instance;
		this.instance = await startN8n({ runtime: this.runtime, userFolder, encryptionKey, startTimeoutMs: START_TIMEOUT_MS });
		const sessionCookie = await login(this.instance.baseUrl, this.owner);
		this.client = new N8nClient({ ...this.client.coordinates, baseUrl: this.instance.baseUrl, sessionCookie, logFile: this.instance.logFile });
	}

	async stop(): Promise<void> {
		await this.instance.stop();
		if (process.env.N8N_E2E_KEEP) {
			console.log(`[e2e] kept ${this.workDir}`);
		} else {
			rmSync(this.workDir, { recursive: true, force: true });
		}
	}
}
