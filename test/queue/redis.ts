import { spawn } from 'node:child_process';
import { createConnection } from 'node:net';

import { freePort } from '../support/n8n/free-port';

export interface RedisServer {
	host: string;
	port: number;
	stop(): Promise<void>;
}

const HOST = '127.0.0.1';

async function answersPing(port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const socket = createConnection({ host: HOST, port });
		socket.setTimeout(1000);
		socket.once('connect', () => socket.write('PING\r\n'));
		socket.once('data', (data) => {
			socket.destroy();
			// A server with a password answers -NOAUTH: up all the same.
			resolve(/^(\+PONG|-NOAUTH)/.test(data.toString()));
		});
		socket.once('error', () => resolve(false));
		socket.once('timeout', () => {
			socket.destroy();
			resolve(false);
		});
	});
}

/**
 * Redis from Debian on 127.0.0.1 and a free port (or the given one, to restart a stopped server
 * where its clients expect it), in memory only (no RDB, no AOF), optionally with a password.
 */
export async function startRedis(options: { port?: number; password?: string; timeoutMs?: number } = {}): Promise<RedisServer> {
	const timeoutMs = options.timeoutMs ?? 20_000;
	const port = options.port ?? (await freePort());
	const child = spawn('redis-server', ['--bind', HOST, '--port', String(port), '--save', '', '--appendonly', 'no', '--protected-mode', 'yes', ...(options.password ? ['--requirepass', options.password] : [])], {
		stdio: 'ignore',
	});
	const stop = async () => {
		if (child.exitCode !== null || child.signalCode !== null) return;
		const exit = new Promise((resolve) => child.once('exit', resolve));
		child.kill('SIGTERM');
		await exit;
	};
	const deadline = Date.now() + timeoutMs;
	while (!(await answersPing(port))) {
		if (child.exitCode !== null || Date.now() > deadline) {
			await stop();
			throw new Error(`redis-server did not answer on ${HOST}:${port} within ${timeoutMs} ms`);
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	return { host: HOST, port, stop };
}
