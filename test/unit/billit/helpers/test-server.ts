import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the local server saw it; `at` is Date.now() on arrival (fake time in tests). */
export interface ReceivedRequest {
	method: string;
	url: string;
	headers: IncomingHttpHeaders;
	body: string;
	at: number;
}

/** What to answer: a status/body/headers, or `drop` to cut the connection after reading the request. */
export type Answer =
	| { status: number; body?: unknown; headers?: Record<string, string> }
	| { drop: true };

export type Responder = (request: ReceivedRequest, index: number) => Answer;

export interface TestServer {
	baseUrl: string;
	requests: ReceivedRequest[];
	close(): Promise<void>;
}

function write(response: ServerResponse, answer: Exclude<Answer, { drop: true }>): void {
	const text =
		answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
	response.writeHead(answer.status, { 'Content-Type': 'application/json', ...answer.headers });
	response.end(text);
}

/** A real HTTP server on 127.0.0.1 (free port) answering through `responder`. */
export async function startTestServer(responder: Responder): Promise<TestServer> {
	const requests: ReceivedRequest[] = [];
	const server: Server = createServer((request, response) => {
		const chunks: Buffer[] = [];
		request.on('data', (chunk: Buffer) => chunks.push(chunk));
		request.on('end', () => {
			const received: ReceivedRequest = {
				method: request.method ?? '',
				url: request.url ?? '',
				headers: request.headers,
				body: Buffer.concat(chunks).toString('utf8'),
				at: Date.now(),
			};
			requests.push(received);
			const answer = responder(received, requests.length - 1);
			if ('drop' in answer) request.socket.destroy();
			else write(response, answer);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		baseUrl: `http://127.0.0.1:${port}`,
		requests,
		close: async () =>
			await new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

/** Answers from a list in order, repeating the last one. */
export function sequence(...answers: Answer[]): Responder {
	return (_request, index) => answers[Math.min(index, answers.length - 1)];
}
