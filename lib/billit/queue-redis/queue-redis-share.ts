/**
 * A store of this package in n8n's queue-mode Redis, opened once per process and only when the
 * process is part of a queue-mode setup; said once in the log when it is used, and once when it
 * cannot be (without the Redis password), so callers can fall back to what their process has.
 */
import { redactSecrets } from '../request/errors';
import { queueRedisLookup, type QueueRedisSettings } from './queue-redis-settings';

export interface QueueRedisLogger {
	info(message: string): void;
	warn(message: string): void;
}

export interface QueueRedisShareTexts {
	/** Who speaks in the log, e.g. `Billit request pacing`. */
	subject: string;
	/** What is shared, completed by "through Redis at host:port". */
	shared: string;
	/** What each process does while Redis cannot be used. */
	fallback: string;
}

export class QueueRedisShare<Store extends { readonly address: string; close(): Promise<void> }> {
	private store: Store | undefined;
	private looked = false;
	private failureLogged = false;
	private secrets: string[] = [];

	constructor(
		private readonly env: Record<string, string | undefined>,
		private readonly create: (settings: QueueRedisSettings) => Store,
		private readonly texts: QueueRedisShareTexts,
	) {}

	/** The shared store, or undefined outside queue mode. */
	open(logger: QueueRedisLogger): Store | undefined {
		if (this.looked) return this.store;
		this.looked = true;
		const lookup = queueRedisLookup(this.env);
		if (!lookup.shared) return undefined;
		this.store = this.create(lookup.settings);
		this.secrets = [lookup.settings.password ?? ''].filter(Boolean);
		logger.info(`${this.texts.subject}: ${this.texts.shared} through Redis at ${this.store.address}`);
		return this.store;
	}

	logFailure(error: unknown, logger: QueueRedisLogger): void {
		if (this.failureLogged) return;
		this.failureLogged = true;
		const reason = redactSecrets(error instanceof Error ? error.message : String(error), this.secrets);
		logger.warn(`${this.texts.subject}: Redis at ${this.store?.address} cannot be used (${reason}); ${this.texts.fallback}`);
	}

	async close(): Promise<void> {
		await this.store?.close();
	}
}
