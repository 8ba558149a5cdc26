import { Client as SshClient, type Algorithms, type ConnectConfig, type SFTPWrapper } from 'ssh2';
import SftpClient from 'ssh2-sftp-client';

import { ExchangeError, socketError } from '../errors';
import {
	PROBED_KEY_TYPES,
	algorithmsForKeyType,
	describePresentedKey,
	hostKeyMismatchError,
	matchesPin,
	missingPinError,
	parseHostKeyPins,
	pinnedAlgorithms,
	type HostKeyPin,
	type PresentedHostKey,
} from '../credentials/host-keys';
import { preparePrivateKey } from '../credentials/private-key';
import { coalesceWritesPerTick, openSocket } from '../socket';

/** Extra algorithms for legacy servers, appended to ssh2's defaults. */
export interface LegacyAlgorithms {
	kex?: string[];
	cipher?: string[];
	serverHostKey?: string[];
	hmac?: string[];
}

export interface SftpConnectionOptions {
	host: string;
	port: number;
	username: string;
	password?: string;
	privateKey?: string;
	passphrase?: string;
	/** One pin per line: `SHA256:…` fingerprints or known_hosts lines. */
	hostKeys?: string;
	acceptAnyHostKey?: boolean;
	algorithms?: LegacyAlgorithms;
	/** Milliseconds between SSH keepalive packets; 0 turns them off. */
	keepaliveIntervalMs?: number;
	connectTimeoutMs?: number;
	/** Longest wait for the answer to one SFTP request (stat, rename, …); transfers are not limited. */
	operationTimeoutMs?: number;
	/** Streamed uploads of at least this many bytes run on a thread and connection of their own (default: none). */
	uploadThreadMinBytes?: number;
	/** Downloads of at least this many bytes run on a thread and connection of their own (default: none). */
	downloadThreadMinBytes?: number;
}

export interface SftpConnection {
	client: SftpClient;
	sftp: SFTPWrapper;
	hostKey: PresentedHostKey;
}

const DEFAULT_CONNECT_TIMEOUT_MS = 20_000;

function endpointOf(options: SftpConnectionOptions): string {
	return `${options.host}:${options.port}`;
}

function buildAlgorithms(extra: LegacyAlgorithms | undefined, serverHostKey: string[] | undefined): Algorithms {
	// No cipher order of our own: ssh2's default already starts with AES-GCM (Node's native crypto) and,
	// without its native binding, puts chacha20-poly1305 (Poly1305 in JavaScript) last: measured 25 % more CPU per file.
	const algorithms: Algorithms = {};
	if (extra?.kex?.length) algorithms.kex = { append: extra.kex } as Algorithms['kex'];
	if (extra?.cipher?.length) algorithms.cipher = { append: extra.cipher } as Algorithms['cipher'];
	if (extra?.hmac?.length) algorithms.hmac = { append: extra.hmac } as Algorithms['hmac'];
	if (serverHostKey) algorithms.serverHostKey = serverHostKey as Algorithms['serverHostKey'];
	else if (extra?.serverHostKey?.length) {
		algorithms.serverHostKey = {
			append: extra.serverHostKey,
		} as Algorithms['serverHostKey'];
	}
	return algorithms;
}

/**
 * Asks the server for its host key of one type without authenticating: the handshake is stopped in
 * the host-key check. undefined when the server has no key of that type.
 */
async function probeHostKey(options: SftpConnectionOptions, keyType: string): Promise<PresentedHostKey | undefined> {
	const timeout = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
	const socket = await openSocket(options.host, options.port, timeout);
	return await new Promise<PresentedHostKey | undefined>((resolve) => {
		const ssh = new SshClient();
		let presented: PresentedHostKey | undefined;
		const finish = () => {
			ssh.end();
			socket.destroy();
			resolve(presented);
		};
		ssh.once('error', finish);
		ssh.once('close', finish);
		ssh.connect({
			sock: socket,
			username: options.username,
			readyTimeout: timeout,
			algorithms: buildAlgorithms(options.algorithms, algorithmsForKeyType(keyType)),
			hostVerifier: (blob: Buffer) => {
				presented = describePresentedKey(blob);
				return false;
			},
		});
	});
}

/** Every host key the server offers, one handshake per key type; used by the credential test. */
export async function probeHostKeys(options: SftpConnectionOptions): Promise<PresentedHostKey[]> {
	const offered: PresentedHostKey[] = [];
	for (const keyType of PROBED_KEY_TYPES) {
		const key = await probeHostKey(options, keyType);
		if (key && !offered.some((known) => known.fingerprint === key.fingerprint)) offered.push(key);
	}
	return offered;
}

