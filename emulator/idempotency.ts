import type { EmuResponse } from './http';

const MAX_KEYS = 10_000;

/** First answers to writes that carried an `Idempotent-Key`, per company and key (oldest forgotten first). */
export class IdempotencyStore {
	private answers = new Map<string, EmuResponse>();

	get(scope: string, key: string): EmuResponse | undefined {
		return this.answers.get(`${scope}\u0000${key}`);
	}

	has(scope: string, key: string): boolean {
		return this.answers.has(`${scope}\u0000${key}`);
	}

	remember(scope: string, key: string, response: EmuResponse): void {
		this.answers.set(`${scope}\u0000${key}`, response);
		if (this.answers.size > MAX_KEYS) this.answers.delete(this.answers.keys().next().value as string);
	}

	clear(): void {
		this.answers.clear();
	}
}
