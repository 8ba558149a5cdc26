import { ExchangeError } from '../errors';
import { FtpExchangeClient, probeFtpCertificate, type FtpConnectionOptions } from '../ftp/ftp-client';
import { formatPresentedKey, type PresentedHostKey } from './host-keys';
import { SftpExchangeClient } from '../sftp/sftp-client';
import { probeHostKeys, type SftpConnectionOptions } from '../sftp/sftp-connection';

export interface ConnectionTestResult {
	ok: boolean;
	message: string;
}

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

function offeredKeys(keys: PresentedHostKey[]): string {
	return keys.length > 0 ? ` The server offers: ${keys.map(formatPresentedKey).join(', ')}.` : '';
}

/** Connects and logs in; the message always lists every host key the server offers, ready to pin. */
export async function testSftpConnection(options: SftpConnectionOptions): Promise<ConnectionTestResult> {
	const offered = await probeHostKeys(options).catch(() => []);
	const client = new SftpExchangeClient(options);
	const outcome = await client
		.connect()
		.then(async () => await client.realpath('.'))
		.then(
			(home): ConnectionTestResult => ({
				ok: true,
				message: `Connected as ${options.username}, start folder ${home}; host key ${
					client.hostKey ? formatPresentedKey(client.hostKey) : 'unknown'
				}.${offeredKeys(offered)}`,
			}),
			(error: unknown): ConnectionTestResult => {
				const listsKeys = error instanceof ExchangeError && error.kind === 'hostKey';
				return { ok: false, message: `${messageOf(error)}${listsKeys ? '' : offeredKeys(offered)}` };
			},
		);
	await client.close();
	return outcome;
}

/** Connects and logs in; with TLS the message names the certificate fingerprint, ready to pin. */
export async function testFtpConnection(options: FtpConnectionOptions): Promise<ConnectionTestResult> {
	const client = new FtpExchangeClient(options);
	const outcome = await client
		.connect()
		.then(async () => await client.realpath('.'))
		.then(
			(home): ConnectionTestResult => ({ ok: true, message: `Connected as ${options.user}, start folder ${home}.` }),
			(error: unknown): ConnectionTestResult => ({ ok: false, message: messageOf(error) }),
		);
	await client.close();
	const fingerprint = await probeFtpCertificate(options);
	if (fingerprint) outcome.message += ` Server certificate SHA-256 fingerprint: ${fingerprint}.`;
	return outcome;
}
