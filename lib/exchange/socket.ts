import { connect, type Socket } from 'node:net';

import { ExchangeError, socketError } from './errors';

/**
 * Opens a TCP connection with Nagle's algorithm off: SFTP and FTP are request/response protocols, and
 * with Nagle on every small request waits for a delayed ACK (about 40 ms on Linux), which is what
 * makes n8n's built-in FTP node so slow.
 */
export async function openSocket(host: string, port: number, timeoutMs: number): Promise<Socket> {
	const endpoint = `${host}:${port}`;
	return await new Promise<Socket>((resolve, reject) => {
		const socket = connect({ host, port, noDelay: true, keepAlive: true });
		const fail = (error: Error) => {
			socket.destroy();
			reject(
				socketError(error, endpoint) ?? new ExchangeError('unreachable', `cannot reach ${endpoint}: ${error.message}`),
			);
		};
		socket.setTimeout(timeoutMs, () => fail(Object.assign(new Error('connection timed out'), { code: 'ETIMEDOUT' })));
		socket.once('error', fail);
		socket.once('connect', () => {
			socket.setTimeout(0);
			socket.removeListener('error', fail);
			socket.setNoDelay(true);
			resolve(socket);
		});
	});
}
