import type { Emulator } from '../../emulator';
import type { LoggedRequest } from '../../emulator/request-log';

const POLL_MS = 1000;

export interface CountedRequests {
	requests: number;
	throttled: number;
	/** Answered requests (429s left out) by kind, as `kindOf` names them. */
	byKind: Record<string, number>;
}

export interface RequestCounter {
	/** API requests the emulator answered since the counter started, how many were 429s, and by kind. */
	stop(): CountedRequests;
}

/** The kinds of request an export makes: the order list, order reads, file downloads, order patches. */
export function orderRequestKind(entry: Pick<LoggedRequest, 'method' | 'path'>): string {
	const path = entry.path.replace(/\/+$/, '');
	if (entry.method === 'GET' && path === '/v1/orders') return 'order list';
	if (entry.method === 'GET' && /^\/v1\/orders\/\d+$/.test(path)) return 'order read';
	if (entry.method === 'GET' && path.startsWith('/v1/files/')) return 'file download';
	if (entry.method === 'PATCH' && /^\/v1\/orders\/\d+$/.test(path)) return 'order patch';
	return `${entry.method} ${path.replace(/\/\d+(?=\/|$)/g, '/{id}')}`;
}

/**
 * Counts the API requests the emulator logs (admin calls are not logged). The log keeps only its
 * latest entries, so it is read every second, far more often than it can roll over at 25 req/s.
 */
export function countEmulatorRequests(emulator: Emulator, kindOf = orderRequestKind): RequestCounter {
	const lastId = () => emulator.admin.requests().at(-1)?.id ?? 0;
	const firstId = lastId();
	let seenId = firstId;
	let requests = 0;
	let throttled = 0;
	const byKind: Record<string, number> = {};
	const collect = () => {
		for (const entry of emulator.admin.requests()) {
			if (entry.id <= seenId) continue;
			requests++;
			if (entry.status === 429) throttled++;
			else byKind[kindOf(entry)] = (byKind[kindOf(entry)] ?? 0) + 1;
			seenId = entry.id;
		}
	};
	const timer = setInterval(collect, POLL_MS);
	return {
		stop: () => {
			clearInterval(timer);
			collect();
			// Counted one by one: an emulator reset empties the log, and its ids run on.
			return { requests, throttled, byKind };
		},
	};
}

/** `order list 9, file download 400, …`: a breakdown for a note. */
export function describeKinds(byKind: Record<string, number>, per = 1, unit = ''): string {
	return Object.entries(byKind)
		.sort(([, a], [, b]) => b - a)
		.map(([kind, count]) => `${kind} ${per === 1 ? count : (count / per).toFixed(3)}${unit}`)
		.join(', ');
}
