/**
 * The fault suite's own n8n (package installed from its tarball) that a test can SIGKILL and start
 * again on the same user folder: same database, encryption key and API key.
 */
import { N8nClient } from '../support/n8n/client';
import { killN8n, startN8n, type N8nInstance } from '../support/n8n/instance';
import { ensureN8nRuntime } from '../support/n8n/runtime';
import { startN8nWithPackage, type PackageN8n } from './import-and-canary-n8n';

const START_TIMEOUT_MS = 300_000;

export class RestartableN8n {
	private instance: N8nInstance;
	client: N8nClient;

	private constructor(private readonly started: PackageN8n) {
		this.instance = started.instance;
		this.client = started.client;
	}

	static async start(): Promise<RestartableN8n> {
		return new RestartableN8n(await startN8nWithPackage());
	}

	/** SIGKILL to n8n and its task runners at once: no shutdown hooks, nothing flushed. */
	async kill(): Promise<void> {
		await killN8n(this.instance);
	}

	/**
	 * Starts n8n again on the same user folder and key. n8n signs its session cookies with a secret
	 * derived from the encryption key, so the owner's session and the API key stay valid.
	 */
	async restart(): Promise<void> {
		const { userFolder, encryptionKey } = this.instance;
		this.instance = await startN8n({ runtime: ensureN8nRuntime(), userFolder, encryptionKey, startTimeoutMs: START_TIMEOUT_MS });
		this.client = new N8nClient({ ...this.client.coordinates, baseUrl: this.instance.baseUrl, logFile: this.instance.logFile });
	}

	async stop(): Promise<void> {
		// The package's stop removes the work folder; the instance it knows may be a killed one.
		await this.instance.stop();
		await this.started.stop();
	}
}
