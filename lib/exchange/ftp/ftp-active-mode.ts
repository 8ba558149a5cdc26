import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { Duplex } from 'node:stream';
import { connect as tlsConnect, TLSSocket } from 'node:tls';
import type { FTPContext, FTPResponse } from 'basic-ftp';

function listen(server: Server, host: string): Promise<void> {
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, host, () => {
			server.removeListener('error', reject);
			resolve();
		});
	});
}

/**
 * Stands in for the data connection until the server has connected: basic-ftp may start piping
 * as soon as the server answers 150, which can arrive before the connection is accepted here.
 */
class DeferredDataSocket extends Duplex {
	private target: Socket | undefined;
	private waiting: (() => void) | undefined;
	private connectTimer: NodeJS.Timeout | undefined;

	attach(target: Socket): void {
		clearTimeout(this.connectTimer);
		this.target = target;
		target.on('data', (chunk: Buffer) => {
			if (!this.push(chunk)) target.pause();
		});
		target.on('end', () => this.push(null));
		target.on('error', (error) => this.destroy(error));
		this.waiting?.();
		this.waiting = undefined;
	}

	get remoteAddress(): string | undefined {
		return this.target?.remoteAddress;
	}

	get remotePort(): number | undefined {
		return this.target?.remotePort;
	}

	setTimeout(ms: number, callback?: () => void): this {
		if (this.target) {
			this.target.setTimeout(ms, callback);
			return this;
		}
		// A firewall in front of this machine is the usual reason active mode never connects.
		clearTimeout(this.connectTimer);
		if (ms > 0) {
			this.connectTimer = setTimeout(
				() => this.destroy(new Error('the server did not open the active-mode data connection in time')),
				ms,
			);
		}
		return this;
	}

	private whenAttached(run: (target: Socket) => void): void {
		if (this.target) run(this.target);
		else this.waiting = () => run(this.target as Socket);
	}

	_read(): void {
		this.target?.resume();
	}

	_write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
		this.whenAttached((target) => target.write(chunk, callback));
	}

	_final(callback: (error?: Error | null) => void): void {
		this.whenAttached((target) => target.end(callback));
	}

	_destroy(error: Error | null, callback: (error?: Error | null) => void): void {
		clearTimeout(this.connectTimer);
		this.target?.destroy();
		callback(error);
	}
}

function portCommand(host: string, port: number): string {
	if (host.includes(':')) return `EPRT |2|${host}|${port}|`;
	return `PORT ${host.replace(/\./g, ',')},${port >> 8},${port & 255}`;
}

/**
 * Active-mode transfers for basic-ftp, which only speaks passive mode: this machine listens on the
 * address of the control connection, tells the server with PORT (EPRT for IPv6), and takes the
 * server's connection as the data connection, wrapped in TLS (resuming the control session) for FTPS.
 * basic-ftp reads the data socket only when the server answers 150, after it connected to us. It
 * takes it from `ftp.dataSocket`, undocumented (test/integration/exchange/library-internals.test.ts).
 */
export async function enterActiveMode(ftp: FTPContext): Promise<FTPResponse> {
	const localHost = (ftp.socket.localAddress ?? '127.0.0.1').replace(/^::ffff:/i, '');
	const server = createServer();
	await listen(server, localHost);
	const { port } = server.address() as AddressInfo;
	const deferred = new DeferredDataSocket();
	deferred.once('close', () => server.close());
	ftp.dataSocket = deferred as unknown as Socket;
	const secure = ftp.socket instanceof TLSSocket;
	server.once('connection', (raw: Socket) => {
		server.close();
		raw.setNoDelay(true);
		if (!secure) {
			deferred.attach(raw);
			return;
		}
		const tlsSocket = tlsConnect({
			...ftp.tlsOptions,
			socket: raw,
			session: ftp.tlsSessionStore ?? (ftp.socket as TLSSocket).getSession(),
		});
		tlsSocket.on('session', (session: Buffer) => {
			ftp.tlsSessionStore = session;
		});
		tlsSocket.once('secureConnect', () => deferred.attach(tlsSocket));
		tlsSocket.once('error', (error) => deferred.destroy(error));
	});
	const response = await ftp.request(portCommand(localHost, port)).catch((error: unknown) => {
		server.close();
		throw error;
	});
	return response;
}
