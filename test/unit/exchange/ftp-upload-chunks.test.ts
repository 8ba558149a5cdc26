import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { connect, createSecureContext, TLSSocket, type SecureContext } from 'node:tls';
import type { FTPContext } from 'basic-ftp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { ftpUploadChunks, tlsHandshakeDone } from '../../../lib/exchange/ftp/ftp-upload-chunks';
import { generateTlsCertificate } from '../../support/servers/keys';

const HOST = '127.0.0.1';

/**
 * A TCP server that, like vsftpd on a data connection, starts its side of TLS only when the test says
 * so; the server side reports what it read once the client ended.
 */
class LateTlsServer {
	private readonly server: Server = createServer((raw) => this.accepted.push(raw));
	private readonly accepted: Socket[] = [];
	private readonly secured: TLSSocket[] = [];

	constructor(private readonly context: SecureContext) {}

	async listen(): Promise<number> {
		this.server.listen(0, HOST);
		await once(this.server, 'listening');
		return (this.server.address() as AddressInfo).port;
	}

	/** Starts TLS on the next accepted connection; resolves with all it read once the client ended. */
	async startTls(): Promise<Buffer> {
		while (this.accepted.length === 0) await once(this.server, 'connection');
		const tls = new TLSSocket(this.accepted.shift() as Socket, { isServer: true, secureContext: this.context });
		this.secured.push(tls);
		const chunks: Buffer[] = [];
		tls.on('data', (chunk: Buffer) => chunks.push(chunk));
		await once(tls, 'end');
		tls.end();
		return Buffer.concat(chunks);
	}

	close(): void {
		for (const socket of [...this.accepted, ...this.secured]) socket.destroy();
		this.server.close();
	}
}

/** Lets pending I/O callbacks run, so whatever would happen without waiting for the handshake has. */
async function nextTicks(count: number): Promise<void> {
	for (let tick = 0; tick < count; tick++) await new Promise((resolve) => setImmediate(resolve));
}

function ftpWith(dataSocket: Socket | undefined): FTPContext {
	return { dataSocket } as FTPContext;
}

describe('FTP upload chunks over a TLS data connection', () => {
	let folder: string;
	let ca: string;
	let server: LateTlsServer;
	let port: number;
	let session: Buffer;
	const clients: TLSSocket[] = [];

	const connectClient = (resumed?: Buffer) => {
		const client = connect({ host: HOST, port, ca, session: resumed });
		client.on('session', (ticket: Buffer) => {
			session = ticket;
		});
		clients.push(client);
		return client;
	};

	beforeAll(async () => {
		folder = await mkdtemp(join(tmpdir(), 'ftp-upload-chunks-'));
		const certificate = await generateTlsCertificate(join(folder, 'cert.pem'), join(folder, 'key.pem'), HOST);
		ca = certificate.certPem;
		server = new LateTlsServer(createSecureContext({ cert: ca, key: await readFile(certificate.keyFile, 'utf8') }));
		port = await server.listen();
		// A first connection yields the session the data connections resume, as basic-ftp's do.
		const first = connectClient();
		const served = server.startTls();
		await once(first, 'session');
		first.end();
		await served;
	});

	afterEach(() => {
		for (const client of clients.splice(0)) client.destroy();
	});

	afterAll(async () => {
		server?.close();
		await rm(folder, { recursive: true, force: true });
	});

	it('waits for the handshake of a resumed session, whose cipher is known before it', async () => {
		const client = connectClient(session);
		await once(client, 'connect');
		// What basic-ftp takes for a finished handshake.
		expect(client.getCipher()).toBeDefined();
		let done = false;
		const handshake = tlsHandshakeDone(client).then(() => {
			done = true;
		});
		await nextTicks(5);
		expect(done).toBe(false);

		const served = server.startTls();
		await handshake;
		expect(client.getFinished()).toBeDefined();
		expect(client.getPeerFinished()).toBeDefined();
		expect(client.isSessionReused()).toBe(true);
		await tlsHandshakeDone(client);
		client.end();
		await served;
	});

	it('ends an empty upload only after the handshake, which the server then sees as a clean empty file', async () => {
		const client = connectClient(session);
		await once(client, 'connect');
		const counted: number[] = [];
		const upload = pipeline(
			Readable.from(ftpUploadChunks(Buffer.alloc(0), ftpWith(client), (bytes) => counted.push(bytes)), {
				objectMode: false,
			}),
			client,
		);
		await nextTicks(5);
		expect(client.writableEnded).toBe(false);

		const received = server.startTls();
		await upload;
		expect((await received).length).toBe(0);
		expect(counted).toEqual([0]);
	});

	it('stops waiting when the connection closes before its handshake', async () => {
		const client = connectClient(session);
		await once(client, 'connect');
		const handshake = tlsHandshakeDone(client);
		client.destroy();
		await expect(handshake).resolves.toBeUndefined();
		await expect(tlsHandshakeDone(client)).resolves.toBeUndefined();
	});
});

describe('FTP upload chunks', () => {
	it('yields a stream unchanged, counting each chunk, and ends at once without TLS', async () => {
		const counted: number[] = [];
		const chunks = ftpUploadChunks(Readable.from([Buffer.from('ab'), Buffer.from('cde')]), ftpWith(undefined), (bytes) =>
			counted.push(bytes),
		);
		const received: Buffer[] = [];
		for await (const chunk of chunks) received.push(chunk);
		expect(Buffer.concat(received).toString()).toBe('abcde');
		expect(counted).toEqual([2, 3]);
	});

	it('throws the error of the content', async () => {
		const failing = new Readable({
			read() {
				this.destroy(new Error('binary data is gone'));
			},
		});
		const chunks = ftpUploadChunks(failing, ftpWith(undefined), () => undefined);
		await expect(chunks.next()).rejects.toThrow('binary data is gone');
	});
});
