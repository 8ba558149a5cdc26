import type { AuthContext } from './auth';
import type { EmuRequest, EmuResponse } from './http';
import type { Store, User } from './store';

export interface Ctx {
	store: Store;
	req: EmuRequest;
	/** Available on routes with `auth: 'user'` or `'company'`. */
	user: User;
	/** Available on routes with `auth: 'company'`. */
	auth: AuthContext;
	/** Absolute base URL of this emulator, for `NextPageLink`. */
	baseUrl: string;
}

export interface Route {
	method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
	/** Path with `:name` parameters; literal segments match case-insensitively, as Billit's do. */
	pattern: string;
	/** `none`: public (OAuth pages, admin); `user`: credentials only; `company`: also PartyID. */
	auth: 'none' | 'user' | 'company';
	handler: (ctx: Ctx) => EmuResponse | Promise<EmuResponse>;
}

export interface RouteMatch {
	route: Route;
	params: Record<string, string>;
}

/** Finds the most specific route (most literal segments) for a path; `methodMismatch` if only the method differs. */
export function matchRoute(routes: readonly Route[], method: string, path: string): RouteMatch | 'methodMismatch' | undefined {
	const segments = path.split('/').filter(Boolean);
	let best: (RouteMatch & { literals: number }) | undefined;
	let pathMatched = false;
	for (const route of routes) {
		const pattern = route.pattern.split('/').filter(Boolean);
		if (pattern.length !== segments.length) continue;
		const params: Record<string, string> = {};
		let literals = 0;
		const ok = pattern.every((part, index) => {
			if (part.startsWith(':')) {
				params[part.slice(1)] = safeDecode(segments[index]);
				return true;
			}
			literals++;
			return part.toLowerCase() === segments[index].toLowerCase();
		});
		if (!ok) continue;
		pathMatched = true;
		if (route.method !== method) continue;
		if (!best || literals > best.literals) best = { route, params, literals };
	}
	if (best) return { route: best.route, params: best.params };
	return pathMatched ? 'methodMismatch' : undefined;
}

/** A malformed percent-escape stays as sent; the handler then answers 404 or 400 for it. */
function safeDecode(segment: string): string {
	try {
		return decodeURIComponent(segment);
	} catch {
		return segment;
	}
}
