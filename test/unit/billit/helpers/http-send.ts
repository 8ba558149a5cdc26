import { Agent, request as httpRequest } from 'node:http';

import type { BillitHttpRequest, BillitHttpResponse, SendFunction } from '../../../../lib/billit/request/request-core';

/**
 * A `send` for the request core over node:http, standing in for n8n's request helper in tests.
 * It counts requests in flight so the fake-time driver knows when real I/O has finished.
 */
export interface CountingSend {
	send: SendFunction;
	inFlight(): number;
}

function urlWithQuery(request: BillitHttpRequest): string {
	const url = new URL(request.url);
	for (const [key, value] of Object.entries(request.qs ?? {})) url.searchParams.set(key, String(value));
	return url.toString();
}

export function createHttpSend(): CountingSend {
	let inFlight = 0;
	const agent = new Agent({ keepAlive: false });
	const send: SendFunction = async (request) => {
		inFlight++;
		try {
			return await new Promise<BillitHttpResponse>((resolve, reject) => {
				const body = request.body === undefined ? undefined : JSON.stringify(request.body);
				const outgoing = httpRequest(
					urlWithQuery(request),
					{
						method: request.method,
						agent,
						headers: { ...request.headers, ...(body ? { 'Content-Type': 'application/json' } : {}) },
					},
					(response) => {
						const chunks: Buffer[] = [];
						response.on('data', (chunk: Buffer) => chunks.push(chunk));
						response.on('end', () =>
							resolve({
								statusCode: response.statusCode ?? 0,
								headers: response.headers,
								body: Buffer.concat(chunks).toString('utf8'),
							}),
						);
						response.on('error', reject);
					},
				);
				outgoing.on('error', reject);
				outgoing.end(body);
			});
		} finally {
			inFlight--;
		}
	};
	return { send, inFlight: () => inFlight };
}
