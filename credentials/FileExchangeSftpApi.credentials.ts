import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

import { SFTP_SETTING_DEFAULTS } from '../lib/exchange/credentials/credential-defaults';

/** Plain fields (a credential dialog cannot edit a collection), shown once "Show Advanced Settings" is on. */
function advancedSettings(fields: INodeProperties[]): INodeProperties[] {
	return fields.map((field) => ({ ...field, displayOptions: { show: { showAdvanced: [true] } } }));
}

export class FileExchangeSftpApi implements ICredentialType {
	name = 'fileExchangeSftpApi';

	displayName = 'File Exchange SFTP';

	documentationUrl = 'https://docs.n8n.io/integrations/builtin/credentials/ftp/';

	icon: Icon = { light: 'file:../nodes/shared/icons/fileExchange.svg', dark: 'file:../nodes/shared/icons/fileExchange.dark.svg' };

	properties: INodeProperties[] = [
		{
			displayName: 'Host',
			name: 'host',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'sftp.example.com',
		},
		{
			displayName: 'Port',
			name: 'port',
			type: 'number',
			default: 22,
			required: true,
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Leave empty when the server accepts the private key alone',
		},
		{
			displayName: 'Private Key',
			name: 'privateKey',
			type: 'string',
			typeOptions: { password: true, rows: 4 },
			default: '',
			description:
				'OpenSSH, PEM (PKCS#1, SEC1, PKCS#8) or PuTTY v2 private key; line breaks lost when pasting are restored',
		},
		{
			displayName: 'Passphrase',
			name: 'passphrase',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description: 'Only for an encrypted private key',
		},
		{
			displayName: 'Host Keys',
			name: 'hostKeys',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			placeholder: 'SHA256:… (ssh-ed25519)\n[sftp.example.com]:22 ssh-ed25519 AAAAC3Nza…',
			description:
				'The server keys to trust, one per line: SHA256 fingerprints or known_hosts lines. Test the credential to see every key the server offers.',
		},
		{
			displayName: 'Accept Any Host Key',
			name: 'acceptAnyHostKey',
			type: 'boolean',
			default: false,
			description: 'Whether to connect without checking the server key (not recommended)',
		},
		{
			displayName:
				'Without a host key check, anyone who can redirect the connection can read the files and the password. Pin the server keys instead whenever possible.',
			name: 'acceptAnyHostKeyWarning',
			type: 'notice',
			default: '',
			displayOptions: { show: { acceptAnyHostKey: [true] } },
		},
		{
			displayName: 'Show Advanced Settings',
			name: 'showAdvanced',
			type: 'boolean',
			default: false,
			description: 'Whether to show extra algorithms for legacy servers, timeouts and keepalive',
		},
		...advancedSettings([
			{
				displayName: 'Extra Cipher Algorithms',
				name: 'cipher',
				type: 'string',
				default: '',
				placeholder: 'aes128-cbc',
				description: 'Comma-separated ciphers to allow in addition to the secure defaults, for legacy servers',
			},
			{
				displayName: 'Extra Host Key Algorithms',
				name: 'serverHostKey',
				type: 'string',
				default: '',
				placeholder: 'ssh-dss',
				description: 'Comma-separated host key algorithms to allow in addition to the defaults',
			},
			{
				displayName: 'Extra Key Exchange Algorithms',
				name: 'kex',
				type: 'string',
				default: '',
				placeholder: 'diffie-hellman-group14-sha1',
				description: 'Comma-separated key exchange algorithms to allow in addition to the defaults',
			},
			{
				displayName: 'Extra MAC Algorithms',
				name: 'hmac',
				type: 'string',
				default: '',
				placeholder: 'hmac-sha1',
				description: 'Comma-separated MAC algorithms to allow in addition to the defaults',
			},
			{
				displayName: 'Connection Timeout (Seconds)',
				name: 'connectTimeout',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: SFTP_SETTING_DEFAULTS.connectTimeout,
			},
			{
				displayName: 'Operation Timeout (Seconds)',
				name: 'operationTimeout',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: SFTP_SETTING_DEFAULTS.operationTimeout,
				description: 'Longest wait for the server to answer one request such as a rename; transfers are not limited',
			},
			{
				displayName: 'Keepalive Interval (Seconds)',
				name: 'keepaliveInterval',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: SFTP_SETTING_DEFAULTS.keepaliveInterval,
				description: 'Seconds between keepalive packets; 0 turns them off',
			},
		]),
		{
			// Credentials saved before the settings above were plain fields keep their values here.
			displayName: 'Advanced (Earlier Format)',
			name: 'advanced',
			type: 'hidden',
			default: {},
		},
	];
}
