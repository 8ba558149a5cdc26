import { appendFileSync, chmodSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';

// "<30>Nov 25 19:56:01 " in front of "internal-sftp[123]: open ...".
const PRIORITY_AND_TIMESTAMP = /^<\d+>(?:[A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d )?/;

export interface SyslogSink {
	close(): Promise<void>;
}

/**
 * Listens on a Unix stream socket used as `/dev/log` and appends each message as one line to
 * `logFile`. glibc's syslog() falls back to a stream socket when /dev/log is not a datagram one,
 * NUL-terminating every message.
 */
export async function startSyslogSink(socketPath: string, logFile: string): Promise<SyslogSink> {
	appendFileSync(logFile, '', { mode: 0o644 });
	const connections = new Set<Socket>();
	const server: Server = createServer((socket) => {
		connections.add(socket);
		socket.once('close', () => connections.delete(socket));
		let pending = '';
		socket.setEncoding('utf8');
		socket.on('data', (chunk: string) => {
			pending += chunk;
			const messages = pending.split(/\0|\n/);
			pending = messages.pop() ?? '';
			const lines = messages.filter((message) => message !== '').map((message) => message.replace(PRIORITY_AND_TIMESTAMP, ''));
			if (lines.length > 0) appendFileSync(logFile, lines.map((line) => `${line}\n`).join(''));
		});
		socket.on('end', () => {
			if (pending !== '') appendFileSync(logFile, `${pending.replace(PRIORITY_AND_TIMESTAMP, '')}\n`);
			pending = '';
		});
		socket.on('error', () => undefined);
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(socketPath, () => resolve());
	});
	// The sftp session runs as the test user and must be allowed to connect.
	chmodSync(socketPath, 0o666);
	return {
		close: async () =>
			await new Promise<void>((resolve) => {
				server.close(() => resolve());
				for (const socket of connections) socket.destroy();
			}),
	};
}
