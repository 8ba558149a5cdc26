import { createHttpSend } from '../../test/unit/billit/helpers/http-send';
import type { SendFunction } from '../../lib/billit/request-core';

export interface CountingSend {
	send: SendFunction;
	counts(): { requests: number; throttled: number };
}

/** node:http transport for the request core that counts requests and 429 answers. */
export function countingSend(): CountingSend {
	const http = createHttpSend();
	let requests = 0;
	let throttled = 0;
	return {
		send: async (request) => {
			requests++;
			const response = await http.send(request);
			if (response.statusCode === 429) throttled++;
			return response;
		},
		counts: () => ({ requests, throttled }),
	};
}
