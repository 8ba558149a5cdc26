import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

export class FileExchangeFtpApi implements ICredentialType {
	name = 'fileExchangeFtpApi';

	displayName = 'File Exchange FTP';

	documentationUrl = 'https://docs.n8n.io/integrations/builtin/credentials/ftp/';

	icon: Icon = { light: 'file:../nodes/shared/icons/fileExchange.svg', dark: 'file:../nodes/shared/icons/fileExchange.dark.svg' };

	properties: INodeProperties[] = [
		{
			displayName: 'Host',
			name: 'host',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'ftp.example.com',
		},
		{
			displayName: 'Port',
			name: 'port',
			type: 'number',
			default: 21,
			required: true,
			description: 'Usually 21, or 990 for implicit TLS',
		},
		{
			displayName: 'User',
			name: 'user',
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
		},
		{
			displayName: 'TLS',
			name: 'tls',
			type: 'options',
			options: [
				{ name: 'Explicit (AUTH TLS)', value: 'explicit', description: 'FTPS on the normal port; the usual choice' },
				{ name: 'Implicit', value: 'implicit', description: 'TLS from the first byte, usually on port 990' },
				{ name: 'None', value: 'none', description: 'Plain FTP: password and files travel unencrypted' },
			],
			default: 'explicit',
		},
		{
			displayName: 'Verify Certificate',
			name: 'verifyTls',
			type: 'boolean',
			default: true,
			description: 'Whether to check the server certificate against the trusted certificate authorities',
			displayOptions: { hide: { tls: ['none'] } },
		},
		{
			displayName: 'CA Certificate',
			name: 'trustedCa',
			type: 'string',
			typeOptions: { rows: 3 },
			default: '',
			placeholder: '-----BEGIN CERTIFICATE-----',
			description: 'PEM of the certificate authority, or of a self-signed server certificate, to trust',
			displayOptions: { hide: { tls: ['none'] } },
		},
		{
			displayName: 'Certificate Fingerprint (SHA-256)',
			name: 'tlsFingerprint',
			type: 'string',
			default: '',
			placeholder: 'AB:CD:…',
			description:
				"Pin the server certificate by its SHA-256 fingerprint instead of a CA; checked before the password is sent. Test the credential to see the server's fingerprint.",
			displayOptions: { hide: { tls: ['none'] } },
		},
		{
			displayName: 'Transfer Mode',
			name: 'transferMode',
			type: 'options',
			options: [
				{
					name: 'Passive',
					value: 'passive',
					description: 'This machine opens the data connections (works through NAT)',
				},
				{ name: 'Active', value: 'active', description: 'The server connects back to this machine for data' },
			],
			default: 'passive',
		},
		{
			displayName: 'Connection Timeout (Seconds)',
			name: 'connectTimeout',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 20,
		},
	];
}
