import type { ExchangeProtocol, FileExchangeClient } from '../client';
import { FtpExchangeClient, type FtpConnectionOptions, type FtpTlsMode } from '../ftp/ftp-client';
import { SftpExchangeClient } from '../sftp/sftp-client';
import type { SftpConnectionOptions } from '../sftp/sftp-connection';
import { SFTP_SETTING_DEFAULTS } from './credential-defaults';

/** Credential data as n8n hands it over (decrypted). */
export type CredentialData = Record<string, unknown>;

function text(data: CredentialData, key: string): string | undefined {
	const value = data[key];
	if (typeof value === 'number') return String(value);
	return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function number(data: CredentialData, key: string, fallback: number): number {
	const value = Number(data[key]);
	return Number.isFinite(value) && data[key] !== '' && data[key] !== undefined ? value : fallback;
}

function list(value: unknown): string[] | undefined {
	if (typeof value !== 'string') return undefined;
	const items = value
		.split(',')
		.map((item) => item.trim())
		.filter(Boolean);
	return items.length > 0 ? items : undefined;
}

/**
 * The SFTP credential's advanced settings are plain fields; credentials saved when they were a collection
 * (`advanced`) keep working: a field left at its default gives way to the value saved in that collection.
 */
function advancedSetting(data: CredentialData, key: string, fallback: string | number): unknown {
	const value = data[key];
	if (value !== undefined && value !== '' && value !== fallback) return value;
	const saved = (data.advanced ?? {}) as CredentialData;
	return saved[key] ?? value;
}

function advancedNumber(data: CredentialData, key: keyof typeof SFTP_SETTING_DEFAULTS): number {
	const fallback = SFTP_SETTING_DEFAULTS[key];
	return number({ [key]: advancedSetting(data, key, fallback) }, key, fallback);
}

function advancedList(data: CredentialData, key: string): string[] | undefined {
	return list(advancedSetting(data, key, ''));
}

export function sftpOptionsFromCredential(data: CredentialData): SftpConnectionOptions {
	return {
		host: (text(data, 'host') ?? '').trim(),
		port: number(data, 'port', 22),
		username: text(data, 'username') ?? '',
		password: text(data, 'password'),
		privateKey: text(data, 'privateKey'),
		passphrase: text(data, 'passphrase'),
		hostKeys: text(data, 'hostKeys'),
		acceptAnyHostKey: data.acceptAnyHostKey === true,
		algorithms: {
			cipher: advancedList(data, 'cipher'),
			kex: advancedList(data, 'kex'),
			hmac: advancedList(data, 'hmac'),
			serverHostKey: advancedList(data, 'serverHostKey'),
		},
		connectTimeoutMs: advancedNumber(data, 'connectTimeout') * 1000,
		keepaliveIntervalMs: advancedNumber(data, 'keepaliveInterval') * 1000,
		operationTimeoutMs: advancedNumber(data, 'operationTimeout') * 1000,
	};
}

export function ftpOptionsFromCredential(data: CredentialData): FtpConnectionOptions {
	const tls = (text(data, 'tls') ?? 'explicit') as FtpTlsMode;
	return {
		host: (text(data, 'host') ?? '').trim(),
		port: number(data, 'port', tls === 'implicit' ? 990 : 21),
		user: text(data, 'user') ?? '',
		password: text(data, 'password') ?? '',
		tls,
		verifyCertificate: data.verifyTls !== false,
		caCertificate: text(data, 'trustedCa'),
		certificateFingerprint: text(data, 'tlsFingerprint'),
		transferMode: data.transferMode === 'active' ? 'active' : 'passive',
		connectTimeoutMs: number(data, 'connectTimeout', 20) * 1000,
	};
}

/** An unconnected client for the protocol, configured from its credential. */
export function createExchangeClient(protocol: ExchangeProtocol, data: CredentialData): FileExchangeClient {
	return protocol === 'sftp'
		? new SftpExchangeClient(sftpOptionsFromCredential(data))
		: new FtpExchangeClient(ftpOptionsFromCredential(data));
}
