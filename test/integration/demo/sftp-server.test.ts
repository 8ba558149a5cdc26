import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { Writable } from 'node:stream';

import { utils } from 'ssh2';
import SftpClient from 'ssh2-sftp-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startDemoSftpServer, type DemoSftpServer } from '../../../scripts/demo/sftp-server';

// The demo's embedded SFTP server, driven by the client n8n's FTP node uses (ssh2-sftp-client) with
// the options that node sets: zlib compression offered first.
const PASSWORD = 'demo-test-password';
const FILES = 8;
const FILE_BYTES = 512 * 1024;

let root: string;
let server: DemoSftpServer;
const unhandled: unknown[] = [];
const noteUnhandled = (reason: unknown) => unhandled.push(reason);

async function connect(): Promise<SftpClient> {
	const client = new SftpClient();
	await client.connect({
		host: server.host,
		port: server.port,
		username: 'demo',
		password: PASSWORD,
		algorithms: { compress: ['zlib@openssh.com', 'zlib', 'none'] },
	});
	return client;
}

beforeAll(async () => {
	process.on('unhandledRejection', noteUnhandled);
	root = mkdtempSync(join(tmpdir(), 'demo-sftp-'));
	mkdirSync(join(root, 'export', '2026'), { recursive: true });
	for (let index = 0; index < FILES; index++) writeFileSync(join(root, 'export', `invoice-${index}.xml`), randomBytes(FILE_BYTES));
	const { private: hostKey } = utils.generateKeyPairSync('ed25519');
	server = await startDemoSftpServer({ root, hostKey, username: 'demo', password: PASSWORD });
});

afterAll(async () => {
	process.off('unhandledRejection', noteUnhandled);
	await server?.stop();
	rmSync(root, { recursive: true, force: true });
});

describe('the demo SFTP server', () => {
	it('lists folders as folders and files as files, with their permissions', async () => {
		const client = await connect();
		try {
			const listing = await client.list('/export');
			const folder = listing.find((entry) => entry.name === '2026');
			const file = listing.find((entry) => entry.name === 'invoice-0.xml');
			expect(folder).toMatchObject({ type: 'd', rights: { user: 'rwx' } });
			expect(file).toMatchObject({ type: '-', size: FILE_BYTES, rights: { user: 'rw' } });
			expect(listing).toHaveLength(FILES + 1);
		} finally {
			await client.end();
		}
	});

	it('lists a folder larger than one answer holds', async () => {
		const big = join(root, 'big');
		mkdirSync(big);
		for (let index = 0; index < 250; index++) writeFileSync(join(big, `f${index}.txt`), '');
		const client = await connect();
		try {
			expect((await client.list('/big')).map((entry) => entry.name).sort()).toEqual(
				Array.from({ length: 250 }, (_, index) => `f${index}.txt`).sort(),
			);
		} finally {
			await client.end();
		}
	});

	it('downloads, uploads and renames over a compressed connection', async () => {
		const client = await connect();
		try {
			const downloaded = (await client.get('/export/invoice-1.xml')) as Buffer;
			expect(downloaded.equals(readFileSync(join(root, 'export', 'invoice-1.xml')))).toBe(true);
			await client.put(Buffer.from('uploaded'), '/export/2026/new.txt');
			await client.rename('/export/2026/new.txt', '/export/2026/renamed.txt');
			expect(readFileSync(join(root, 'export', '2026', 'renamed.txt'), 'utf8')).toBe('uploaded');
		} finally {
			await client.end();
		}
	});

	it('keeps serving when clients vanish while their downloads are answered', async () => {
		for (let round = 0; round < 10; round++) {
			const client = await connect();
			client.on('error', () => undefined);
			const socket = (client as unknown as { client: { _sock: Socket } }).client._sock;
			// The first chunk of data to arrive drops the connection while the other downloads' answers are on their way.
			const vanishing = new Writable({
				write: (_chunk, _encoding, done) => {
					socket.destroy();
					done();
				},
			});
			const downloads = Array.from({ length: FILES }, async (_, index) =>
				await client.get(`/export/invoice-${index}.xml`, index === 0 ? vanishing : undefined),
			);
			await Promise.allSettled(downloads);
		}
		const client = await connect();
		try {
			expect(await client.list('/export')).toHaveLength(FILES + 1);
		} finally {
			await client.end();
		}
		expect(unhandled).toEqual([]);
	});
});
