/**
 * Reads a value by a dotted path such as `Customer.Name`, `OrderLines[0].Description` or
 * `CustomFields.costCenter`. Missing steps give `undefined`.
 */
export function readFieldPath(source: unknown, path: string): unknown {
	const steps = path
		.replace(/\[(\d+)\]/g, '.$1')
		.split('.')
		.map((step) => step.trim())
		.filter((step) => step !== '');
	let value: unknown = source;
	for (const step of steps) {
		if (value === null || typeof value !== 'object') return undefined;
		value = (value as Record<string, unknown>)[step];
	}
	return value;
}
