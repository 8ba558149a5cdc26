/**
 * The one model of node parameters in the fakes of n8n's contexts. A parameter holds a plain value
 * (the same for every item) or a function of the item index, which stands for an n8n expression:
 * resolved for each item, and read raw (`rawExpressions`) as an expression string. Names may be
 * dot paths into collections (`options.limit`), as in n8n.
 */

export type ParameterValue = unknown | ((itemIndex: number) => unknown);
export type Parameters = Record<string, ParameterValue>;

export interface ParameterReadOptions {
	extractValue?: boolean;
	rawExpressions?: boolean;
}

/** What an expression looks like when n8n hands the parameter over unresolved. */
const RAW_EXPRESSION = '={{ per item }}';

/** A parameter whose value differs per item: `values[itemIndex]`, as an expression would give. */
export function perItem(...values: unknown[]): (itemIndex: number) => unknown {
	return (itemIndex) => values[itemIndex];
}

/** A resource-locator parameter value as the editor stores it. */
export function locator(value: string | number, mode = 'id') {
	return { __rl: true as const, mode, value: String(value) };
}

function isResourceLocator(value: unknown): value is { __rl: true; value: unknown } {
	return value !== null && typeof value === 'object' && (value as { __rl?: unknown }).__rl === true;
}

function holdsFunction(value: unknown): boolean {
	if (typeof value === 'function') return true;
	return value !== null && typeof value === 'object' && Object.values(value).some(holdsFunction);
}

/** The value for one item; values without a per-item part come back as they are (same object). */
function resolve(value: unknown, itemIndex: number, raw: boolean): unknown {
	if (!holdsFunction(value)) return value;
	if (typeof value === 'function') return raw ? RAW_EXPRESSION : resolve(value(itemIndex), itemIndex, raw);
	if (Array.isArray(value)) return value.map((entry) => resolve(entry, itemIndex, raw));
	if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
		return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, resolve(entry, itemIndex, raw)]));
	}
	return value;
}

/**
 * Reads a parameter as n8n's `getNodeParameter` does: the value for the item, else the fallback;
 * with neither, it throws as n8n does for a parameter that is not there.
 */
export function readParameter(
	parameters: Parameters,
	name: string,
	itemIndex: number,
	fallback?: unknown,
	options: ParameterReadOptions = {},
): unknown {
	const raw = options.rawExpressions === true;
	let value: unknown = parameters;
	for (const key of name.split('.')) {
		if (typeof value === 'function') value = raw ? RAW_EXPRESSION : value(itemIndex);
		value = value !== null && typeof value === 'object' ? (value as Parameters)[key] : undefined;
	}
	value = resolve(value, itemIndex, raw);
	if (value === undefined) {
		if (fallback !== undefined) return fallback;
		throw new Error(`Could not get parameter "${name}": it is not set in the test`);
	}
	return options.extractValue && isResourceLocator(value) ? value.value : value;
}
