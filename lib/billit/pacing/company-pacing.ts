/**
 * Picks each Billit company's pacer: shared through n8n's Redis when this process is part of an
 * n8n queue-mode setup, else (and while that Redis cannot be reached) the process's own.
 */
import { CompanyPacer, getCompanyPacer, PACING_WINDOW_MS, type RequestPacer } from './pacer';
import { QueueRedisShare, type QueueRedisLogger } from '../queue-redis/queue-redis-share';
import type { QueueRedisSettings } from '../queue-redis/queue-redis-settings';
import { RedisPacingStore, type SharedPacingStore } from './redis-pacing-store';
import { SharedCompanyPacer } from './shared-pacer';

export type PacingLogger = QueueRedisLogger;

export type PacingStoreFactory = (settings: QueueRedisSettings, windowMs: number) => SharedPacingStore & { address: string };

const defaultStoreFactory: PacingStoreFactory = (settings, windowMs) => new RedisPacingStore(settings, windowMs);

export class CompanyPacing {
	private readonly redis: QueueRedisShare<SharedPacingStore & { address: string }>;
	private readonly shared = new Map<string, SharedCompanyPacer>();

	constructor(
		env: Record<string, string | undefined>,
		createStore: PacingStoreFactory = defaultStoreFactory,
		private readonly localPacer: (key: string, requestsPerSecond?: number) => CompanyPacer = getCompanyPacer,
	) {
		this.redis = new QueueRedisShare(env, (settings) => createStore(settings, PACING_WINDOW_MS), {
			subject: 'Billit request pacing',
			shared: 'each request budget is shared by all n8n processes',
			fallback: 'each n8n process paces its own requests while it is unavailable',
		});
	}

	pacerFor(key: string, requestsPerSecond: number | undefined, logger: PacingLogger): RequestPacer {
		const fallback = this.localPacer(key, requestsPerSecond);
		const store = this.redis.open(logger);
		if (!store) return fallback;
		let pacer = this.shared.get(key);
		if (!pacer) {
			pacer = new SharedCompanyPacer({ key, store, fallback, onStoreFailure: (error) => this.redis.logFailure(error, logger) }, requestsPerSecond);
			this.shared.set(key, pacer);
		} else if (requestsPerSecond !== undefined) {
			pacer.configure(requestsPerSecond);
		}
		return pacer;
	}

	async close(): Promise<void> {
		await this.redis.close();
	}
}

// One per process, like the local pacers: n8n runs every execution of a process in it.
const processPacing = new CompanyPacing(process.env);

export function companyPacer(key: string, requestsPerSecond: number | undefined, logger: PacingLogger): RequestPacer {
	return processPacing.pacerFor(key, requestsPerSecond, logger);
}
