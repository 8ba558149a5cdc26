import { isExpression, type IExecuteFunctions } from 'n8n-workflow';

/** Whether a raw parameter value holds an expression anywhere (collections and fixed collections included). */
export function holdsExpression(value: unknown): boolean {
	if (isExpression(value)) return true;
	if (Array.isArray(value)) return value.some(holdsExpression);
	if (value !== null && typeof value === 'object') return Object.values(value).some(holdsExpression);
	return false;
}

/**
 * Node parameters read for many items of one execution. n8n resolves a parameter for every call,
 * which costs as much for a fixed value as for an expression; a value without an expression is the
 * same for every item, so it is resolved (and validated) once and shared. Callers must not mutate it.
 */
export class ItemParameters {
	private readonly fixed = new Map<string, unknown>();

	constructor(private readonly context: IExecuteFunctions) {}

	get<T>(name: string, itemIndex: number, fallback?: T): T {
		if (this.fixed.has(name)) return this.fixed.get(name) as T;
		const value = this.context.getNodeParameter(name, itemIndex, fallback) as T;
		if (!holdsExpression(this.context.getNodeParameter(name, itemIndex, fallback, { rawExpressions: true }))) {
			this.fixed.set(name, value);
		}
		return value;
	}
}
