import type { Socket } from 'node:net';
import { createSecureContext, TLSSocket, type SecureContextOptions } from 'node:tls';

interface FtpSrvConnection {
	commandSocket: Socket;
	secure: boolean;
	reply(code: number): Promise<unknown>;
}

interface CommandRegistration {
	handler: (this: FtpSrvConnection, request: { command: { arg?: string } }) => unknown;
}

/** Events ftp-srv listens for on the command socket; a TLS socket re-emits them there. */
const FORWARDED_EVENTS = ['data', 'timeout', 'end', 'close', 'drain', 'error'];

/**
 * ftp-srv answers AUTH TLS with 234 and wraps the socket in TLS only after that write's callback, a few
 * ticks later; a client's TLS hello arriving in between is handed to ftp-srv's command parser as well
 * (even from a paused socket, whose buffered bytes Node re-reads as 'data' when TLS takes over), which
 * answers 502 with the hello's bytes and breaks the handshake. Here the 234 is queued and the socket
 * wrapped in the same tick, before the client can have sent anything.
 */
export function upgradeToTlsInTheSameTick(registry: Record<string, CommandRegistration>, tls: SecureContextOptions): void {
	const original = registry.AUTH;
	const secureContext = createSecureContext(tls);
	registry.AUTH = {
		...original,
		handler(request) {
			if (request.command.arg?.toUpperCase() !== 'TLS' || this.secure) return original.handler.call(this, request);
			const plain = this.commandSocket;
			plain.write('234 Honored\r\n');
			const secure = new TLSSocket(plain, { isServer: true, secureContext });
			for (const event of FORWARDED_EVENTS) secure.on(event, (...args: unknown[]) => plain.emit(event, ...args));
			this.commandSocket = secure;
			this.secure = true;
			return undefined;
		},
	};
}
