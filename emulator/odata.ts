import { badRequest } from './http';

/**
 * A small OData v3 `$filter` / `$orderby` implementation, the version Billit speaks (docs: `odata`):
 * a tokenizer, a recursive-descent parser (precedence: or < and < not < comparison) and an
 * evaluator over plain JSON objects. Dates are `DateTime'…'` literals; a bare date is refused.
 */
export type Literal = string | number | boolean | null | { date: number };
export type Expr =
	| { kind: 'literal'; value: Literal }
	| { kind: 'property'; path: string[] }
	| { kind: 'compare'; op: CompareOp; left: Expr; right: Expr }
	| { kind: 'logical'; op: 'and' | 'or'; left: Expr; right: Expr }
	| { kind: 'not'; operand: Expr }
	| { kind: 'call'; name: string; args: Expr[] };
type CompareOp = 'eq' | 'ne' | 'gt' | 'ge' | 'lt' | 'le';

type Token =
	| { type: 'string'; value: string }
	| { type: 'number'; value: number }
	| { type: 'word'; value: string }
	| { type: '(' | ')' | ',' };

const COMPARE_OPS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);
const FUNCTIONS: Record<string, number> = { substringof: 2, startswith: 2, endswith: 2, tolower: 1, toupper: 1 };
const BARE_DATE = /^\d{4}-\d{2}(-\d{2})?([T ]\d{2}:\d{2})?/;
const DATE_LITERAL = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?)?$/;
/** Properties holding dates: a plain string compared with them is a type error in OData v3. */
const DATE_PROPERTY = /(Date|^LastModified|^Created)$/;
const DATE_VALUE = /^\d{4}-\d{2}-\d{2}(T|$)/;

/** A date or date-time without zone is read as UTC, so the answer does not depend on the machine. */
export function parseInstant(text: string): number {
	if (text.length === 10) return Date.parse(`${text}T00:00:00Z`);
	return Date.parse(/(Z|[+-]\d{2}:?\d{2})$/.test(text) ? text : `${text}Z`);
}

const filterError = (message: string) => badRequest('InvalidFilter', `Invalid $filter: ${message}`);

export function tokenize(input: string): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	while (i < input.length) {
		const ch = input[i];
		if (/\s/.test(ch)) {
			i++;
		} else if (ch === '(' || ch === ')' || ch === ',') {
			tokens.push({ type: ch });
			i++;
		} else if (ch === "'") {
			let value = '';
			i++;
			for (;;) {
				if (i >= input.length) throw filterError('unterminated string literal');
				if (input[i] === "'") {
					if (input[i + 1] === "'") {
						value += "'";
						i += 2;
						continue;
					}
					i++;
					break;
				}
				value += input[i++];
			}
			tokens.push({ type: 'string', value });
		} else {
			const rest = input.slice(i);
			const bare = BARE_DATE.exec(rest);
			if (bare) throw filterError(`the date '${bare[0]}' must be written as DateTime'${bare[0]}'`);
			const number = /^-?\d+(\.\d+)?([eE][+-]?\d+)?[mMdDfFlL]?/.exec(rest);
			if (number) {
				tokens.push({ type: 'number', value: Number.parseFloat(number[0]) });
				i += number[0].length;
				continue;
			}
			const word = /^[A-Za-z_][A-Za-z0-9_]*(\/[A-Za-z_][A-Za-z0-9_]*)*/.exec(rest);
			if (!word) throw filterError(`unexpected character '${ch}' at position ${i}`);
			tokens.push({ type: 'word', value: word[0] });
			i += word[0].length;
		}
	}
	return tokens;
}

/** Nesting (parentheses, not) and conditions per and/or chain: the tree is evaluated recursively. */
const MAX_FILTER_NESTING = 100;

function refuseTextForDate(property: Expr, other: Expr): void {
	if (property.kind !== 'property' || other.kind !== 'literal' || typeof other.value !== 'string') return;
	const name = property.path[property.path.length - 1];
	if (DATE_PROPERTY.test(name)) {
		throw filterError(`${property.path.join('/')} is a date: compare it with DateTime'…', not with text`);
	}
}

