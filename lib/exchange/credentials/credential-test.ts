import type { ICredentialsDecrypted, ICredentialTestFunctions, INodeCredentialTestResult } from 'n8n-workflow';

import { testFtpConnection, testSftpConnection, type ConnectionTestResult } from './connection-test';
import { ftpOptionsFromCredential, sftpOptionsFromCredential, type CredentialData } from './credentials';

function toN8nResult(result: ConnectionTestResult): INodeCredentialTestResult {
	return { status: result.ok ? 'OK' : 'Error', message: result.message };
}

/** `methods.credentialTest` of the File Exchange nodes: SFTP and FTP credentials cannot be tested over HTTP. */
export const fileExchangeCredentialTests = {
	async fileExchangeSftpConnectionTest(
		this: ICredentialTestFunctions,
		credential: ICredentialsDecrypted,
	): Promise<INodeCredentialTestResult> {
		return toN8nResult(await testSftpConnection(sftpOptionsFromCredential((credential.data ?? {}) as CredentialData)));
	},
	async fileExchangeFtpConnectionTest(
		this: ICredentialTestFunctions,
		credential: ICredentialsDecrypted,
	): Promise<INodeCredentialTestResult> {
		return toN8nResult(await testFtpConnection(ftpOptionsFromCredential((credential.data ?? {}) as CredentialData)));
	},
};
