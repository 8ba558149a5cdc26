/**
 * Billit rejects explicit nulls, so request bodies are sent without null/undefined fields, at any
 * depth. Array elements that are null are dropped too.
 */
export function omitNullish<T>(value: T): T {
	if (Array.isArray(value)) {
		return value.filter((entry) => entry !== null && entry !== undefined).map(omitNullish) as T;
	}
	if (isPlainObject(value)) {
		const result: Record<string, unknown> = {};
		for (const [key, entry] of Object.entries(value)) {
			if (entry !== null && entry !== undefined) result[key] = omitNullish(entry);
		}
		return result as T;
	}
	return value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
	if (typeof value !== 'object' || value === null) return false;
	const prototype = Object.getPrototypeOf(value) as unknown;
	return prototype === Object.prototype || prototype === null;
}
