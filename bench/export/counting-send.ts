import type { BillitHttpRequest, SendFunction } from '../../lib/billit/request/request-core';

export interface CountingSend {
	send: SendFunction;
	counts(): { requests: number; throttled: number };
}

function urlWithQuery(request: BillitHttpRequest): string {
	const url = new URL(request.url);
	for (const [key, value] of Object.entries(request.qs ?? {})) url.searchParams.set(key, String(value));
	return url.toString();
}

/**
 * Transport for the request core over Node's fetch, which keeps connections alive and reuses them
 * (Node's HTTP clients do so by default since Node 19), so a request costs one round trip rather
 * than a TCP handshake first. Counts requests and 429 answers.
 */
export function countingSend(): CountingSend {
	let requests = 0;
	let throttled = 0;
	return {
		send: async (request) => {
			requests++;
			const body = request.body === undefined ? undefined : JSON.stringify(request.body);
			const response = await fetch(urlWithQuery(request), {
				method: request.method,
				headers: { ...request.headers, ...(body ? { 'Content-Type': 'application/json' } : {}) },
				body,
			});
			if (response.status === 429) throttled++;
			return {
				statusCode: response.status,
				headers: Object.fromEntries(response.headers),
				body: Buffer.from(await response.arrayBuffer()),
			};
		},
		counts: () => ({ requests, throttled }),
	};
}
