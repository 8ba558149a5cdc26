import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

export interface LoggedRequest {
	id: number;
	time: string;
	method: string;
	path: string;
	query: string;
	headers: Record<string, string>;
	body: string;
	status: number;
	/** Fault kinds that fired for this request. */
	faults: string[];
	idempotentReplay?: boolean;
}

const SECRET_HEADERS = new Set(['apikey', 'authorization', 'cookie']);
const SECRET_FIELDS = new Set(['client_secret', 'code', 'refresh_token', 'access_token', 'token']);
const MAX_ENTRIES = 2000;
const MAX_BODY = 4096;

export const redacted = (secret: string) => `[redacted sha256:${createHash('sha256').update(secret).digest('hex').slice(0, 12)}]`;

/** Secrets are replaced by a short hash, so tests can still tell credentials apart. */
export function redactHeaders(headers: IncomingHttpHeaders): Record<string, string> {
	const result: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers)) {
		if (value === undefined) continue;
		const text = Array.isArray(value) ? value.join(', ') : value;
		result[name] = SECRET_HEADERS.has(name) ? redacted(text) : text;
	}
	return result;
}

/** OAuth2 bodies carry client secrets, codes and tokens: their values are hashed (form or JSON). */
export function redactBody(path: string, body: string): string {
	if (!path.toLowerCase().startsWith('/oauth2/')) return body;
	try {
		const parsed: unknown = JSON.parse(body);
		if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
			const copy: Record<string, unknown> = { ...(parsed as Record<string, unknown>) };
			for (const key of Object.keys(copy)) if (SECRET_FIELDS.has(key)) copy[key] = redacted(String(copy[key]));
			return JSON.stringify(copy);
		}
	} catch {
		// Not JSON: a form body.
	}
	const form = new URLSearchParams(body);
	for (const key of [...form.keys()]) if (SECRET_FIELDS.has(key)) form.set(key, redacted(form.get(key) ?? ''));
	return form.toString();
}

export class RequestLog {
	private entries: LoggedRequest[] = [];
	private nextId = 1;

	add(entry: Omit<LoggedRequest, 'id'>): void {
		this.entries.push({ ...entry, id: this.nextId++, body: entry.body.slice(0, MAX_BODY) });
		if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
	}

	list(filter: { method?: string; path?: string } = {}): LoggedRequest[] {
		return this.entries.filter(
			(entry) =>
				(!filter.method || entry.method === filter.method.toUpperCase()) &&
				(!filter.path || entry.path.toLowerCase().includes(filter.path.toLowerCase())),
		);
	}

	clear(): void {
		this.entries = [];
	}
}
