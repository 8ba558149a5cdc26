import { badRequest, isRecord } from './http';

/**
 * Fault injection for tests: latency, an error status, or a dropped connection before the handler
 * runs (nothing committed) or after it (committed, answer lost). A rule applies to the next `count`
 * matching requests, or to a `share` of them (seeded, so runs repeat).
 */
export interface FaultRule {
	id: number;
	kind: 'latency' | 'status' | 'dropBefore' | 'dropAfter';
	latencyMs?: number;
	status?: number;
	method?: string;
	/** Matches when the request path contains this text (case-insensitive). */
	path?: string;
	count?: number;
	share?: number;
	/** How often the rule fired. */
	hits: number;
}

export class Faults {
	private rules: FaultRule[] = [];
	private nextId = 1;
	private random: () => number;

	constructor(private readonly seed = 42) {
		this.random = mulberry32(seed);
	}

	list(): FaultRule[] {
		return this.rules.map((rule) => ({ ...rule }));
	}

	add(input: unknown): FaultRule {
		if (!isRecord(input)) throw badRequest('InvalidRequest', 'A fault rule must be a JSON object');
		const kind = input.kind;
		if (kind !== 'latency' && kind !== 'status' && kind !== 'dropBefore' && kind !== 'dropAfter') {
			throw badRequest('InvalidFault', 'kind must be latency, status, dropBefore or dropAfter');
		}
		const rule: FaultRule = { id: this.nextId++, kind, hits: 0 };
		const numberField = (name: 'latencyMs' | 'status' | 'count' | 'share', min: number, max: number) => {
			const value = input[name];
			if (value === undefined) return;
			if (typeof value !== 'number' || value < min || value > max) {
				throw badRequest('InvalidFault', `${name} must be a number from ${min} to ${max}`);
			}
			rule[name] = value;
		};
		numberField('latencyMs', 0, 600_000);
		numberField('status', 400, 599);
		numberField('count', 1, 1_000_000);
		numberField('share', 0, 1);
		for (const name of ['method', 'path'] as const) {
			if (input[name] !== undefined) {
				if (typeof input[name] !== 'string') throw badRequest('InvalidFault', `${name} must be a string`);
				rule[name] = input[name];
			}
		}
		if (kind === 'latency' && rule.latencyMs === undefined) throw badRequest('InvalidFault', 'latency needs latencyMs');
		if (kind === 'status' && rule.status === undefined) throw badRequest('InvalidFault', 'status needs status');
		if (rule.count === undefined && rule.share === undefined) rule.count = 1;
		this.rules.push(rule);
		return { ...rule };
	}

	remove(id: number): boolean {
		const before = this.rules.length;
		this.rules = this.rules.filter((rule) => rule.id !== id);
		return this.rules.length !== before;
	}

	clear(): void {
		this.rules = [];
		this.random = mulberry32(this.seed);
	}

	/** The faults that fire for this request, consuming counted rules; latency and one terminal fault. */
	pick(method: string, path: string): FaultRule[] {
		const fired: FaultRule[] = [];
		for (const rule of this.rules) {
			if (rule.method && rule.method.toUpperCase() !== method) continue;
			if (rule.path && !path.toLowerCase().includes(rule.path.toLowerCase())) continue;
			if (rule.kind !== 'latency' && fired.some((other) => other.kind !== 'latency')) continue;
			if (rule.count !== undefined) {
				if (rule.count <= 0) continue;
				if (rule.share !== undefined && this.random() >= rule.share) continue;
				rule.count--;
			} else if (this.random() >= (rule.share ?? 0)) {
				continue;
			}
			rule.hits++;
			fired.push({ ...rule });
		}
		this.rules = this.rules.filter((rule) => rule.count === undefined || rule.count > 0);
		return fired;
	}
}

function mulberry32(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}
