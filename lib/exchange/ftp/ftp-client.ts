import { isIP } from 'node:net';
import { posix } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import type { ConnectionOptions, TLSSocket } from 'node:tls';
import { Client, FileType, FTPError, type FileInfo } from 'basic-ftp';

import { BaseExchangeClient, type WrittenFile } from '../base-client';
import { enterActiveMode } from './ftp-active-mode';
import type { RemoteEntry, RemoteEntryType } from '../client';
import { ExchangeError, ftpOperationError, socketError } from '../errors';
import { ftpUploadChunks } from './ftp-upload-chunks';
import { checkedTransfersInFlight } from '../pool';

export type FtpTlsMode = 'none' | 'explicit' | 'implicit';

/** How long to wait for the server's reason after it reset an upload's data connection. */
const UPLOAD_VERDICT_WAIT_MS = 3000;

export interface FtpConnectionOptions {
	host: string;
	port: number;
	user: string;
	password: string;
	tls: FtpTlsMode;
	/** Verify the server certificate against the system CAs (or `caCertificate`); on by default. */
	verifyCertificate?: boolean;
	/** PEM of the CA (or the self-signed certificate itself) to trust instead of the system CAs. */
	caCertificate?: string;
	/** SHA-256 fingerprint of the server certificate (`AB:CD:…`), checked before the password is sent. */
	certificateFingerprint?: string;
	/** `active`: the server connects back to this machine for data (PORT/EPRT); `passive` by default. */
	transferMode?: 'passive' | 'active';
	connectTimeoutMs?: number;
}

const TYPE_BY_FILE_TYPE: Record<number, RemoteEntryType> = {
	[FileType.File]: 'file',
	[FileType.Directory]: 'directory',
	[FileType.SymbolicLink]: 'symlink',
};

const CERTIFICATE_ERROR = /CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ALTNAME|certificate/i;

function normaliseFingerprint(text: string): string {
	return text
		.replace(/^sha256:/i, '')
		.replace(/[^0-9a-f]/gi, '')
		.toUpperCase();
}

function modeOf(info: FileInfo): number | undefined {
	const permissions = info.permissions;
	if (!permissions) return undefined;
	return (permissions.user << 6) | (permissions.group << 3) | permissions.world;
}

/** The size of a file, undefined when there is none at the path. */
async function sizeOf(client: Client, path: string): Promise<number | undefined> {
	const reply = await client.send(`SIZE ${path}`).catch((error: unknown) => {
		if ((error as { code?: unknown }).code === 550) return undefined;
		throw error;
	});
	if (!reply) return undefined;
	const size = Number.parseInt(reply.message.slice(4), 10);
	if (!Number.isNaN(size)) return size;
	// ftp-srv answers SIZE of an empty file without the number ("213 File status"); LIST has it.
	const name = posix.basename(path);
	return (await client.list(posix.dirname(path))).find((info) => info.name === name)?.size;
}

/**
 * The SHA-256 fingerprint of the server certificate, read without trusting it and without logging in,
 * so a credential test can show what to pin. undefined for plain FTP or when it cannot be read.
 */
export async function probeFtpCertificate(options: FtpConnectionOptions): Promise<string | undefined> {
	if (options.tls === 'none') return undefined;
	const client = new Client(options.connectTimeoutMs ?? 20_000);
	const untrusted: ConnectionOptions = { host: options.host, rejectUnauthorized: false };
	const read = async () => {
		if (options.tls === 'implicit') await client.connectImplicitTLS(options.host, options.port, untrusted);
		else {
			await client.connect(options.host, options.port);
			await client.useTLS(untrusted);
		}
		return (client.ftp.socket as TLSSocket).getPeerCertificate().fingerprint256;
	};
	const fingerprint = await read().catch(() => undefined);
	client.close();
	return fingerprint;
}

/**
 * FTP and FTPS over basic-ftp. FTP runs one command at a time per connection, so every operation
 * waits its turn; basic-ftp reuses the control connection's TLS session on data connections, which
 * vsftpd requires by default (`require_ssl_reuse`).
 */
export class FtpExchangeClient extends BaseExchangeClient {
	readonly protocol = 'ftp' as const;
	readonly maxParallelTransfers = 1;
	protected readonly endpoint: string;
	private client: Client | undefined;
	private queue: Promise<unknown> = Promise.resolve();

	constructor(private readonly options: FtpConnectionOptions) {
		super();
		this.endpoint = `${options.host}:${options.port}`;
	}

