/**
 * Picks each Billit company's pacer: shared through n8n's Redis when this process is part of an
 * n8n queue-mode setup, else (and while that Redis cannot be reached) the process's own.
 */
import { redactSecrets } from './errors';
import { CompanyPacer, getCompanyPacer, PACING_WINDOW_MS, type RequestPacer } from './pacer';
import { queueRedisLookup, type QueueRedisSettings } from './queue-redis-settings';
import { RedisPacingStore, type SharedPacingStore } from './redis-pacing-store';
import { SharedCompanyPacer } from './shared-pacer';

export interface PacingLogger {
	info(message: string): void;
	warn(message: string): void;
}

export type PacingStoreFactory = (settings: QueueRedisSettings, windowMs: number) => SharedPacingStore & { address: string };

const defaultStoreFactory: PacingStoreFactory = (settings, windowMs) => new RedisPacingStore(settings, windowMs);

export class CompanyPacing {
	private store: (SharedPacingStore & { address: string }) | undefined;
	private looked = false;
	private failureLogged = false;
	private secrets: string[] = [];
	private readonly shared = new Map<string, SharedCompanyPacer>();

	constructor(
		private readonly env: Record<string, string | undefined>,
		private readonly createStore: PacingStoreFactory = defaultStoreFactory,
		private readonly localPacer: (key: string, requestsPerSecond?: number) => CompanyPacer = getCompanyPacer,
	) {}

	private sharedStore(logger: PacingLogger): SharedPacingStore | undefined {
		if (this.looked) return this.store;
		this.looked = true;
		const lookup = queueRedisLookup(this.env);
		if (!lookup.shared) return undefined;
		this.store = this.createStore(lookup.settings, PACING_WINDOW_MS);
		this.secrets = [lookup.settings.password ?? ''].filter(Boolean);
		logger.info(`Billit request pacing: each company's budget is shared by all n8n processes through Redis at ${this.store.address}`);
		return this.store;
	}

	private logStoreFailure(error: unknown, logger: PacingLogger): void {
		if (this.failureLogged) return;
		this.failureLogged = true;
		const reason = redactSecrets(error instanceof Error ? error.message : String(error), this.secrets);
		logger.warn(
			`Billit request pacing: Redis at ${this.store?.address} cannot be used (${reason}); ` +
				'each n8n process paces its own requests while it is unavailable',
		);
	}

	pacerFor(key: string, requestsPerSecond: number | undefined, logger: PacingLogger): RequestPacer {
		const fallback = this.localPacer(key, requestsPerSecond);
		const store = this.sharedStore(logger);
		if (!store) return fallback;
		let pacer = this.shared.get(key);
		if (!pacer) {
			pacer = new SharedCompanyPacer({ key, store, fallback, onStoreFailure: (error) => this.logStoreFailure(error, logger) }, requestsPerSecond);
			this.shared.set(key, pacer);
		} else if (requestsPerSecond !== undefined) {
			pacer.configure(requestsPerSecond);
		}
		return pacer;
	}

	async close(): Promise<void> {
		await this.store?.close();
	}
}

// One per process, like the local pacers: n8n runs every execution of a process in it.
const processPacing = new CompanyPacing(process.env);

export function companyPacer(key: string, requestsPerSecond: number | undefined, logger: PacingLogger): RequestPacer {
	return processPacing.pacerFor(key, requestsPerSecond, logger);
}
