import { chmod, chown, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { cleanUpOnFailure } from './cleanup';
import { startDaemon, waitForPort } from './daemon';
import type { TlsCertificate } from './keys';
import { findFreePort, findFreePortRange } from './ports';
import type { TestUser } from './test-user';
import type { FtpServerInfo, FtpTlsMode } from './types';

export const VSFTPD_BINARY = '/usr/sbin/vsftpd';
const PASSIVE_PORT_COUNT = 20;

export interface RunningVsftpd {
	info: FtpServerInfo;
	stop(): Promise<void>;
}

export interface VsftpdOptions {
	runDir: string;
	host: string;
	tls: FtpTlsMode;
	user: TestUser;
	pamService: string;
	certificate: TlsCertificate;
}

function tlsSettings(tls: FtpTlsMode, certificate: TlsCertificate): string[] {
	if (tls === 'none') return ['ssl_enable=NO'];
	return [
		'ssl_enable=YES',
		`implicit_ssl=${tls === 'implicit' ? 'YES' : 'NO'}`,
		`rsa_cert_file=${certificate.certFile}`,
		`rsa_private_key_file=${certificate.keyFile}`,
		'allow_anon_ssl=NO',
		'force_local_logins_ssl=YES',
		'force_local_data_ssl=YES',
		// vsftpd's default, spelled out: data connections must resume the control connection's TLS
		// session, which is what breaks naive FTPS clients.
		'require_ssl_reuse=YES',
		'ssl_ciphers=HIGH',
	];
}

/** vsftpd from Debian on `host`, one instance per TLS mode, for the test user with its password. */
export async function startVsftpd(options: VsftpdOptions): Promise<RunningVsftpd> {
	const { runDir, host, tls, user } = options;
	const configDir = join(runDir, `vsftpd-${tls}`);
	const root = join(runDir, `vsftpd-${tls}-data`);
	await mkdir(configDir, { mode: 0o700 });
	await mkdir(root, { mode: 0o755 });
	await chown(root, user.uid, user.gid);
	await chmod(root, 0o755);
	const [port, passive] = await Promise.all([findFreePort(host), findFreePortRange(host, PASSIVE_PORT_COUNT)]);

	const configFile = join(configDir, 'vsftpd.conf');
	const config = [
		'listen=YES',
		'listen_ipv6=NO',
		`listen_address=${host}`,
		`listen_port=${port}`,
		'background=NO',
		'anonymous_enable=NO',
		'local_enable=YES',
		'write_enable=YES',
		'local_umask=002',
		`local_root=${root}`,
		`pam_service_name=${options.pamService}`,
		// vsftpd pauses a second after a failed login by default; tests of wrong passwords need no pause.
		'delay_failed_login=0',
		'userlist_enable=NO',
		'connect_from_port_20=NO',
		'pasv_enable=YES',
		`pasv_address=${host}`,
		`pasv_min_port=${passive.min}`,
		`pasv_max_port=${passive.max}`,
		'xferlog_enable=YES',
		'xferlog_std_format=NO',
		`vsftpd_log_file=${join(configDir, 'vsftpd.log')}`,
		...tlsSettings(tls, options.certificate),
		'',
	].join('\n');
	await writeFile(configFile, config, { mode: 0o600 });

	const daemon = startDaemon(`vsftpd (${tls} TLS)`, VSFTPD_BINARY, [configFile], join(configDir, 'stderr.log'));
	await cleanUpOnFailure(async () => await waitForPort(daemon, host, port), daemon.stop);
	return {
		info: {
			host,
			port,
			username: user.username,
			password: user.password,
			root,
			// No chroot: the session starts in `root` and sees the real file system.
			remoteRoot: root,
			tls,
			ca: tls === 'none' ? '' : options.certificate.certPem,
		},
		stop: () => daemon.stop(),
	};
}