	/** One control connection carries one transfer: any valid count leaves 1. */
	setMaxParallelTransfers(count: number): void {
		checkedTransfersInFlight(count);
	}

	async connect(): Promise<void> {
		await this.exclusive(async () => {
			await this.open();
		});
	}

	async close(): Promise<void> {
		const client = this.client;
		this.client = undefined;
		client?.close();
	}

	private tlsOptions(): ConnectionOptions {
		const pinned = Boolean(this.options.certificateFingerprint?.trim());
		const verify = this.options.verifyCertificate !== false && !pinned;
		const options: ConnectionOptions = {
			host: this.options.host,
			rejectUnauthorized: verify,
		};
		if (!isIP(this.options.host)) options.servername = this.options.host;
		if (this.options.caCertificate?.trim()) options.ca = this.options.caCertificate;
		return options;
	}

	private assertPinnedCertificate(client: Client): void {
		const pin = this.options.certificateFingerprint?.trim();
		if (!pin) return;
		const presented = (client.ftp.socket as TLSSocket).getPeerCertificate().fingerprint256 ?? '';
		if (normaliseFingerprint(presented) !== normaliseFingerprint(pin)) {
			throw new ExchangeError(
				'tls',
				`TLS certificate mismatch at ${this.endpoint}: the server presented SHA-256 ${presented}, which is not the pinned fingerprint`,
			);
		}
	}

	private connectError(error: unknown): ExchangeError {
		if (error instanceof ExchangeError) return error;
		const code = (error as { code?: unknown }).code;
		const message = (error as Error).message ?? String(error);
		if (code === 530) {
			return new ExchangeError(
				'authentication',
				`login failed for user "${this.options.user}" at ${this.endpoint}: wrong user name or password`,
				{ cause: error },
			);
		}
		if (CERTIFICATE_ERROR.test(String(code)) || CERTIFICATE_ERROR.test(message)) {
			return new ExchangeError(
				'tls',
				`the TLS certificate of ${this.endpoint} is not trusted (${String(code ?? message)}): add its CA certificate or SHA-256 fingerprint to the credential, or turn off certificate verification`,
				{ cause: error },
			);
		}
		if (code === 'ECONNRESET' && this.options.tls === 'implicit') {
			return new ExchangeError(
				'tls',
				`${this.endpoint} closed the connection during the TLS handshake: is it really implicit FTPS?`,
				{
					cause: error,
				},
			);
		}
		return (
			socketError(error, this.endpoint) ??
			new ExchangeError('other', `cannot open FTP on ${this.endpoint}: ${message}`, { cause: error })
		);
	}

	private async open(): Promise<Client> {
		const client = new Client(this.options.connectTimeoutMs ?? 20_000);
		if (this.options.transferMode === 'active') client.prepareTransfer = enterActiveMode;
		const { host, port, tls } = this.options;
		const handshake = async () => {
			if (tls === 'implicit') await client.connectImplicitTLS(host, port, this.tlsOptions());
			else await client.connect(host, port);
			client.ftp.socket.setNoDelay(true);
			if (tls === 'explicit') await client.useTLS(this.tlsOptions());
			// The certificate pin is checked before the password leaves this machine.
			if (tls !== 'none') this.assertPinnedCertificate(client);
			await client.login(this.options.user, this.options.password);
			await client.useDefaultSettings();
		};
		await handshake().catch((error: unknown) => {
			client.close();
			throw this.connectError(error);
		});
		this.client = client;
		return client;
	}

	/** Runs one operation after the previous one finished, reconnecting if an earlier failure closed the client. */
	private async exclusive<T>(run: (client: Client) => Promise<T>): Promise<T> {
		const result = this.queue.then(async () => {
			const client = this.client && !this.client.closed ? this.client : await this.open();
			return await run(client);
		});
		this.queue = result.catch(() => undefined);
		return await result;
	}

	private async command<T>(operation: string, path: string, run: (client: Client) => Promise<T>): Promise<T> {
		return await this.exclusive(run).catch((error: unknown) => {
			throw ftpOperationError(error, operation, path, this.endpoint);
		});
	}

	async stat(path: string): Promise<RemoteEntry | undefined> {
		return await this.command('stat', path, async (client) => {
			const base = { path, name: posix.basename(path) };
			const isFolder = await client.cd(path).then(
				() => true,
				() => false,
			);
			if (isFolder) return { ...base, type: 'directory' as const, size: 0 };
			const size = await sizeOf(client, path);
			if (size === undefined) return undefined;
			const modifiedAt = await client.lastMod(path).catch(() => undefined);
			return { ...base, type: 'file' as const, size, modifiedAt };
		});
	}

