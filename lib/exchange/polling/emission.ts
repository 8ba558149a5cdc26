/** When a polling trigger last emitted a file, and how many times it has emitted it while it stayed. */
export interface Emission {
	emittedAt: number;
	attempt: number;
}

export function encodeEmission(emission: Emission): string {
	return `${emission.emittedAt}:${emission.attempt}`;
}

/**
 * Reads an encoded emission. A missing or unreadable one (state saved by a version without
 * re-emission) counts as emitted now, so such a file comes back one full period later, not at once.
 */
export function decodeEmission(encoded: string | undefined, now: number): Emission {
	const [emittedAt, attempt] = (encoded ?? '').split(':').map(Number);
	if (!Number.isFinite(emittedAt) || !Number.isInteger(attempt) || attempt < 1) return { emittedAt: now, attempt: 1 };
	return { emittedAt, attempt };
}

/** A file emitted at least `afterMs` ago and still there was not handled; 0 means never again. */
export function isDueAgain(emission: Emission, now: number, afterMs: number): boolean {
	return afterMs > 0 && now - emission.emittedAt >= afterMs;
}
