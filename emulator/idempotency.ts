import type { EmuResponse } from './http';

/** First answers to writes that carried an `Idempotent-Key`, per company and key. */
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
	}

	clear(): void {
		this.answers.clear();
	}
}