	/** FTP has no realpath: the server's own idea of the folder after changing into it (logical, not symlink-resolved). */
	async realpath(path: string): Promise<string> {
		return await this.command('realpath', path, async (client) => {
			await client.cd(path);
			return await client.pwd();
		});
	}

	async download(path: string): Promise<Readable> {
		const entry = await this.stat(path);
		if (!entry) throw new ExchangeError('notFound', `download ${path}: no such file`);
		if (entry.type !== 'file') throw new ExchangeError('other', `download ${path}: it is a ${entry.type}, not a file`);
		const output = new PassThrough();
		this.command('read', path, async (client) => await client.downloadTo(output, path)).catch((error: Error) =>
			output.destroy(error),
		);
		return output;
	}

	async delete(path: string): Promise<void> {
		await this.command('delete', path, async (client) => await client.remove(path));
	}

	protected async listFolder(folder: string, wanted?: (name: string) => boolean): Promise<RemoteEntry[]> {
		return await this.command('list', folder, async (client) => {
			const infos = (await client.list(folder)).filter((info) => info.name !== '.' && info.name !== '..');
			const entries: RemoteEntry[] = [];
			for (const info of infos) {
				const path = posix.join(folder, posix.basename(info.name));
				const type = TYPE_BY_FILE_TYPE[info.type] ?? 'other';
				if (wanted && type !== 'directory' && !wanted(posix.basename(path))) continue;
				// Without MLSD the LIST time is rounded to minutes or days: ask MDTM for the exact one.
				const modifiedAt =
					info.modifiedAt ?? (type === 'file' ? await client.lastMod(path).catch(() => undefined) : undefined);
				entries.push({
					path,
					name: posix.basename(path),
					type,
					size: info.size,
					modifiedAt,
					mode: modeOf(info),
				});
			}
			return entries;
		});
	}

	protected async makeFolder(path: string): Promise<void> {
		await this.command('create folder', path, async (client) => await client.send(`MKD ${path}`));
	}

	protected async setMode(path: string, mode: number): Promise<void> {
		await this.command('chmod', path, async (client) => await client.send(`SITE CHMOD ${mode.toString(8)} ${path}`));
	}

	/** FTP has no way to set the mode of an open file: the caller sends SITE CHMOD afterwards. */
	protected async writeFile(path: string, content: Readable | Buffer): Promise<WrittenFile> {
		let bytes = 0;
		// Read only when the upload's turn comes; an error before that is kept by the stream and thrown then.
		if (!Buffer.isBuffer(content)) content.once('error', () => undefined);
		await this.command('write', path, async (client) => {
			const chunks = ftpUploadChunks(content, client.ftp, (length) => {
				bytes += length;
			});
			await client.uploadFrom(Readable.from(chunks, { objectMode: false }), path).catch(async (error: unknown) => {
				throw await this.uploadVerdict(client, error);
			});
		});
		return { bytes, modeSet: false };
	}

	/**
	 * A server that cannot write (disk full, quota, file size limit) resets the data connection, then
	 * gives its reason on the control connection (vsftpd: 451). That reply comes after basic-ftp has
	 * failed the upload for the reset, so it is awaited here; the session is closed either way, since
	 * it may still hold an unread reply, and the next operation opens a fresh one.
	 */
	private async uploadVerdict(client: Client, dataError: unknown): Promise<unknown> {
		if (client.closed || dataError instanceof FTPError) return dataError;
		const reply: unknown = await Promise.race([
			client.ftp
				.handle(undefined, (response, task) => (response instanceof Error ? task.reject(response) : task.resolve(response)))
				.catch((error: unknown) => error),
			new Promise((resolve) => setTimeout(resolve, UPLOAD_VERDICT_WAIT_MS)),
		]);
		client.close();
		return reply instanceof FTPError ? reply : dataError;
	}

	protected async rename(from: string, to: string): Promise<void> {
		await this.command('rename', `${from} → ${to}`, async (client) => await client.rename(from, to));
	}

	/** RNFR/RNTO replaces the target on POSIX servers; a server that refuses gets a rename-aside replace. */
	protected async replace(from: string, to: string): Promise<void> {
		await this.rename(from, to).catch(async (error: unknown) => {
			if (!(await this.stat(to))) throw error;
			await this.replaceAside(from, to);
		});
	}
}
