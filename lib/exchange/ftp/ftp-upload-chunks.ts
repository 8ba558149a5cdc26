import type { Readable } from 'node:stream';
import { TLSSocket } from 'node:tls';
import type { FTPContext } from 'basic-ftp';

/**
 * Resolves once the client's TLS handshake is complete (both Finished messages exchanged), or once
 * the socket is closed without completing it.
 */
export async function tlsHandshakeDone(socket: TLSSocket): Promise<void> {
	if (socket.destroyed || (socket.getFinished() && socket.getPeerFinished())) return;
	await new Promise<void>((resolve) => {
		const settle = () => {
			socket.removeListener('secureConnect', settle);
			socket.removeListener('close', settle);
			resolve();
		};
		socket.once('secureConnect', settle);
		socket.once('close', settle);
	});
}

/**
 * The content of one FTP upload, each chunk reported to `counted`, ending only once the data
 * connection's TLS handshake is done. basic-ftp starts piping when `getCipher()` is set, which a
 * resumed session sets before the handshake; an empty upload then closed the data connection
 * mid-handshake, and vsftpd failed it with a TLS alert. `ftp.dataSocket` is basic-ftp's own
 * undocumented field; test/integration/exchange/library-internals.test.ts fails if that changes.
 */
export async function* ftpUploadChunks(
	content: Readable | Buffer,
	ftp: FTPContext,
	counted: (bytes: number) => void,
): AsyncGenerator<Buffer> {
	for await (const chunk of Buffer.isBuffer(content) ? [content] : content) {
		const bytes = chunk as Buffer;
		counted(bytes.length);
		yield bytes;
	}
	const dataSocket = ftp.dataSocket;
	if (dataSocket instanceof TLSSocket) await tlsHandshakeDone(dataSocket);
}
