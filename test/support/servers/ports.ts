import { createServer } from 'node:net';

async function tryListen(host: string, port: number): Promise<number | undefined> {
	return await new Promise((resolve) => {
		const server = createServer();
		server.once('error', () => resolve(undefined));
		server.listen({ host, port, exclusive: true }, () => {
			const address = server.address();
			const bound = typeof address === 'object' && address !== null ? address.port : undefined;
			server.close(() => resolve(bound));
		});
	});
}

/** A port the kernel just handed out on `host`; for daemons that cannot be told to bind port 0. */
export async function findFreePort(host: string): Promise<number> {
	const port = await tryListen(host, 0);
	if (port === undefined) throw new Error(`No free port on ${host}`);
	return port;
}

// Passive FTP ranges are picked below Linux's ephemeral range (32768+), so outgoing connections of
// other processes do not land in them between the check and the server binding them.
const PASSIVE_LOWEST = 10_000;
const PASSIVE_HIGHEST = 32_767;

/** `count` consecutive ports that are all free on `host` right now. */
export async function findFreePortRange(
	host: string,
	count: number,
): Promise<{ min: number; max: number }> {
	for (let attempt = 0; attempt < 50; attempt++) {
		const min = PASSIVE_LOWEST + Math.floor(Math.random() * (PASSIVE_HIGHEST - PASSIVE_LOWEST - count));
		let allFree = true;
		for (let port = min; port < min + count && allFree; port++) {
			allFree = (await tryListen(host, port)) === port;
		}
		if (allFree) return { min, max: min + count - 1 };
	}
	throw new Error(`No ${count} consecutive free ports on ${host}`);
}
