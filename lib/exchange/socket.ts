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

/**
 * Sends everything written to `socket` within one tick in one system call. ssh2 writes every packet
 * in pieces (length, body, MAC: three writes) and with Nagle off each piece would leave on its own;
 * the writes are held only until the current tick ends, so no request waits.
 */
export function coalesceWritesPerTick(socket: Socket): void {
	const write = socket.write.bind(socket) as (...args: unknown[]) => boolean;
	let corked = false;
	const uncork = () => {
		corked = false;
		socket.uncork();
	};
	socket.write = ((...args: unknown[]) => {
		if (!corked) {
			corked = true;
			socket.cork();
			process.nextTick(uncork);
		}
		return write(...args);
	}) as Socket['write'];
}
