import type { IDataObject } from 'n8n-workflow';

import type { FtpServerInfo, SftpServerInfo } from '../../support/servers/types';
import { testServers } from './helpers';

/** One real server a File Exchange node is tested against, with the credential data the node reads for it. */
export interface ServerCase {
	name: string;
	protocol: 'sftp' | 'ftp';
	/** The credential type the node asks for with this protocol. */
	credentialType: 'fileExchangeSftpApi' | 'fileExchangeFtpApi';
	info: () => SftpServerInfo | FtpServerInfo;
	credentials: () => IDataObject;
}

/** The OpenSSH server, its host keys pinned in one of the two forms the credential accepts. */
export function sftpCase(hostKeyForm: 'knownHostsLine' | 'fingerprintSha256'): ServerCase {
	const info = () => testServers().sftp;
	return {
		name: 'SFTP',
		protocol: 'sftp',
		credentialType: 'fileExchangeSftpApi',
		info,
		credentials: () => ({
			host: info().host,
			port: info().port,
			username: info().username,
			password: info().password,
			hostKeys: info().hostKeys.map((key) => key[hostKeyForm]).join('\n'),
			acceptAnyHostKey: false,
		}),
	};
}

/** One of the vsftpd servers, its certificate verified against the test CA. */
export function ftpCase(name: string, key: 'vsftpdExplicit' | 'vsftpdPlain'): ServerCase {
	const info = () => testServers().ftp[key];
	return {
		name,
		protocol: 'ftp',
		credentialType: 'fileExchangeFtpApi',
		info,
		credentials: () => ({
			host: info().host,
			port: info().port,
			user: info().username,
			password: info().password,
			tls: info().tls,
			verifyTls: true,
			trustedCa: info().ca,
		}),
	};
}
