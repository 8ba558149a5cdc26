/**
 * Billit rejects explicit nulls, so request bodies are built from UI values and then stripped of
 * null, undefined and empty strings (recursively). `false` and `0` are real values and stay.
 */
export function compact<T>(value: T): T {
	if (Array.isArray(value)) {
		return value.filter((entry) => !isEmpty(entry)).map((entry) => compact(entry)) as T;
	}
	if (
		value !== null &&
		typeof value === 'object' &&
		!(value instanceof Date) &&
		!Buffer.isBuffer(value)
	) {
		const result: Record<string, unknown> = {};
		for (const [key, entry] of Object.entries(value)) {
			if (isEmpty(entry)) continue;
			result[key] = compact(entry);
		}
		return result as T;
	}
	return value;
}

function isEmpty(value: unknown): boolean {
	return value === null || value === undefined || value === '';
}
