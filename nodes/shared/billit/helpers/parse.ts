/** Reads a list of positive integer ids from a number, an array or a comma/space-separated string. */
export function parseIdList(value: unknown, what: string): number[] {
	const parts = Array.isArray(value)
		? value
		: typeof value === 'number'
			? [value]
			: String(value ?? '')
					.split(/[\s,;]+/)
					.filter((part) => part !== '');
	const ids = parts.map((part) => Number(part));
	const bad = parts.filter((_, index) => !Number.isInteger(ids[index]) || ids[index] <= 0);
	if (bad.length > 0)
		throw new Error(`${what} must be positive whole numbers; got "${bad.join(', ')}"`);
	if (ids.length === 0) throw new Error(`${what}: at least one is required`);
	return ids;
}

/** A positive integer id; throws a message naming the field otherwise. */
export function parseId(value: unknown, what: string): number {
	const id = Number(typeof value === 'string' ? value.trim() : value);
	if (!Number.isInteger(id) || id <= 0) {
		throw new Error(`${what} must be a positive whole number; got "${String(value)}"`);
	}
	return id;
}

/** Parses a JSON parameter that may arrive as text or already as a value (from an expression). */
export function parseJsonParameter<T>(value: unknown, what: string): T {
	if (typeof value !== 'string') return value as T;
	let reason: string | undefined;
	let parsed: T | undefined;
	try {
		parsed = JSON.parse(value) as T;
	} catch (error) {
		reason = (error as Error).message;
	}
	if (reason !== undefined) throw new Error(`${what} is not valid JSON: ${reason}`);
	return parsed as T;
}

/** A date parameter (the UI gives date-times) as Billit's `YYYY-MM-DD`; undefined when empty. */
export function dateOnly(value: unknown, what: string): string | undefined {
	if (value === undefined || value === null || value === '') return undefined;
	const text = String(value).trim();
	if (/^\d{4}-\d{2}-\d{2}/.test(text)) return text.slice(0, 10);
	const parsed = new Date(text);
	if (Number.isNaN(parsed.getTime())) throw new Error(`${what} is not a date: "${text}"`);
	return parsed.toISOString().slice(0, 10);
}

/** A date-time parameter as `YYYY-MM-DDTHH:mm:ss` (Billit's DateTime fields, e.g. PaidDate); a bare date gets midnight. */
export function dateTime(value: unknown, what: string): string | undefined {
	const date = dateOnly(value, what);
	if (date === undefined) return undefined;
	const time = /^\d{4}-\d{2}-\d{2}[T ](\d{2}:\d{2}(:\d{2})?)/.exec(String(value).trim())?.[1];
	if (time) return `${date}T${time.length === 5 ? `${time}:00` : time}`;
	if (/^\d{4}-\d{2}-\d{2}$/.test(String(value).trim())) return `${date}T00:00:00`;
	return new Date(String(value)).toISOString().slice(0, 19);
}

/**
 * A ledger account code as Billit's model types it (a number): digits only, sent as a number.
 * Empty means "not set"; anything else fails with `what` in the message.
 */
export function accountCode(value: unknown, what: string): number | undefined {
	if (value === undefined || value === null || String(value).trim() === '') return undefined;
	const text = String(value).trim();
	const code = Number(text);
	if (!/^\d+$/.test(text) || !Number.isSafeInteger(code)) {
		throw new Error(
			`${what} "${String(value)}" is not a whole number: Billit takes numeric ledger account codes (e.g. 700000)`,
		);
	}
	return code;
}
