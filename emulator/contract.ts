/**
 * Checks requests and answers against the written contract of the Billit API
 * (test/contract/billit-api.json, from Billit's published model): unknown fields, wrong types,
 * wrong literals, unknown query parameters. Endpoints outside the contract are not checked; a test
 * makes sure the product calls none.
 */
import contractJson from '../test/contract/billit-api.json';

export type TypeExpr = string | [TypeExpr] | { map: TypeExpr } | { enum: string[] } | { optional: TypeExpr };
type Fields = Record<string, TypeExpr>;

export interface ContractEndpoint {
	method: string;
	path: string;
	params?: Record<string, TypeExpr>;
	query?: Record<string, TypeExpr>;
	body?: TypeExpr;
	response: TypeExpr;
}

export interface Contract {
	types: Record<string, Fields>;
	endpoints: ContractEndpoint[];
}

export const billitContract = contractJson as unknown as Contract;

const PRIMITIVES = new Set(['string', 'integer', 'number', 'boolean', 'date', 'any']);
const DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

export interface EndpointMatch {
	endpoint: ContractEndpoint;
	params: Record<string, string>;
}

/** The contract endpoint for a method and path; literal segments match case-insensitively, as Billit's do. */
export function findEndpoint(contract: Contract, method: string, path: string): EndpointMatch | undefined {
	const segments = path.split('/').filter(Boolean);
	let best: (EndpointMatch & { literals: number }) | undefined;
	for (const endpoint of contract.endpoints) {
		if (endpoint.method !== method) continue;
		const pattern = endpoint.path.split('/').filter(Boolean);
		if (pattern.length !== segments.length) continue;
		const params: Record<string, string> = {};
		let literals = 0;
		const matched = pattern.every((part, index) => {
			const name = /^\{(.+)\}$/.exec(part)?.[1];
			if (name) {
				params[name] = segments[index];
				return true;
			}
			literals++;
			return part.toLowerCase() === segments[index].toLowerCase();
		});
		if (matched && (!best || literals > best.literals)) best = { endpoint, params, literals };
	}
	return best && { endpoint: best.endpoint, params: best.params };
}

type Side = 'request' | 'answer';

const article = (type: TypeExpr) => `${/^[aeiou]/.test(String(type)) ? 'an' : 'a'} ${String(type)}`;

function describe(value: unknown): string {
	return value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value;
}

/** Appends to `out` every way `value` departs from `type`; `where` names the place. */
export function checkValue(contract: Contract, value: unknown, type: TypeExpr, where: string, side: Side, out: string[]): void {
	if (value === null) {
		if (side === 'request') out.push(`${where} is null (Billit rejects explicit nulls: omit the field)`);
		return;
	}
	if (Array.isArray(type)) {
		if (!Array.isArray(value)) out.push(`${where} must be a list, not ${describe(value)}`);
		else value.forEach((item, index) => checkValue(contract, item, type[0], `${where}[${index}]`, side, out));
		return;
	}
	if (typeof type === 'object') {
		if ('optional' in type) return checkValue(contract, value, type.optional, where, side, out);
		if ('enum' in type) {
			if (typeof value !== 'string' || !type.enum.includes(value)) out.push(`${where} is ${JSON.stringify(value)}, not one of the model's literals`);
			return;
		}
		if (typeof value !== 'object' || Array.isArray(value)) out.push(`${where} must be an object, not ${describe(value)}`);
		else for (const [key, item] of Object.entries(value)) checkValue(contract, item, type.map, `${where}.${key}`, side, out);
		return;
	}
	if (PRIMITIVES.has(type)) {
		if (!primitiveMatches(value, type)) out.push(`${where} must be ${type === 'date' ? 'an ISO date text' : article(type)}, not ${JSON.stringify(value)}`);
		return;
	}
	const fields = contract.types[type];
	if (!fields) throw new Error(`The contract names an unknown type ${type}`);
	if (typeof value !== 'object' || Array.isArray(value)) {
		out.push(`${where} must be a ${type} object, not ${describe(value)}`);
		return;
	}
	for (const [key, item] of Object.entries(value)) {
		const fieldType = fields[key];
		if (fieldType === undefined) out.push(`${where}.${key} is not a field of ${type}`);
		else checkValue(contract, item, fieldType, `${where}.${key}`, side, out);
	}
}

function primitiveMatches(value: unknown, type: string): boolean {
	switch (type) {
		case 'any':
			return true;
		case 'string':
			return typeof value === 'string';
		case 'boolean':
			return typeof value === 'boolean';
		case 'number':
			return typeof value === 'number' && Number.isFinite(value);
		case 'integer':
			return Number.isInteger(value);
		default:
			return typeof value === 'string' && DATE.test(value) && !Number.isNaN(Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value));
	}
}

/** A path or query value (always text) against a primitive type. */
function textMatches(text: string, type: TypeExpr): boolean {
	if (type === 'integer') return /^-?\d+$/.test(text);
	if (type === 'boolean') return /^(true|false)$/i.test(text);
	return true;
}

export interface ContractRequest {
	method: string;
	path: string;
	query: URLSearchParams;
	body: Buffer;
}

/** The violations of one request; undefined when the contract has no such endpoint. */
export function checkRequest(contract: Contract, request: ContractRequest): { match: EndpointMatch; violations: string[] } | undefined {
	const match = findEndpoint(contract, request.method, request.path);
	if (!match) return undefined;
	const { endpoint, params } = match;
	const violations: string[] = [];
	const where = `${endpoint.method} ${endpoint.path}`;
	for (const [name, text] of Object.entries(params)) {
		const type = endpoint.params?.[name] ?? 'string';
		if (!textMatches(decodeURIComponent(text), type)) violations.push(`${where}: path parameter ${name} must be ${article(type)}, not '${text}'`);
	}
	for (const [name, text] of request.query) {
		const type = endpoint.query?.[name];
		if (type === undefined) violations.push(`${where}: unknown query parameter ${name}`);
		else if (!textMatches(text, type)) violations.push(`${where}: query parameter ${name} must be ${article(type)}, not '${text}'`);
	}
	const text = request.body.toString('utf8').trim();
	if (endpoint.body === undefined) {
		if (text !== '') violations.push(`${where} takes no body`);
	} else if (text === '') {
		if (!(typeof endpoint.body === 'object' && 'optional' in endpoint.body)) violations.push(`${where} needs a body`);
	} else {
		let body: unknown;
		try {
			body = JSON.parse(text) as unknown;
		} catch {
			violations.push(`${where}: the body is not JSON`);
			return { match, violations };
		}
		checkValue(contract, body, endpoint.body, `${where} body`, 'request', violations);
	}
	return { match, violations };
}

/** The violations of a successful JSON answer against the endpoint's answer type. */
export function checkAnswer(contract: Contract, endpoint: ContractEndpoint, body: unknown): string[] {
	const violations: string[] = [];
	checkValue(contract, body, endpoint.response, `${endpoint.method} ${endpoint.path} answer`, 'answer', violations);
	return violations;
}
