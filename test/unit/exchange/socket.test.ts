import { once } from 'node:events';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { describe, expect, it, vi } from 'vitest';

import { coalesceWritesPerTick, openSocket } from '../../../lib/exchange/socket';

async function withLoopbackPair(test: (client: Socket, received: () => Promise<Buffer>) => Promise<void>) {
	const chunks: Buffer[] = [];
	let ended: Promise<unknown> = Promise.resolve();
	const server = createServer((peer) => {
		peer.on('data', (chunk: Buffer) => chunks.push(chunk));
		ended = once(peer, 'end');
	});
	server.listen(0, '127.0.0.1');
	await once(server, 'listening');
	const client = await openSocket('127.0.0.1', (server.address() as AddressInfo).port, 5_000);
	try {
		await test(client, async () => {
			client.end();
			await ended;
			return Buffer.concat(chunks);
		});
	} finally {
		client.destroy();
		server.close();
	}
}

describe('coalesceWritesPerTick', () => {
	it('hands the writes of one tick to the socket as one vectored write, in order', async () => {
		await withLoopbackPair(async (client, received) => {
			coalesceWritesPerTick(client);
			const writev = vi.spyOn(client as unknown as { _writev: (...args: unknown[]) => void }, '_writev');
			client.write(Buffer.from('len|'));
			client.write(Buffer.from('body|'));
			client.write(Buffer.from('mac'));
			expect(client.writableCorked).toBe(1);
			await new Promise((resolve) => setImmediate(resolve));
			expect(client.writableCorked).toBe(0);
			expect(writev).toHaveBeenCalledTimes(1);
			client.write('|next tick');
			expect((await received()).toString()).toBe('len|body|mac|next tick');
		});
	});
});
