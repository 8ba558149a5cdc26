import type { Emulator } from '../../emulator';

export interface DemoSftpLogin {
	host: string;
	port: number;
	username: string;
	password: string;
	/** The server's host key as `SHA256:…`. */
	fingerprint: string;
}

/** The demo's data for a credential type the examples use, or undefined for a type it cannot fill. */
export function demoCredentialData(type: string, emulator: Emulator, sftp: DemoSftpLogin): Record<string, unknown> | undefined {
	switch (type) {
		case 'billitApi': {
			const { apiKey, partyIds } = emulator.admin.credentials();
			return { environment: 'custom', baseUrl: emulator.url, apiKey, partyId: String(partyIds[0]) };
		}
		case 'fileExchangeSftpApi':
			return { host: sftp.host, port: sftp.port, username: sftp.username, password: sftp.password, hostKeys: sftp.fingerprint, acceptAnyHostKey: false };
		// n8n's own SFTP credential, for its FTP node with protocol SFTP: it has no host-key field.
		case 'sftp':
			return { host: sftp.host, port: sftp.port, username: sftp.username, password: sftp.password };
		default:
			return undefined;
	}
}

/**
 * What a user types into n8n's credential dialogs to reach the demo from workflows of their own,
 * per credential, with the names the demo created them under.
 */
export function demoCredentialLines(emulator: Emulator, sftp: DemoSftpLogin, created: Map<string, Array<{ name: string }>>): string[] {
	const { apiKey, partyIds } = emulator.admin.credentials();
	const names = (type: string) => (created.get(type) ?? []).map(({ name }) => `"${name}"`).join(', ') || 'none yet';
	const server = `Host ${sftp.host}, Port ${sftp.port}, Username ${sftp.username}, Password ${sftp.password}`;
	return [
		`Billit API (in n8n: ${names('billitApi')}): Environment Custom, Base URL ${emulator.url}, API Key ${apiKey}, Party ID ${partyIds[0]}`,
		`File Exchange SFTP (in n8n: ${names('fileExchangeSftpApi')}): ${server}, Host Keys ${sftp.fingerprint}`,
		`SFTP, for n8n's FTP node with Protocol SFTP (in n8n: ${names('sftp')}): ${server}`,
	];
}