function authenticationConfig(options: SftpConnectionOptions): Partial<ConnectConfig> {
	const config: Partial<ConnectConfig> = { username: options.username };
	if (options.password) config.password = options.password;
	if (options.privateKey?.trim()) {
		const usable = preparePrivateKey(options.privateKey, options.passphrase);
		config.privateKey = usable.key;
		if (usable.passphrase !== undefined) config.passphrase = usable.passphrase;
	}
	if (!config.password && !config.privateKey) {
		throw new ExchangeError('authentication', 'the SFTP credential has neither a password nor a private key');
	}
	return config;
}

function connectError(error: unknown, options: SftpConnectionOptions): ExchangeError {
	const endpoint = endpointOf(options);
	if (error instanceof ExchangeError) return error;
	const level = (error as { level?: string }).level;
	const text = error instanceof Error ? error.message : String(error);
	// ssh2-sftp-client re-wraps ssh2's errors, keeping the message but not the `level`.
	if (level === 'client-authentication' || /authentication methods failed/i.test(text)) {
		return new ExchangeError(
			'authentication',
			`authentication failed for user "${options.username}" at ${endpoint}: wrong password, or the server does not accept the private key`,
			{ cause: error },
		);
	}
	if (level === 'client-timeout' || /timed out while waiting for handshake/i.test(text)) {
		return new ExchangeError('timeout', `${endpoint} did not complete the SSH handshake in time`, { cause: error });
	}
	const fromSocket = socketError(error, endpoint);
	if (fromSocket) return fromSocket;
	const message = error instanceof Error ? error.message : String(error);
	if (/handshake failed|no matching/i.test(message)) {
		return new ExchangeError(
			'other',
			`SSH handshake with ${endpoint} failed (${message}); a legacy server may need extra algorithms in the credential`,
			{ cause: error },
		);
	}
	return new ExchangeError('other', `cannot open SFTP on ${endpoint}: ${message}`, { cause: error });
}

async function connectOnce(
	options: SftpConnectionOptions,
	pins: HostKeyPin[],
	serverHostKey: string[] | undefined,
	auth: Partial<ConnectConfig>,
): Promise<SftpConnection> {
	const timeout = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
	const socket = await openSocket(options.host, options.port, timeout);
	coalesceWritesPerTick(socket);
	let presented: PresentedHostKey | undefined;
	let mismatch = false;
	const client = new SftpClient('file-exchange');
	const connected = client.connect({
		...auth,
		sock: socket,
		readyTimeout: timeout,
		keepaliveInterval: options.keepaliveIntervalMs ?? 10_000,
		retries: 0,
		algorithms: buildAlgorithms(options.algorithms, serverHostKey),
		hostVerifier: (blob: Buffer) => {
			presented = describePresentedKey(blob);
			if (options.acceptAnyHostKey) return true;
			mismatch = !matchesPin(pins, presented);
			return !mismatch;
		},
	} as SftpClient.ConnectOptions);
	const sftp = await connected.catch(async (error: unknown) => {
		socket.destroy();
		await client.end().catch(() => undefined);
		throw mismatch && presented ? hostKeyMismatchError(presented, endpointOf(options)) : connectError(error, options);
	});
	return { client, sftp, hostKey: presented as PresentedHostKey };
}

/**
 * Connects and authenticates only after the host key matched a pin. With typed pins the client offers
 * only those key types, so a server that also holds another key type is not a false mismatch; with
 * untyped fingerprints a mismatch is re-checked against every key type the server has.
 */
export async function connectSftp(options: SftpConnectionOptions): Promise<SftpConnection> {
	const auth = authenticationConfig(options);
	const pins = parseHostKeyPins(options.hostKeys);
	if (!options.acceptAnyHostKey && pins.length === 0) {
		throw missingPinError(await probeHostKeys(options), endpointOf(options));
	}
	const restricted = options.acceptAnyHostKey ? undefined : pinnedAlgorithms(pins);
	return await connectOnce(options, pins, restricted, auth).catch(async (error: unknown) => {
		const retryOtherTypes = error instanceof ExchangeError && error.kind === 'hostKey' && restricted === undefined;
		if (!retryOtherTypes) throw error;
		const offered = await probeHostKeys(options);
		const pinned = offered.find((key) => matchesPin(pins, key));
		if (!pinned) throw error;
		return await connectOnce(options, pins, algorithmsForKeyType(pinned.keyType), auth);
	});
}