export function parseFilter(input: string): Expr {
	const tokens = tokenize(input);
	let pos = 0;
	let nesting = 0;
	const nest = <T>(parse: () => T): T => {
		if (++nesting > MAX_FILTER_NESTING) throw filterError(`nested deeper than ${MAX_FILTER_NESTING} levels`);
		const result = parse();
		nesting--;
		return result;
	};
	const chained = (count: number) => {
		if (count > MAX_FILTER_NESTING) throw filterError(`more than ${MAX_FILTER_NESTING} conditions joined by and/or at one level`);
	};
	const peek = () => tokens[pos];
	const isWord = (value: string) => {
		const token = peek();
		return token?.type === 'word' && token.value.toLowerCase() === value;
	};
	const expect = (type: '(' | ')' | ',') => {
		if (peek()?.type !== type) throw filterError(`expected '${type}'`);
		pos++;
	};

	const parseOr = (): Expr => {
		let left = parseAnd();
		for (let count = 1; isWord('or'); chained(++count)) {
			pos++;
			left = { kind: 'logical', op: 'or', left, right: parseAnd() };
		}
		return left;
	};
	const parseAnd = (): Expr => {
		let left = parseNot();
		for (let count = 1; isWord('and'); chained(++count)) {
			pos++;
			left = { kind: 'logical', op: 'and', left, right: parseNot() };
		}
		return left;
	};
	const parseNot = (): Expr => {
		if (isWord('not')) {
			pos++;
			return { kind: 'not', operand: nest(parseNot) };
		}
		return parseComparison();
	};
	const parseComparison = (): Expr => {
		const left = parsePrimary();
		const token = peek();
		if (token?.type === 'word' && COMPARE_OPS.has(token.value.toLowerCase())) {
			pos++;
			const right = parsePrimary();
			refuseTextForDate(left, right);
			refuseTextForDate(right, left);
			return { kind: 'compare', op: token.value.toLowerCase() as CompareOp, left, right };
		}
		return left;
	};
	const parsePrimary = (): Expr => {
		const token = tokens[pos++];
		if (!token) throw filterError('unexpected end of expression');
		switch (token.type) {
			case '(': {
				const inner = nest(parseOr);
				expect(')');
				return inner;
			}
			case 'string':
				return { kind: 'literal', value: token.value };
			case 'number':
				return { kind: 'literal', value: token.value };
			case 'word':
				return parseWord(token.value);
			default:
				throw filterError(`unexpected '${token.type}'`);
		}
	};
	const parseWord = (word: string): Expr => {
		const lower = word.toLowerCase();
		if (lower === 'true' || lower === 'false') return { kind: 'literal', value: lower === 'true' };
		if (lower === 'null') return { kind: 'literal', value: null };
		if ((lower === 'datetime' || lower === 'datetimeoffset') && peek()?.type === 'string') {
			const text = (tokens[pos++] as { value: string }).value;
			const ms = DATE_LITERAL.test(text) ? parseInstant(text) : Number.NaN;
			if (Number.isNaN(ms)) throw filterError(`invalid date '${text}' in ${word}'…'`);
			return { kind: 'literal', value: { date: ms } };
		}
		if (peek()?.type === '(') {
			const arity = FUNCTIONS[lower];
			if (arity === undefined) throw filterError(`unknown function '${word}'`);
			pos++;
			const args: Expr[] = [];
			if (peek()?.type !== ')') {
				args.push(parseOr());
				while (peek()?.type === ',') {
					pos++;
					args.push(parseOr());
				}
			}
			expect(')');
			if (args.length !== arity) throw filterError(`${word} takes ${arity} argument(s)`);
			return { kind: 'call', name: lower, args };
		}
		if (COMPARE_OPS.has(lower) || lower === 'and' || lower === 'or' || lower === 'not') {
			throw filterError(`unexpected operator '${word}'`);
		}
		return { kind: 'property', path: word.split('/') };
	};

	const expr = parseOr();
	if (pos < tokens.length) throw filterError('unexpected text after the expression');
	return expr;
}

/** Checks that every property path exists in the entity's schema (top-level names). */
export function checkProperties(expr: Expr, knownTopLevel: ReadonlySet<string>): void {
	switch (expr.kind) {
		case 'property':
			if (!knownTopLevel.has(expr.path[0])) {
				throw filterError(`could not find a property named '${expr.path[0]}'`);
			}
			return;
		case 'compare':
		case 'logical':
			checkProperties(expr.left, knownTopLevel);
			checkProperties(expr.right, knownTopLevel);
			return;
		case 'not':
			checkProperties(expr.operand, knownTopLevel);
			return;
		case 'call':
			expr.args.forEach((arg) => checkProperties(arg, knownTopLevel));
			return;
		case 'literal':
			return;
	}
}

export function resolvePath(item: unknown, path: readonly string[]): unknown {
	let value: unknown = item;
	for (const key of path) {
		if (typeof value !== 'object' || value === null) return null;
		value = (value as Record<string, unknown>)[key];
	}
	return value ?? null;
}

