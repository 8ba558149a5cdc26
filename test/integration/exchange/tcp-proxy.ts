import { createServer, connect, type AddressInfo, type Server, type Socket } from 'node:net';

/** A TCP relay in front of a server, so a test can cut live connections as a network failure would. */
export interface TcpProxy {
	host: string;
	port: number;
	/** Bytes relayed from client to server so far. */
	bytesUp(): number;
	/** Destroys every relayed connection at once. */
	cutAll(): void;
	/** Stops relaying in both directions while keeping the connections open, like a silent network. */
	freeze(): void;
	close(): Promise<void>;
}

export async function startTcpProxy(targetHost: string, targetPort: number): Promise<TcpProxy> {
	const pairs = new Set<[Socket, Socket]>();
	let up = 0;
	let frozen = false;
	const server: Server = createServer((client) => {
		const upstream = connect({ host: targetHost, port: targetPort });
		const pair: [Socket, Socket] = [client, upstream];
		pairs.add(pair);
		client.on('data', (chunk: Buffer) => {
			up += chunk.length;
			if (!frozen) upstream.write(chunk);
		});
		upstream.on('data', (chunk: Buffer) => {
			if (!frozen) client.write(chunk);
		});
		const end = () => {
			client.destroy();
			upstream.destroy();
			pairs.delete(pair);
		};
		client.on('error', end).on('close', end);
		upstream.on('error', end).on('close', end);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		host: '127.0.0.1',
		port,
		bytesUp: () => up,
		freeze: () => {
			frozen = true;
		},
		cutAll: () => {
			for (const [client, upstream] of pairs) {
				client.destroy();
				upstream.destroy();
			}
			pairs.clear();
		},
		close: async () => {
			for (const [client, upstream] of pairs) {
				client.destroy();
				upstream.destroy();
			}
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}
