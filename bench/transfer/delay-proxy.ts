import { createServer, connect, type AddressInfo, type Socket } from 'node:net';

export interface DelayProxy {
	port: number;
	close(): Promise<void>;
}

/** Forwards `from`'s bytes to `to` after `delayMs`, in order (equal timeouts fire in creation order). */
function forwardDelayed(from: Socket, to: Socket, delayMs: number): void {
	from.on('data', (chunk: Buffer) => {
		setTimeout(() => {
			if (!to.destroyed) to.write(chunk);
		}, delayMs);
	});
	from.on('end', () => setTimeout(() => to.end(), delayMs));
}

/**
 * A TCP proxy on 127.0.0.1 that holds every chunk for `delayMs` in each direction: added latency
 * for machines where `tc netem` is not available.
 */
export async function startDelayProxy(targetHost: string, targetPort: number, delayMs: number): Promise<DelayProxy> {
	const sockets = new Set<Socket>();
	const server = createServer((client) => {
		const upstream = connect(targetPort, targetHost);
		for (const socket of [client, upstream]) {
			socket.setNoDelay(true);
			sockets.add(socket);
			socket.on('close', () => sockets.delete(socket));
			socket.on('error', () => {
				client.destroy();
				upstream.destroy();
			});
		}
		forwardDelayed(client, upstream, delayMs);
		forwardDelayed(upstream, client, delayMs);
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', resolve);
	});
	return {
		port: (server.address() as AddressInfo).port,
		close: async () => {
			for (const socket of sockets) socket.destroy();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