function evaluate(expr: Expr, item: unknown): unknown {
	switch (expr.kind) {
		case 'literal':
			return expr.value;
		case 'property':
			return resolvePath(item, expr.path);
		case 'not':
			return !truthy(evaluate(expr.operand, item));
		case 'logical': {
			const left = truthy(evaluate(expr.left, item));
			if (expr.op === 'and') return left && truthy(evaluate(expr.right, item));
			return left || truthy(evaluate(expr.right, item));
		}
		case 'compare':
			return compareValues(expr.op, evaluate(expr.left, item), evaluate(expr.right, item));
		case 'call': {
			const args = expr.args.map((arg) => evaluate(arg, item));
			const [a, b] = args.map((arg) => (typeof arg === 'string' ? arg : arg === null ? null : String(arg)));
			if (expr.name === 'tolower') return a?.toLowerCase() ?? null;
			if (expr.name === 'toupper') return a?.toUpperCase() ?? null;
			if (a === null || b === null) return false;
			// OData v3 argument order: substringof(needle, haystack).
			if (expr.name === 'substringof') return b.includes(a);
			if (expr.name === 'startswith') return a.startsWith(b);
			return a.endsWith(b);
		}
	}
}

const truthy = (value: unknown) => value === true;

function compareValues(op: CompareOp, rawLeft: unknown, rawRight: unknown): boolean {
	const [left, right] = coercePair(rawLeft, rawRight);
	if (left === null || right === null) {
		if (op === 'eq') return left === right;
		if (op === 'ne') return left !== right;
		return false;
	}
	const order = compareNonNull(left, right);
	switch (op) {
		case 'eq':
			return order === 0;
		case 'ne':
			return order !== 0;
		case 'gt':
			return order > 0;
		case 'ge':
			return order >= 0;
		case 'lt':
			return order < 0;
		case 'le':
			return order <= 0;
	}
}

/** Dates compare as instants: a date-time string in the data meets a date literal as epoch ms. */
function coercePair(left: unknown, right: unknown): [unknown, unknown] {
	const asDate = (value: unknown) => {
		if (isDateLiteral(value)) return value.date;
		if (typeof value === 'string' && DATE_VALUE.test(value)) {
			const ms = parseInstant(value);
			return Number.isNaN(ms) ? value : ms;
		}
		return value;
	};
	if (isDateLiteral(left) || isDateLiteral(right)) return [asDate(left), asDate(right)];
	return [left, right];
}

function isDateLiteral(value: unknown): value is { date: number } {
	return typeof value === 'object' && value !== null && 'date' in value;
}

function compareNonNull(left: unknown, right: unknown): number {
	if (typeof left === 'number' && typeof right === 'number') return left - right;
	if (typeof left === 'boolean' && typeof right === 'boolean') return Number(left) - Number(right);
	const a = String(left);
	const b = String(right);
	return a < b ? -1 : a > b ? 1 : 0;
}

export function matches(expr: Expr, item: unknown): boolean {
	return truthy(evaluate(expr, item));
}

export interface OrderKey {
	path: string[];
	descending: boolean;
}

export function parseOrderBy(input: string, knownTopLevel: ReadonlySet<string>): OrderKey[] {
	return input.split(',').map((part) => {
		const [field, direction, ...rest] = part.trim().split(/\s+/);
		const dir = (direction ?? 'asc').toLowerCase();
		if (!field || rest.length > 0 || (dir !== 'asc' && dir !== 'desc')) {
			throw badRequest('InvalidOrderBy', `Invalid $orderby clause '${part.trim()}'`);
		}
		const path = field.split('/');
		if (!knownTopLevel.has(path[0])) {
			throw badRequest('InvalidOrderBy', `Invalid $orderby: could not find a property named '${path[0]}'`);
		}
		return { path, descending: dir === 'desc' };
	});
}

/** Sorts a copy; nulls come first in ascending order, as in OData on SQL Server. */
export function sortItems<T>(items: readonly T[], keys: readonly OrderKey[]): T[] {
	const sortable = (value: unknown) => {
		if (typeof value === 'string' && DATE_VALUE.test(value)) {
			const ms = parseInstant(value);
			if (!Number.isNaN(ms)) return ms;
		}
		return value;
	};
	return [...items].sort((x, y) => {
		for (const key of keys) {
			const a = sortable(resolvePath(x, key.path));
			const b = sortable(resolvePath(y, key.path));
			const order = a === null ? (b === null ? 0 : -1) : b === null ? 1 : compareNonNull(a, b);
			if (order !== 0) return key.descending ? -order : order;
		}
		return 0;
	});
}
