/**
 * A company's pacer in n8n queue mode: the budget lives in a shared store (Redis), so the main
 * instance and every worker together stay within Billit's rate. While the store cannot be reached,
 * the process's own `CompanyPacer` paces alone (said once in the log) and keeps learning from the
 * outcomes, so it is ready whenever it is needed.
 */
import type { Clock } from '../request/clock';
import { CompanyPacer, type RequestPacer } from './pacer';
import type { SharedPacingStore } from './redis-pacing-store';

export interface SharedPacerOptions {
	key: string;
	store: SharedPacingStore;
	fallback: CompanyPacer;
	/** Told each time the store fails; the caller decides how often to log. */
	onStoreFailure: (error: unknown) => void;
}

export class SharedCompanyPacer implements RequestPacer {
	private maxPerWindow: number;

	constructor(
		private readonly options: SharedPacerOptions,
		requestsPerSecond?: number,
	) {
		this.maxPerWindow = options.fallback.maxRate;
		if (requestsPerSecond !== undefined) this.configure(requestsPerSecond);
	}

	configure(requestsPerSecond: number): void {
		this.options.fallback.configure(requestsPerSecond);
		this.maxPerWindow = CompanyPacer.validRate(requestsPerSecond);
	}

	async acquire(clock: Clock): Promise<void> {
		let waitMs: number;
		try {
			waitMs = await this.options.store.reserve(this.options.key, this.maxPerWindow);
		} catch (error) {
			this.options.onStoreFailure(error);
			await this.options.fallback.acquire(clock);
			return;
		}
		if (waitMs > 0) await clock.sleep(waitMs);
	}

	async onSuccess(): Promise<void> {
		this.options.fallback.onSuccess();
		await this.options.store.succeeded(this.options.key, this.maxPerWindow).catch(this.options.onStoreFailure);
	}

	async onThrottled(): Promise<void> {
		this.options.fallback.onThrottled();
		await this.options.store.throttled(this.options.key, this.maxPerWindow).catch(this.options.onStoreFailure);
	}
}
