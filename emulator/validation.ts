import { badRequest, isRecord } from './http';

/** A tiny schema language for Billit request bodies: enough to answer wrong types and unknown fields. */
export type FieldType =
	| 'string'
	| 'number'
	| 'integer'
	| 'boolean'
	| 'date'
	| 'map'
	| 'any'
	| { object: Schema }
	| { array: FieldType }
	| { oneOf: readonly string[] };
export type Schema = Record<string, FieldType>;

const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Checks `value` against `schema`; throws Billit's 400 naming the first offending field. */
export function validate(value: unknown, schema: Schema, rejectUnknown: boolean, path = ''): void {
	if (!isRecord(value)) throw badRequest('InvalidRequest', `${path || 'The body'} must be a JSON object`);
	for (const [key, fieldValue] of Object.entries(value)) {
		const name = path ? `${path}.${key}` : key;
		const type = schema[key];
		if (type === undefined) {
			if (rejectUnknown) throw badRequest('UnknownField', `The field '${name}' is not known`);
			continue;
		}
		checkField(fieldValue, type, name, rejectUnknown);
	}
}

function checkField(value: unknown, type: FieldType, name: string, rejectUnknown: boolean): void {
	if (value === null) throw badRequest('InvalidFieldValue', `The field '${name}' must not be null; omit it instead`);
	const fail = (expected: string) =>
		badRequest('InvalidFieldValue', `The field '${name}' must be ${expected}`);
	if (typeof type === 'string') {
		switch (type) {
			case 'any':
				return;
			case 'string':
				if (typeof value !== 'string') throw fail('a string');
				return;
			case 'number':
				if (typeof value !== 'number' || !Number.isFinite(value)) throw fail('a number');
				return;
			case 'integer':
				if (!Number.isSafeInteger(value)) throw fail('an integer');
				return;
			case 'boolean':
				if (typeof value !== 'boolean') throw fail('true or false');
				return;
			case 'date':
				if (typeof value !== 'string' || !DATE.test(value) || Number.isNaN(Date.parse(value))) {
					throw fail('a date (yyyy-MM-dd or ISO 8601)');
				}
				return;
			case 'map':
				if (!isRecord(value)) throw fail('an object');
				return;
		}
	}
	if ('oneOf' in type) {
		if (typeof value !== 'string' || !type.oneOf.includes(value)) throw fail(`one of ${type.oneOf.join(', ')}`);
		return;
	}
	if ('object' in type) {
		validate(value, type.object, rejectUnknown, name);
		return;
	}
	if (!Array.isArray(value)) throw fail('an array');
	value.forEach((element, index) => checkField(element, type.array, `${name}[${index}]`, rejectUnknown));
}

export function requireFields(value: Record<string, unknown>, fields: readonly string[], what: string): void {
	for (const field of fields) {
		if (value[field] === undefined || value[field] === '') {
			throw badRequest('RequiredFieldMissing', `${what}: the field '${field}' is required`);
		}
	}
}
